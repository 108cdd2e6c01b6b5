// SQL of the activities that came from Strava (activities.source = 'strava'): the lock that
// serialises the writers of one Strava activity, and rewriting or deleting our copy.
import type { Activity } from '#shared/activity/activity';
import type { Queryable } from './database.ts';
import { activityContentValues, insertSamples } from './activities.repository.ts';

/** Serialises the writers of one Strava activity (a backfill job and a webhook job at once). */
export async function lockStravaActivityKey(
  db: Queryable,
  athleteId: string,
  stravaActivityId: number,
): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
    `strava:${athleteId}`,
    String(stravaActivityId),
  ]);
}

export async function findStravaActivityRow(
  db: Queryable,
  athleteId: string,
  stravaActivityId: number,
): Promise<{ id: string; localDate: string } | undefined> {
  const { rows } = await db.query<{ id: string; local_date: string }>(
    `SELECT id, local_date FROM activities
      WHERE athlete_id = $1 AND source = 'strava' AND source_id = $2`,
    [athleteId, String(stravaActivityId)],
  );
  const r = rows[0];
  return r ? { id: r.id, localDate: r.local_date } : undefined;
}

/** Rewrites a stored activity from a fresh fetch: every field and all its samples. */
export async function replaceActivityContent(
  db: Queryable,
  activityId: string,
  localDate: string,
  a: Activity,
): Promise<void> {
  await db.query(
    `UPDATE activities SET format = $2, sport = $3, name = $4, device = $5, start_at = $6,
       local_date = $7, distance_m = $8, moving_s = $9, elapsed_s = $10, elevation_gain_m = $11,
       avg_hr_bpm = $12, max_hr_bpm = $13, sample_count = $14, laps = $15, intervals = $16,
       warnings = $17, trimp = NULL, rtss = NULL, loads_profile = NULL,
       intensity = NULL, updated_at = now()
     WHERE id = $1`,
    [activityId, ...activityContentValues(a, localDate)],
  );
  await db.query('DELETE FROM samples WHERE activity_id = $1', [activityId]);
  await insertSamples(db, activityId, a.samples);
}

/** Deletes the athlete's copy of a Strava activity; returns its local day, if there was one. */
export async function deleteStravaActivityRow(
  db: Queryable,
  athleteId: string,
  stravaActivityId: number,
): Promise<string | undefined> {
  const { rows } = await db.query<{ local_date: string }>(
    `DELETE FROM activities WHERE athlete_id = $1 AND source = 'strava' AND source_id = $2
      RETURNING local_date`,
    [athleteId, String(stravaActivityId)],
  );
  return rows[0]?.local_date;
}
