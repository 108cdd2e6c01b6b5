// A recompute request per athlete: the earliest day whose rows are stale. Requests only ever
// update their row for an instant; recomputes of one athlete take turns under an advisory lock
// (recompute.processor.ts), and never hold the request's row while they run.
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
       newer_from = LEAST(COALESCE(r.newer_from, excluded.pending_from), excluded.pending_from),
       version = r.version + CASE WHEN r.pending_from IS NULL THEN 1 ELSE 0 END,
       requested_at = now()
     RETURNING version`,
    [athleteId, fromDate],
  );
  return (rows[0] as { version: number }).version;
}

/**
 * The version of the athlete's pending request when it already covers `fromDate` for a recompute
 * to come (both the pending day and the day asked since the running recompute began are on or
 * before it); undefined when a request must be written. Only for data already committed: a
 * recompute that takes the request after this read reads that data.
 */
export async function coveringRecompute(
  db: Queryable,
  athleteId: string,
  fromDate: string,
): Promise<number | undefined> {
  const { rows } = await db.query<{ version: number }>(
    `SELECT version FROM recompute_requests
      WHERE athlete_id = $1 AND pending_from <= $2::date AND newer_from <= $2::date`,
    [athleteId, fromDate],
  );
  return rows[0]?.version;
}

/**
 * Take the athlete's pending request for a recompute about to run, without locking it: the day to
 * recompute from (undefined when nothing is pending). Requests arriving from now on are gathered
 * apart (newer_from) and become the pending request when the recompute finishes, so a request
 * never waits for a recompute to end. The request itself stays pending until then: a crash keeps it.
 */
export async function claimPendingRecompute(
  db: Queryable,
  athleteId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ pending_from: string | null }>(
    `UPDATE recompute_requests SET newer_from = NULL WHERE athlete_id = $1 RETURNING pending_from`,
    [athleteId],
  );
  return rows[0]?.pending_from ?? undefined;
}

/**
 * End a recompute (in the transaction that wrote its rows): what was requested while it ran is
 * what is pending now. True when something is (the recompute runs again for it).
 */
export async function finishPendingRecompute(db: Queryable, athleteId: string): Promise<boolean> {
  const { rows } = await db.query<{ pending_from: string | null }>(
    `UPDATE recompute_requests SET pending_from = newer_from, newer_from = NULL
      WHERE athlete_id = $1 RETURNING pending_from`,
    [athleteId],
  );
  return (rows[0]?.pending_from ?? null) !== null;
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
