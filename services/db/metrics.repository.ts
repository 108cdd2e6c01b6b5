import type { Queryable } from './database.ts';

export interface DailyVolumeRow {
  day: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}

export interface WeeklyVolumeRow {
  weekStart: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}

/** Replace the athlete's daily rows from `from` on with `rows` (one per day, rest days as zeros). */
export async function replaceDailyVolume(
  db: Queryable,
  athleteId: string,
  from: string,
  rows: DailyVolumeRow[],
): Promise<void> {
  await db.query('DELETE FROM daily_metrics WHERE athlete_id = $1 AND day >= $2::date', [
    athleteId,
    from,
  ]);
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO daily_metrics (athlete_id, day, run_distance_m, run_moving_s, run_count)
     SELECT $1, * FROM unnest($2::date[], $3::float8[], $4::float8[], $5::int[])`,
    [
      athleteId,
      rows.map((r) => r.day),
      rows.map((r) => r.runDistanceM),
      rows.map((r) => r.runMovingS),
      rows.map((r) => r.runCount),
    ],
  );
}

export async function listDailyVolume(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<DailyVolumeRow[]> {
  const { rows } = await db.query<{
    day: string;
    run_distance_m: number;
    run_moving_s: number;
    run_count: number;
  }>(
    `SELECT day, run_distance_m, run_moving_s, run_count FROM daily_metrics
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
  }));
}

/**
 * Weekly running volume (Monday-based weeks). Reads the `weekly_volume` relation, a continuous
 * aggregate on TimescaleDB and a plain view elsewhere: the same query, the same answers.
 */
export const WEEKLY_VOLUME_SQL = `SELECT week_start::date AS week_start, run_distance_m::float8 AS run_distance_m,
       run_moving_s::float8 AS run_moving_s, run_count::int AS run_count
  FROM weekly_volume
 WHERE athlete_id = $1
   AND ($2::date IS NULL OR week_start >= $2::date)
   AND ($3::date IS NULL OR week_start <= $3::date)
 ORDER BY week_start`;

export async function listWeeklyVolume(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<WeeklyVolumeRow[]> {
  const { rows } = await db.query<{
    week_start: string;
    run_distance_m: number;
    run_moving_s: number;
    run_count: number;
  }>(WEEKLY_VOLUME_SQL, [athleteId, range.from ?? null, range.to ?? null]);
  return rows.map((r) => ({
    weekStart: r.week_start,
    runDistanceM: r.run_distance_m,
    runMovingS: r.run_moving_s,
    runCount: r.run_count,
  }));
}
