// Clearances: a clinician has seen the hip and cleared running (science.md §5 rule 1, §4 "After
// surgery"), recorded by the runner or their coach.
import type { Clearance as ClearanceRow } from '#shared/api/progression';
import type { Queryable } from './database.ts';

export type { ClearanceRow };

const COLUMNS = 'id, date, stage, note, recorded_by, created_at';

const toClearance = (r: {
  id: string;
  date: string;
  stage: number | null;
  note: string | null;
  recorded_by: 'runner' | 'coach';
  created_at: Date;
}): ClearanceRow => ({
  id: r.id,
  date: r.date,
  stage: r.stage,
  note: r.note,
  by: r.recorded_by,
  createdAt: r.created_at.toISOString(),
});

export async function insertClearance(
  db: Queryable,
  athleteId: string,
  c: Omit<ClearanceRow, 'id' | 'createdAt'>,
): Promise<ClearanceRow> {
  const { rows } = await db.query(
    `INSERT INTO clearances (athlete_id, date, stage, note, recorded_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [athleteId, c.date, c.stage, c.note, c.by],
  );
  return toClearance(rows[0] as Parameters<typeof toClearance>[0]);
}

/** The athlete's clearances, newest first. */
export async function listClearances(db: Queryable, athleteId: string): Promise<ClearanceRow[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM clearances WHERE athlete_id = $1 ORDER BY date DESC, created_at DESC`,
    [athleteId],
  );
  return rows.map((r) => toClearance(r as Parameters<typeof toClearance>[0]));
}
