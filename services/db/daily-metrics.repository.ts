// The engine's day rows (daily_metrics): one per athlete and day, with the carry a recompute
// resumes from, the day's metrics and the stage in force.
import type { Queryable } from './database.ts';

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
