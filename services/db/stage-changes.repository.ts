// The stage changes the engine decided (stage_changes), numbered within their day.
import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from './database.ts';

export interface StageChangeRow {
  date: string;
  fromStage: number;
  toStage: number;
  kind: string;
  by: string;
  reasons: unknown;
}

/** Each change's position among the changes of its day (so any recompute numbers them alike). */
function seqWithinDay(changes: StageChangeRow[]): number[] {
  const seen = new Map<string, number>();
  return changes.map((c) => {
    const n = seen.get(c.date) ?? 0;
    seen.set(c.date, n + 1);
    return n;
  });
}

/** Whether `stored` (as read back) holds exactly `changes`, in order. */
function sameChanges(stored: StageChangeRow[], changes: StageChangeRow[]): boolean {
  return (
    stored.length === changes.length &&
    changes.every((c, i) => {
      const s = stored[i] as StageChangeRow;
      return (
        s.date === c.date &&
        s.fromStage === c.fromStage &&
        s.toStage === c.toStage &&
        s.kind === c.kind &&
        s.by === c.by &&
        // The reasons as jsonb gives them back (its own key order; undefined fields gone).
        isDeepStrictEqual(s.reasons, JSON.parse(JSON.stringify(c.reasons)))
      );
    })
  );
}

/**
 * Replace the athlete's stage changes from `from` on. `stored`, when given, is what the athlete has
 * now (all of it, as listStageChanges reads it): when the changes from `from` on are the same, as
 * after most recomputes, nothing is written.
 */
export async function replaceStageChanges(
  db: Queryable,
  athleteId: string,
  from: string,
  changes: StageChangeRow[],
  stored?: Promise<StageChangeRow[]>,
): Promise<void> {
  if (
    stored &&
    sameChanges(
      (await stored).filter((s) => s.date >= from),
      changes,
    )
  )
    return;
  await db.query('DELETE FROM stage_changes WHERE athlete_id = $1 AND date >= $2::date', [
    athleteId,
    from,
  ]);
  if (changes.length === 0) return;
  await db.query(
    `INSERT INTO stage_changes (athlete_id, date, seq, from_stage, to_stage, kind, changed_by, reasons)
     SELECT $1, * FROM unnest($2::date[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::jsonb[])`,
    [
      athleteId,
      changes.map((c) => c.date),
      seqWithinDay(changes),
      changes.map((c) => c.fromStage),
      changes.map((c) => c.toStage),
      changes.map((c) => c.kind),
      changes.map((c) => c.by),
      changes.map((c) => JSON.stringify(c.reasons)),
    ],
  );
}

export async function listStageChanges(
  db: Queryable,
  athleteId: string,
): Promise<StageChangeRow[]> {
  const { rows } = await db.query<{
    date: string;
    from_stage: number;
    to_stage: number;
    kind: string;
    changed_by: string;
    reasons: unknown;
  }>(
    'SELECT date, from_stage, to_stage, kind, changed_by, reasons FROM stage_changes WHERE athlete_id = $1 ORDER BY date, seq',
    [athleteId],
  );
  return rows.map((r) => ({
    date: r.date,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    kind: r.kind,
    by: r.changed_by,
    reasons: r.reasons,
  }));
}
