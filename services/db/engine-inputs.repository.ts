// What the engine reads of an athlete's activities (with the loads computed as each was stored),
// and the earliest day any engine input exists.
import type { Interval, Lap } from '#shared/activity/activity';
import type { ActivityIntensity } from '#shared/engine/compute-intensity';
import type { Queryable } from './database.ts';

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
  /** Strides, hill repeats and time above threshold, computed with the loads (null: not yet). */
  intensity: ActivityIntensity | null;
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
    intensity: ActivityIntensity | null;
    sample_count: number;
    intervals: Interval[];
    laps: Lap[];
  }>(
    `SELECT id, sport, start_at, local_date, distance_m, moving_s, trimp, rtss, loads_profile,
            intensity, sample_count, intervals, laps
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
    intensity: r.intensity,
    // The shape is known only where a stream was analysed: a summary-only activity has no samples.
    shape: r.sample_count > 0 ? { intervals: r.intervals, laps: r.laps } : null,
  }));
}

export async function updateActivityLoads(
  db: Queryable,
  id: string,
  loads: {
    trimp: number | null;
    rtss: number | null;
    intensity: ActivityIntensity | null;
    profile: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE activities SET trimp = $2, rtss = $3, intensity = $4, loads_profile = $5
      WHERE id = $1`,
    [
      id,
      loads.trimp,
      loads.rtss,
      loads.intensity === null ? null : JSON.stringify(loads.intensity),
      loads.profile,
    ],
  );
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
