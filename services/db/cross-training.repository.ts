// Cross-training sessions (cycling, swimming, …) an athlete logs by hand: load, never running distance.
import type { CrossTrainingRow } from '#shared/api/checkins';
import type { Queryable } from './database.ts';

export type { CrossTrainingRow };

export async function insertCrossTraining(
  db: Queryable,
  athleteId: string,
  c: Omit<CrossTrainingRow, 'id'>,
): Promise<CrossTrainingRow> {
  const { rows } = await db.query<CrossTrainingRow>(
    `INSERT INTO cross_training (athlete_id, date, kind, minutes, rpe) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, date, kind, minutes, rpe`,
    [athleteId, c.date, c.kind, c.minutes, c.rpe],
  );
  return rows[0] as CrossTrainingRow;
}

export async function listCrossTraining(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<CrossTrainingRow[]> {
  const { rows } = await db.query<CrossTrainingRow>(
    `SELECT id, date, kind, minutes, rpe FROM cross_training
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR date >= $2::date)
        AND ($3::date IS NULL OR date <= $3::date)
      ORDER BY date, created_at`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows;
}
