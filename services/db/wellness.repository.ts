// Daily wellness values per athlete and local day: resting heart rate and HRV (SDNN). A later
// import of the same day replaces the values it has and keeps the ones it has not.
import type { WellnessDay as WellnessDayRow } from '#shared/api/checkins';
import type { Queryable } from './database.ts';

export type { WellnessDayRow };

export interface NewWellnessDay {
  day: string;
  restingHrBpm?: number | undefined;
  hrvSdnnMs?: number | undefined;
}

/** Store the days (one statement); returns how many were written. */
export async function upsertWellnessDays(
  db: Queryable,
  athleteId: string,
  source: string,
  days: readonly NewWellnessDay[],
): Promise<number> {
  if (days.length === 0) return 0;
  const { rows } = await db.query<{ n: number }>(
    `WITH written AS (
       INSERT INTO wellness_days (athlete_id, day, resting_hr_bpm, hrv_sdnn_ms, source)
       SELECT $1, d, hr, hrv, $2 FROM unnest($3::date[], $4::real[], $5::real[]) AS t(d, hr, hrv)
       ON CONFLICT (athlete_id, day) DO UPDATE SET
         resting_hr_bpm = COALESCE(EXCLUDED.resting_hr_bpm, wellness_days.resting_hr_bpm),
         hrv_sdnn_ms = COALESCE(EXCLUDED.hrv_sdnn_ms, wellness_days.hrv_sdnn_ms),
         source = EXCLUDED.source,
         updated_at = now()
       RETURNING 1)
     SELECT count(*)::int AS n FROM written`,
    [
      athleteId,
      source,
      days.map((d) => d.day),
      days.map((d) => d.restingHrBpm ?? null),
      days.map((d) => d.hrvSdnnMs ?? null),
    ],
  );
  return rows[0]?.n ?? 0;
}

export async function listWellnessDays(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<WellnessDayRow[]> {
  const { rows } = await db.query<{
    day: string;
    resting_hr_bpm: number | null;
    hrv_sdnn_ms: number | null;
    source: string;
  }>(
    `SELECT day::text AS day, resting_hr_bpm, hrv_sdnn_ms, source FROM wellness_days
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR day >= $2::date)
        AND ($3::date IS NULL OR day <= $3::date)
      ORDER BY day`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map((r) => ({
    day: r.day,
    restingHrBpm: r.resting_hr_bpm,
    hrvSdnnMs: r.hrv_sdnn_ms,
    source: r.source,
  }));
}
