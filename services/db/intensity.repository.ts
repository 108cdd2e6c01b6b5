// The stored intensity of an athlete's runs (activities.intensity, computed with the loads).
import type { ActivityIntensity } from '#shared/engine/compute-intensity';
import type { Queryable } from './database.ts';

/** Runs with an intensity reading between `from` and `to` (local days, inclusive), oldest first. */
export async function listRunIntensity(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<Array<{ localDate: string; intensity: ActivityIntensity }>> {
  const { rows } = await db.query<{ local_date: string; intensity: ActivityIntensity }>(
    `SELECT local_date::text AS local_date, intensity FROM activities
      WHERE athlete_id = $1 AND intensity IS NOT NULL
        AND ($2::date IS NULL OR local_date >= $2::date)
        AND ($3::date IS NULL OR local_date <= $3::date)
      ORDER BY start_at`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map((r) => ({ localDate: r.local_date, intensity: r.intensity }));
}

/** One activity's stored intensity (already scoped by the caller); null before it is computed. */
export async function findActivityIntensity(
  db: Queryable,
  activityId: string,
): Promise<ActivityIntensity | null> {
  const { rows } = await db.query<{ intensity: ActivityIntensity | null }>(
    'SELECT intensity FROM activities WHERE id = $1',
    [activityId],
  );
  return rows[0]?.intensity ?? null;
}
