import type { Queryable } from './database.ts';

/**
 * Ask for the athlete's metrics to be recomputed from `fromDate` on. Keeps the earliest pending
 * day; returns the version that names the job for the current pending period.
 */
export async function requestRecompute(
  db: Queryable,
  athleteId: string,
  fromDate: string,
): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO recompute_requests AS r (athlete_id, pending_from) VALUES ($1, $2::date)
     ON CONFLICT (athlete_id) DO UPDATE SET
       pending_from = LEAST(COALESCE(r.pending_from, excluded.pending_from), excluded.pending_from),
       version = r.version + CASE WHEN r.pending_from IS NULL THEN 1 ELSE 0 END,
       requested_at = now()
     RETURNING version`,
    [athleteId, fromDate],
  );
  return (rows[0] as { version: number }).version;
}

/** Lock the athlete's pending request for this transaction; undefined when nothing is pending. */
export async function lockPendingRecompute(
  db: Queryable,
  athleteId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ pending_from: string | null }>(
    'SELECT pending_from FROM recompute_requests WHERE athlete_id = $1 FOR UPDATE',
    [athleteId],
  );
  return rows[0]?.pending_from ?? undefined;
}

export async function clearPendingRecompute(db: Queryable, athleteId: string): Promise<void> {
  await db.query('UPDATE recompute_requests SET pending_from = NULL WHERE athlete_id = $1', [
    athleteId,
  ]);
}

/** Pending requests with their job version: what the reconciler enqueues again. */
export async function listPendingRecomputes(
  db: Queryable,
  limit = 1000,
): Promise<Array<{ athleteId: string; version: number }>> {
  const { rows } = await db.query<{ athlete_id: string; version: number }>(
    `SELECT athlete_id, version FROM recompute_requests WHERE pending_from IS NOT NULL
      ORDER BY requested_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ athleteId: r.athlete_id, version: r.version }));
}

/** Whether the athlete's metrics are waiting for a recompute (the dashboard shows "updating"). */
export async function isRecomputePending(db: Queryable, athleteId: string): Promise<boolean> {
  const { rows } = await db.query<{ pending: boolean }>(
    'SELECT pending_from IS NOT NULL AS pending FROM recompute_requests WHERE athlete_id = $1',
    [athleteId],
  );
  return rows[0]?.pending ?? false;
}

/** The first day still waiting for a recompute, if any: stored rows from it on are stale. */
export async function findPendingRecompute(
  db: Queryable,
  athleteId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ pending_from: string | null }>(
    'SELECT pending_from FROM recompute_requests WHERE athlete_id = $1',
    [athleteId],
  );
  return rows[0]?.pending_from ?? undefined;
}
