// Today's decision as the last recompute made it (today_decisions): one row per athlete, for the
// local day it was made. It stands only while no recompute is pending: any write that changes the
// engine's inputs asks for one first, and today is then computed live (today-decision.ts).
import type { Queryable } from './database.ts';

export async function saveTodayDecision(
  db: Queryable,
  athleteId: string,
  day: string,
  decision: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO today_decisions (athlete_id, day, decision) VALUES ($1, $2, $3)
     ON CONFLICT (athlete_id) DO UPDATE SET day = excluded.day, decision = excluded.decision,
       computed_at = now()`,
    [athleteId, day, JSON.stringify(decision)],
  );
}

export async function deleteTodayDecision(db: Queryable, athleteId: string): Promise<void> {
  await db.query('DELETE FROM today_decisions WHERE athlete_id = $1', [athleteId]);
}

/**
 * The stored decision of `day` when it is current (no recompute pending), and otherwise the first
 * day waiting for a recompute (or undefined when there is neither).
 */
export async function findCurrentToday(
  db: Queryable,
  athleteId: string,
  day: string,
): Promise<{ decision: unknown } | { pendingFrom: string | undefined }> {
  const { rows } = await db.query<{ pending_from: string | null; decision: unknown }>(
    `SELECT r.pending_from,
            (SELECT t.decision FROM today_decisions t WHERE t.athlete_id = $1 AND t.day = $2)
              AS decision
       FROM (SELECT 1) AS one
       LEFT JOIN recompute_requests r ON r.athlete_id = $1`,
    [athleteId, day],
  );
  const row = rows[0];
  const pendingFrom = row?.pending_from ?? undefined;
  if (pendingFrom === undefined && row?.decision) return { decision: row.decision };
  return { pendingFrom };
}
