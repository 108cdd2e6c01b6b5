// The engine's day rows (daily_metrics): one per athlete and day, with the carry a recompute
// resumes from, the day's metrics and the stage in force.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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

/** The digest of each stored day from `from` on (null: a row written before digests). */
export type StoredDigests = Map<string, string | null>;

/**
 * Read the stored days' digests. A recompute starts this before it runs the engine, so that the
 * database answers while the engine computes.
 */
export async function readStoredDigests(
  db: Queryable,
  athleteId: string,
  from: string,
): Promise<StoredDigests> {
  const { rows } = await db.query<{ day: string; digest: string | null }>(
    'SELECT day, digest FROM daily_metrics WHERE athlete_id = $1 AND day >= $2::date',
    [athleteId, from],
  );
  return new Map(rows.map((r) => [r.day, r.digest]));
}

/** A value as a field of COPY's text format (`\N` is NULL; backslash and line breaks escaped). */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  const text = String(v);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, escapeCopyChar) : text;
}

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const escapeCopyChar = (c: string): string => COPY_ESCAPES[c] ?? c;

/** The rows as COPY text, a few hundred days per chunk. */
function* copyLines(athleteId: string, rows: ReturnType<typeof encodeRow>[]): Generator<string> {
  for (let i = 0; i < rows.length; i += ENGINE_DAYS_BATCH) {
    let chunk = '';
    for (const e of rows.slice(i, i + ENGINE_DAYS_BATCH)) {
      const r = e.row;
      chunk +=
        [
          athleteId,
          r.day,
          r.runDistanceM,
          r.runMovingS,
          r.runCount,
          r.stage,
          r.action,
          r.worstSeverity,
          e.metrics,
          e.carry,
          e.digest,
          r.lean.text(),
        ]
          .map(copyField)
          .join('\t') + '\n';
    }
    yield chunk;
  }
}

/**
 * Replace the athlete's engine rows from `from` on with `rows`, writing only the days whose row
 * changed: a recompute mostly reproduces the days it covers, and writing a day's metrics again
 * (JSON of a few kilobytes) is most of a recompute's time. Each row is stored with a digest of
 * what was written; a day whose new digest equals the stored one is left as it is. Days the new
 * rows no longer have are deleted. The changed days are deleted and written again with COPY in
 * one stream: an upsert of jsonb arrays escaped every quote of every day's JSON twice over. When
 * anything was written or deleted, the athlete's version (findDailyMetricsVersion) moves on, in
 * the caller's transaction.
 */
export async function replaceEngineDays(
  db: ClientBase,
  athleteId: string,
  from: string,
  rows: EngineDayRow[],
  stored: Promise<StoredDigests> = readStoredDigests(db, athleteId, from),
): Promise<{ written: number; unchanged: number; deleted: number }> {
  const storedDigest = await stored;
  const kept = new Set(rows.map((r) => r.day));
  const gone = [...storedDigest.keys()].filter((day) => !kept.has(day));
  const changed = rows.map(encodeRow).filter((e) => storedDigest.get(e.row.day) !== e.digest);
  const replaced = changed.filter((e) => storedDigest.has(e.row.day)).map((e) => e.row.day);
  if (gone.length + replaced.length > 0)
    await db.query('DELETE FROM daily_metrics WHERE athlete_id = $1 AND day = ANY($2::date[])', [
      athleteId,
      [...gone, ...replaced],
    ]);
  if (changed.length > 0) {
    const stream = db.query(
      copyFrom(
        `COPY daily_metrics (athlete_id, day, run_distance_m, run_moving_s, run_count, stage, action,
           worst_severity, metrics, carry, digest, lean) FROM STDIN`,
      ),
    );
    await pipeline(Readable.from(copyLines(athleteId, changed)), stream);
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

/** Days per chunk of the COPY stream. */
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
