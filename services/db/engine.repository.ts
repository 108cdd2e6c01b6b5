// Reads and writes of the load and risk engine: cross-training, the engine's inputs for one athlete
// and its output rows. Check-ins and progression settings have repositories of their own.
import type { Interval, Lap } from '#shared/activity/activity';
import type { Queryable } from './database.ts';

export interface CrossTrainingRow {
  id: string;
  date: string;
  kind: string;
  minutes: number;
  rpe: number | null;
}

export async function insertCrossTraining(
  db: Queryable,
  athleteId: string,
  c: Omit<CrossTrainingRow, 'id'>,
): Promise<CrossTrainingRow> {
  const { rows } = await db.query<CrossTrainingRow>(
    `INSERT INTO cross_training (athlete_id, date, kind, minutes, rpe) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, date, kind, minutes, rpe`,
    [athleteId, c.date, c.kind, c.minutes, c.rpe],
  );
  return rows[0] as CrossTrainingRow;
}

export async function listCrossTraining(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<CrossTrainingRow[]> {
  const { rows } = await db.query<CrossTrainingRow>(
    `SELECT id, date, kind, minutes, rpe FROM cross_training
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR date >= $2::date)
        AND ($3::date IS NULL OR date <= $3::date)
      ORDER BY date, created_at`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows;
}

export interface EngineActivityRow {
  id: string;
  sport: string;
  startAt: Date;
  localDate: string;
  distanceM: number;
  movingS: number;
  trimp: number | null;
  rtss: number | null;
  loadsProfile: string | null;
  /** Detected intervals and laps, when the activity has samples (null: a summary only). */
  shape: { intervals: Interval[]; laps: Lap[] } | null;
}

/** Activities on or after `from` (all when undefined), oldest first. */
export async function listEngineActivities(
  db: Queryable,
  athleteId: string,
  from: string | undefined,
): Promise<EngineActivityRow[]> {
  const { rows } = await db.query<{
    id: string;
    sport: string;
    start_at: Date;
    local_date: string;
    distance_m: number;
    moving_s: number;
    trimp: number | null;
    rtss: number | null;
    loads_profile: string | null;
    sample_count: number;
    intervals: Interval[];
    laps: Lap[];
  }>(
    `SELECT id, sport, start_at, local_date, distance_m, moving_s, trimp, rtss, loads_profile,
            sample_count, intervals, laps
       FROM activities WHERE athlete_id = $1 AND ($2::date IS NULL OR local_date >= $2::date)
      ORDER BY start_at`,
    [athleteId, from ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    sport: r.sport,
    startAt: r.start_at,
    localDate: r.local_date,
    distanceM: r.distance_m,
    movingS: r.moving_s,
    trimp: r.trimp,
    rtss: r.rtss,
    loadsProfile: r.loads_profile,
    // The shape is known only where a stream was analysed: a summary-only activity has no samples.
    shape: r.sample_count > 0 ? { intervals: r.intervals, laps: r.laps } : null,
  }));
}

export async function updateActivityLoads(
  db: Queryable,
  id: string,
  loads: { trimp: number | null; rtss: number | null; profile: string },
): Promise<void> {
  await db.query('UPDATE activities SET trimp = $2, rtss = $3, loads_profile = $4 WHERE id = $1', [
    id,
    loads.trimp,
    loads.rtss,
    loads.profile,
  ]);
}

/** The earliest local day with any engine input (activity, check-in or cross-training). */
export async function earliestInputDate(
  db: Queryable,
  athleteId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ d: string | null }>(
    `SELECT least(
       (SELECT min(local_date) FROM activities WHERE athlete_id = $1),
       (SELECT min(date) FROM checkins WHERE athlete_id = $1),
       (SELECT min(date) FROM cross_training WHERE athlete_id = $1),
       (SELECT min(date) FROM strength_sessions WHERE athlete_id = $1)) AS d`,
    [athleteId],
  );
  return rows[0]?.d ?? undefined;
}

/** The stored engine state at the end of `date`, if that day was computed. */
export async function findCarry(db: Queryable, athleteId: string, date: string): Promise<unknown> {
  const { rows } = await db.query<{ carry: unknown }>(
    'SELECT carry FROM daily_metrics WHERE athlete_id = $1 AND day = $2 AND carry IS NOT NULL',
    [athleteId, date],
  );
  return rows[0]?.carry;
}

export interface EngineDayRow {
  day: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
  stage: number;
  action: string;
  worstSeverity: string | null;
  metrics: unknown;
  carry: unknown;
}

