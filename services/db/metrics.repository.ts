import type { WeeklyRow as WeeklyVolumeRow } from '#shared/api/activities';
import type { Queryable } from './database.ts';

export type { WeeklyVolumeRow };

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
