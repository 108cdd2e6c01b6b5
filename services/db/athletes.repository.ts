import type { AthleteJson, Sex, Units } from '#shared/api/athlete';
import type { Queryable } from './database.ts';

export type { Sex, Units };

/** An athlete: the settings the API answers with, and the user they belong to. */
export interface Athlete extends AthleteJson {
  userId: string;
}

interface AthleteRow {
  id: string;
  user_id: string;
  timezone: string;
  sex: Sex;
  hr_max_bpm: number | null;
  hr_rest_bpm: number | null;
  threshold_pace_s_per_km: number | null;
  units: Units;
  surgery_date: string | null;
}

const COLUMNS =
  'id, user_id, timezone, sex, hr_max_bpm, hr_rest_bpm, threshold_pace_s_per_km, units, surgery_date';

const toAthlete = (r: AthleteRow): Athlete => ({
  id: r.id,
  userId: r.user_id,
  timezone: r.timezone,
  sex: r.sex,
  hrMaxBpm: r.hr_max_bpm,
  hrRestBpm: r.hr_rest_bpm,
  thresholdPaceSPerKm: r.threshold_pace_s_per_km,
  units: r.units,
  surgeryDate: r.surgery_date,
});

/** The athlete's columns as `a_<column>`, for a query that joins athletes AS a (athleteOfJoined). */
export const JOINED_ATHLETE_COLUMNS = COLUMNS.split(', ')
  .map((c) => `a.${c} AS a_${c}`)
  .join(', ');

/** The athlete of a row selected with JOINED_ATHLETE_COLUMNS; null when the join found none. */
export function athleteOfJoined(r: Record<string, unknown>): Athlete | null {
  if (r.a_id === null || r.a_id === undefined) return null;
  const row: Record<string, unknown> = {};
  for (const c of COLUMNS.split(', ')) row[c] = r[`a_${c}`];
  return toAthlete(row as unknown as AthleteRow);
}

export async function insertAthlete(
  db: Queryable,
  userId: string,
  timezone: string,
): Promise<Athlete> {
  const { rows } = await db.query<AthleteRow>(
    `INSERT INTO athletes (user_id, timezone) VALUES ($1, $2) RETURNING ${COLUMNS}`,
    [userId, timezone],
  );
  return toAthlete(rows[0] as AthleteRow);
}

export async function findAthleteByUserId(
  db: Queryable,
  userId: string,
): Promise<Athlete | undefined> {
  const { rows } = await db.query<AthleteRow>(
    `SELECT ${COLUMNS} FROM athletes WHERE user_id = $1`,
    [userId],
  );
  const r = rows[0];
  return r ? toAthlete(r) : undefined;
}

export async function findAthleteById(db: Queryable, id: string): Promise<Athlete | undefined> {
  const { rows } = await db.query<AthleteRow>(`SELECT ${COLUMNS} FROM athletes WHERE id = $1`, [
    id,
  ]);
  const r = rows[0];
  return r ? toAthlete(r) : undefined;
}

export async function updateAthlete(
  db: Queryable,
  id: string,
  patch: Partial<Omit<Athlete, 'id' | 'userId'>>,
): Promise<Athlete> {
  const { rows } = await db.query<AthleteRow>(
    `UPDATE athletes SET
       timezone = COALESCE($2, timezone),
       sex = COALESCE($3, sex),
       hr_max_bpm = CASE WHEN $4::boolean THEN $5::integer ELSE hr_max_bpm END,
       hr_rest_bpm = CASE WHEN $6::boolean THEN $7::integer ELSE hr_rest_bpm END,
       threshold_pace_s_per_km = CASE WHEN $8::boolean THEN $9::double precision ELSE threshold_pace_s_per_km END,
       units = COALESCE($10, units),
       surgery_date = CASE WHEN $11::boolean THEN $12::date ELSE surgery_date END
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      patch.timezone ?? null,
      patch.sex ?? null,
      patch.hrMaxBpm !== undefined,
      patch.hrMaxBpm ?? null,
      patch.hrRestBpm !== undefined,
      patch.hrRestBpm ?? null,
      patch.thresholdPaceSPerKm !== undefined,
      patch.thresholdPaceSPerKm ?? null,
      patch.units ?? null,
      patch.surgeryDate !== undefined,
      patch.surgeryDate ?? null,
    ],
  );
  return toAthlete(rows[0] as AthleteRow);
}