/** Replace the athlete's engine rows from `from` on, in batches of one statement each. */
export async function replaceEngineDays(
  db: Queryable,
  athleteId: string,
  from: string,
  rows: EngineDayRow[],
): Promise<void> {
  await db.query('DELETE FROM daily_metrics WHERE athlete_id = $1 AND day >= $2::date', [
    athleteId,
    from,
  ]);
  // Large jsonb arrays in one statement spill to temporary files; batches of a few hundred days don't.
  for (let i = 0; i < rows.length; i += ENGINE_DAYS_BATCH) {
    const batch = rows.slice(i, i + ENGINE_DAYS_BATCH);
    await db.query(
      `INSERT INTO daily_metrics (athlete_id, day, run_distance_m, run_moving_s, run_count, stage, action,
         worst_severity, metrics, carry)
       SELECT $1, * FROM unnest($2::date[], $3::float8[], $4::float8[], $5::int[], $6::int[], $7::text[],
         $8::text[], $9::jsonb[], $10::jsonb[])`,
      [
        athleteId,
        batch.map((r) => r.day),
        batch.map((r) => r.runDistanceM),
        batch.map((r) => r.runMovingS),
        batch.map((r) => r.runCount),
        batch.map((r) => r.stage),
        batch.map((r) => r.action),
        batch.map((r) => r.worstSeverity),
        batch.map((r) => JSON.stringify(r.metrics)),
        batch.map((r) => JSON.stringify(r.carry)),
      ],
    );
  }
}

const ENGINE_DAYS_BATCH = 250;

export interface StageChangeRow {
  date: string;
  fromStage: number;
  toStage: number;
  kind: string;
  by: string;
  reasons: unknown;
}

/** Each change's position among the changes of its day (so any recompute numbers them alike). */
function seqWithinDay(changes: StageChangeRow[]): number[] {
  const seen = new Map<string, number>();
  return changes.map((c) => {
    const n = seen.get(c.date) ?? 0;
    seen.set(c.date, n + 1);
    return n;
  });
}

export async function replaceStageChanges(
  db: Queryable,
  athleteId: string,
  from: string,
  changes: StageChangeRow[],
): Promise<void> {
  await db.query('DELETE FROM stage_changes WHERE athlete_id = $1 AND date >= $2::date', [
    athleteId,
    from,
  ]);
  if (changes.length === 0) return;
  await db.query(
    `INSERT INTO stage_changes (athlete_id, date, seq, from_stage, to_stage, kind, changed_by, reasons)
     SELECT $1, * FROM unnest($2::date[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::jsonb[])`,
    [
      athleteId,
      changes.map((c) => c.date),
      seqWithinDay(changes),
      changes.map((c) => c.fromStage),
      changes.map((c) => c.toStage),
      changes.map((c) => c.kind),
      changes.map((c) => c.by),
      changes.map((c) => JSON.stringify(c.reasons)),
    ],
  );
}

export async function listStageChanges(
  db: Queryable,
  athleteId: string,
): Promise<StageChangeRow[]> {
  const { rows } = await db.query<{
    date: string;
    from_stage: number;
    to_stage: number;
    kind: string;
    changed_by: string;
    reasons: unknown;
  }>(
    'SELECT date, from_stage, to_stage, kind, changed_by, reasons FROM stage_changes WHERE athlete_id = $1 ORDER BY date, seq',
    [athleteId],
  );
  return rows.map((r) => ({
    date: r.date,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    kind: r.kind,
    by: r.changed_by,
    reasons: r.reasons,
  }));
}

/** The engine rows of a date range (without the carry), oldest first. */
export async function listEngineDays(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<
  Array<{
    day: string;
    runDistanceM: number;
    runMovingS: number;
    runCount: number;
    metrics: unknown;
  }>
> {
  const { rows } = await db.query<{
    day: string;
    run_distance_m: number;
    run_moving_s: number;
    run_count: number;
    metrics: unknown;
  }>(
    `SELECT day, run_distance_m, run_moving_s, run_count, metrics FROM daily_metrics
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR day >= $2::date)
        AND ($3::date IS NULL OR day <= $3::date)
      ORDER BY day`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map((r) => ({
    day: r.day,
    runDistanceM: r.run_distance_m,
    runMovingS: r.run_moving_s,
    runCount: r.run_count,
    metrics: r.metrics,
  }));
}

/** Athletes whose latest computed day is before `beforeDay` (the daily tick uses it). */
export async function listAthletesWithDays(
  db: Queryable,
): Promise<Array<{ athleteId: string; timezone: string; lastDay: string | null }>> {
  const { rows } = await db.query<{ id: string; timezone: string; last_day: string | null }>(
    `SELECT a.id, a.timezone, (SELECT max(day) FROM daily_metrics d WHERE d.athlete_id = a.id) AS last_day
       FROM athletes a`,
  );
  return rows.map((r) => ({ athleteId: r.id, timezone: r.timezone, lastDay: r.last_day }));
}

/** The engine's stage on a day, if that day was computed. */
export async function findStageOn(
  db: Queryable,
  athleteId: string,
  day: string,
): Promise<number | undefined> {
  const { rows } = await db.query<{ stage: number | null }>(
    'SELECT stage FROM daily_metrics WHERE athlete_id = $1 AND day = $2',
    [athleteId, day],
  );
  return rows[0]?.stage ?? undefined;
}
