// The engine's day rows (daily_metrics): one per athlete and day, with the carry a recompute
// resumes from, the day's metrics and the stage in force.
import { createHash } from 'node:crypto';
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
  /**
   * The day as GET /api/metrics/daily sends it (JSON text), stored so reads need not build it;
   * built only for the days written. `format` names its shape, and is part of the digest: a new
   * shape writes every day again.
   */
  lean: { format: number; text: () => string };
}

/** The row as written, and the digest of it that tells whether a stored row is the same. */
function encodeRow(r: EngineDayRow) {
  const metrics = JSON.stringify(r.metrics);
  const carry = JSON.stringify(r.carry);
  const digest = createHash('sha1')
    .update(
      `${r.runDistanceM}|${r.runMovingS}|${r.runCount}|${r.stage}|${r.action}|${r.worstSeverity}|`,
    )
    .update(metrics)
    .update('|')
    .update(carry)
    .update(`|${r.lean.format}`)
    .digest('base64url');
  return { row: r, metrics, carry, digest };
}

/**
 * Replace the athlete's engine rows from `from` on with `rows`, writing only the days whose row
 * changed: a recompute mostly reproduces the days it covers, and writing a day's metrics again
 * (JSON of a few kilobytes) is most of a recompute's time. Each row is stored with a digest of
 * what was written; a day whose new digest equals the stored one is left as it is. Days the new
 * rows no longer have are deleted. When anything was written or deleted, the athlete's version
 * (findDailyMetricsVersion) moves on, in the caller's transaction.
 */
export async function replaceEngineDays(
  db: Queryable,
  athleteId: string,
  from: string,
  rows: EngineDayRow[],
): Promise<{ written: number; unchanged: number; deleted: number }> {
  const { rows: stored } = await db.query<{ day: string; digest: string | null }>(
    'SELECT day, digest FROM daily_metrics WHERE athlete_id = $1 AND day >= $2::date',
    [athleteId, from],
  );
  const storedDigest = new Map(stored.map((s) => [s.day, s.digest]));
  const kept = new Set(rows.map((r) => r.day));
  const gone = stored.filter((s) => !kept.has(s.day)).map((s) => s.day);
  if (gone.length > 0)
    await db.query('DELETE FROM daily_metrics WHERE athlete_id = $1 AND day = ANY($2::date[])', [
      athleteId,
      gone,
    ]);
  const changed = rows.map(encodeRow).filter((e) => storedDigest.get(e.row.day) !== e.digest);
  // Large jsonb arrays in one statement spill to temporary files; batches of a few hundred days don't.
  for (let i = 0; i < changed.length; i += ENGINE_DAYS_BATCH) {
    const batch = changed.slice(i, i + ENGINE_DAYS_BATCH);
    await db.query(
      `INSERT INTO daily_metrics AS d (athlete_id, day, run_distance_m, run_moving_s, run_count, stage,
         action, worst_severity, metrics, carry, digest, lean)
       SELECT $1, * FROM unnest($2::date[], $3::float8[], $4::float8[], $5::int[], $6::int[], $7::text[],
         $8::text[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[])
       ON CONFLICT (athlete_id, day) DO UPDATE SET
         run_distance_m = excluded.run_distance_m, run_moving_s = excluded.run_moving_s,
         run_count = excluded.run_count, stage = excluded.stage, action = excluded.action,
         worst_severity = excluded.worst_severity, metrics = excluded.metrics,
         carry = excluded.carry, digest = excluded.digest, lean = excluded.lean,
         computed_at = now()`,
      [
        athleteId,
        batch.map((e) => e.row.day),
        batch.map((e) => e.row.runDistanceM),
        batch.map((e) => e.row.runMovingS),
        batch.map((e) => e.row.runCount),
        batch.map((e) => e.row.stage),
        batch.map((e) => e.row.action),
        batch.map((e) => e.row.worstSeverity),
        batch.map((e) => e.metrics),
        batch.map((e) => e.carry),
        batch.map((e) => e.digest),
        batch.map((e) => e.row.lean.text()),
      ],
    );
  }
  if (changed.length > 0 || gone.length > 0)
    await db.query(
      `INSERT INTO daily_metrics_versions AS v (athlete_id, version) VALUES ($1, 1)
       ON CONFLICT (athlete_id) DO UPDATE SET version = v.version + 1`,
      [athleteId],
    );
  return { written: changed.length, unchanged: rows.length - changed.length, deleted: gone.length };
}

/**
 * A number that changes in the transaction that changes any of the athlete's daily rows (0 before
 * the first): what a cached answer built from those rows is keyed on.
 */
export async function findDailyMetricsVersion(db: Queryable, athleteId: string): Promise<string> {
  const { rows } = await db.query<{ version: string }>(
    'SELECT version FROM daily_metrics_versions WHERE athlete_id = $1',
    [athleteId],
  );
  return rows[0]?.version ?? '0';
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

/**
 * The days of a range as GET /api/metrics/daily sends them, oldest first: the stored JSON text of
 * each day, or — for a row written before those were stored — its totals and metrics to build it.
 */
export async function listLeanDays(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<
  Array<
    | { lean: string }
    | {
        lean: null;
        day: string;
        runDistanceM: number;
        runMovingS: number;
        runCount: number;
        metrics: unknown;
      }
  >
> {
  const { rows } = await db.query<{
    lean: string | null;
    day: string;
    run_distance_m: number;
    run_moving_s: number;
    run_count: number;
    metrics: unknown;
  }>(
    `SELECT lean, day, run_distance_m, run_moving_s, run_count,
            CASE WHEN lean IS NULL THEN metrics END AS metrics
       FROM daily_metrics
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR day >= $2::date)
        AND ($3::date IS NULL OR day <= $3::date)
      ORDER BY day`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map((r) =>
    r.lean !== null
      ? { lean: r.lean }
      : {
          lean: null,
          day: r.day,
          runDistanceM: r.run_distance_m,
          runMovingS: r.run_moving_s,
          runCount: r.run_count,
          metrics: r.metrics,
        },
  );
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
