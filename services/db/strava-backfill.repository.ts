// SQL of a Strava backfill: its progress on the account row (generation, state, cursor, next
// batch) and its items (strava_backfill_items), one per Strava activity the listing found.
import type { Queryable } from './database.ts';
import type { StravaProblem } from './strava-accounts.repository.ts';

export async function restartStravaBackfill(
  db: Queryable,
  id: string,
  after: Date | null,
): Promise<number> {
  const { rows } = await db.query<{ backfill_generation: number }>(
    `UPDATE strava_accounts SET backfill_generation = backfill_generation + 1,
       backfill_state = 'listing', backfill_after = $2, backfill_cursor = now(),
       backfill_listed_after = NULL, backfill_next_batch_at = NULL, updated_at = now()
     WHERE id = $1 AND status = 'connected' RETURNING backfill_generation`,
    [id, after],
  );
  return rows[0]?.backfill_generation ?? 0;
}

/**
 * After a listing page: the part of the window still to list (`before` moves back when pages come
 * newest first, `after` forward when they come oldest first), or `null` when the listing is done.
 * Only for the current generation.
 */
export async function advanceStravaBackfillListing(
  db: Queryable,
  id: string,
  generation: number,
  rest: { before: Date; after: Date | null } | null,
): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET
       backfill_cursor = coalesce($3, backfill_cursor),
       backfill_listed_after = CASE WHEN $5 THEN $4 ELSE backfill_listed_after END,
       backfill_state = CASE WHEN $5 THEN backfill_state ELSE 'fetching' END, updated_at = now()
     WHERE id = $1 AND backfill_generation = $2 AND backfill_state = 'listing'`,
    [id, generation, rest?.before ?? null, rest?.after ?? null, rest !== null],
  );
}

/** When the next batch can go out (the rate limit is used up until then); shown to the runner. */
export async function setStravaNextBatchAt(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET backfill_next_batch_at = $2, updated_at = now() WHERE id = $1`,
    [id, at],
  );
}

/**
 * Listing finished and no item pending: marks the backfill done and returns the athlete (once,
 * to the caller that made the change), so that it can ask for one recompute.
 */
export async function finishStravaBackfillIfDone(
  db: Queryable,
  id: string,
): Promise<{ athleteId: string } | undefined> {
  const { rows } = await db.query<{ athlete_id: string }>(
    `UPDATE strava_accounts a SET backfill_state = 'done', backfill_next_batch_at = NULL,
       updated_at = now()
     WHERE a.id = $1 AND a.backfill_state = 'fetching'
       AND NOT EXISTS (SELECT 1 FROM strava_backfill_items i
                        WHERE i.account_id = a.id AND i.status = 'pending')
     RETURNING a.athlete_id`,
    [id],
  );
  return rows[0] ? { athleteId: rows[0].athlete_id } : undefined;
}

/** The first local day of the account's backfilled activities: where its recompute starts. */
export async function earliestStravaBackfillDay(
  db: Queryable,
  accountId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ d: string | null }>(
    `SELECT min(a.local_date) AS d FROM strava_backfill_items i
       JOIN activities a ON a.id = i.activity_id WHERE i.account_id = $1`,
    [accountId],
  );
  return rows[0]?.d ?? undefined;
}

/** Backfills listed with nothing pending but not marked done (a crash in between). */
export async function listFinishedStravaBackfills(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT a.id FROM strava_accounts a
      WHERE a.status = 'connected' AND a.backfill_state = 'fetching'
        AND NOT EXISTS (SELECT 1 FROM strava_backfill_items i
                         WHERE i.account_id = a.id AND i.status = 'pending')`,
  );
  return rows.map((r) => r.id);
}

/** Connected accounts whose backfill is still listing: what the reconciler enqueues again. */
export async function listListingStravaBackfills(
  db: Queryable,
): Promise<Array<{ accountId: string; generation: number }>> {
  const { rows } = await db.query<{ id: string; backfill_generation: number }>(
    `SELECT id, backfill_generation FROM strava_accounts
      WHERE status = 'connected' AND backfill_state = 'listing'`,
  );
  return rows.map((r) => ({ accountId: r.id, generation: r.backfill_generation }));
}

export type BackfillItemStatus = 'pending' | 'done' | 'skipped' | 'failed';

/** Adds the activities one listing page found; returns the ids not known before. */
export async function insertStravaBackfillItems(
  db: Queryable,
  accountId: string,
  items: ReadonlyArray<{ stravaActivityId: number; startAt: Date }>,
): Promise<number[]> {
  if (items.length === 0) return [];
  const { rows } = await db.query<{ strava_activity_id: string }>(
    `INSERT INTO strava_backfill_items (account_id, strava_activity_id, start_at)
     SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[])
     ON CONFLICT (account_id, strava_activity_id) DO NOTHING
     RETURNING strava_activity_id`,
    [accountId, items.map((i) => i.stravaActivityId), items.map((i) => i.startAt)],
  );
  return rows.map((r) => Number(r.strava_activity_id));
}

/** Counts the attempt of a pending item; undefined when it is finished already. */
export async function startStravaBackfillItem(
  db: Queryable,
  accountId: string,
  stravaActivityId: number,
): Promise<number | undefined> {
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE strava_backfill_items SET attempts = attempts + 1, updated_at = now()
      WHERE account_id = $1 AND strava_activity_id = $2 AND status = 'pending'
      RETURNING attempts`,
    [accountId, stravaActivityId],
  );
  return rows[0]?.attempts;
}

/** A deferred run (rate limit) is not an attempt: take it back. */
export async function uncountStravaBackfillAttempt(
  db: Queryable,
  accountId: string,
  stravaActivityId: number,
): Promise<void> {
  await db.query(
    `UPDATE strava_backfill_items SET attempts = greatest(attempts - 1, 0)
      WHERE account_id = $1 AND strava_activity_id = $2 AND status = 'pending'`,
    [accountId, stravaActivityId],
  );
}

export async function finishStravaBackfillItem(
  db: Queryable,
  accountId: string,
  stravaActivityId: number,
  result: {
    status: Exclude<BackfillItemStatus, 'pending'>;
    activityId?: string;
    error?: StravaProblem;
  },
): Promise<void> {
  await db.query(
    `UPDATE strava_backfill_items SET status = $3, activity_id = $4, error = $5, updated_at = now()
      WHERE account_id = $1 AND strava_activity_id = $2 AND status = 'pending'`,
    [
      accountId,
      stravaActivityId,
      result.status,
      result.activityId ?? null,
      result.error ? JSON.stringify(result.error) : null,
    ],
  );
}

/**
 * Items handed to a worker and not finished, of connected accounts: the reconciler enqueues them
 * again (a job Redis lost comes back; one still queued is deduplicated by its id).
 */
export async function listDispatchedStravaBackfillItems(
  db: Queryable,
  limit = 1000,
): Promise<Array<{ accountId: string; stravaActivityId: number }>> {
  const { rows } = await db.query<{ account_id: string; strava_activity_id: string }>(
    `SELECT i.account_id, i.strava_activity_id FROM strava_backfill_items i
       JOIN strava_accounts a ON a.id = i.account_id AND a.status = 'connected'
      WHERE i.status = 'pending' AND i.dispatched_at IS NOT NULL
      ORDER BY i.start_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    stravaActivityId: Number(r.strava_activity_id),
  }));
}

/**
 * Hands up to `capacity` minus the items already in flight to workers: the newest waiting item of
 * each backfill in turn, the backfill served longest ago first (round robin), and while a backfill
 * is still listing only items newer than anything left to list (so the most recent weeks come
 * first whatever order Strava lists in). Nothing while a webhook or catch-up event is pending: new
 * activities go first. Call inside a transaction: the advisory lock makes dispatchers take turns.
 */
export async function dispatchStravaBackfillItems(
  db: Queryable,
  capacity: number,
): Promise<Array<{ accountId: string; stravaActivityId: number }>> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('hipcheck:strava-backfill-dispatch'))");
  const { rows: flying } = await db.query<{ n: number; live: boolean }>(
    `SELECT count(*)::int AS n,
            EXISTS (SELECT 1 FROM webhook_events WHERE status = 'pending') AS live
       FROM strava_backfill_items i
       JOIN strava_accounts a ON a.id = i.account_id AND a.status = 'connected'
      WHERE i.status = 'pending' AND i.dispatched_at IS NOT NULL`,
  );
  const room = flying[0]?.live ? 0 : capacity - (flying[0]?.n ?? 0);
  if (room <= 0) return [];
  const { rows } = await db.query<{ account_id: string; strava_activity_id: string }>(
    `WITH waiting AS (
       SELECT a.id AS account_id, i.strava_activity_id, a.backfill_served_at,
              row_number() OVER (PARTITION BY a.id ORDER BY i.start_at DESC, i.strava_activity_id DESC) AS turn
         FROM strava_accounts a
        CROSS JOIN LATERAL (
          SELECT strava_activity_id, start_at FROM strava_backfill_items i
           WHERE i.account_id = a.id AND i.status = 'pending' AND i.dispatched_at IS NULL
             AND (a.backfill_state <> 'listing' OR i.start_at >= a.backfill_cursor - interval '1 second')
           ORDER BY i.start_at DESC LIMIT $1) i
        WHERE a.status = 'connected'),
     picked AS (
       SELECT account_id, strava_activity_id FROM waiting
        ORDER BY turn, backfill_served_at NULLS FIRST, account_id LIMIT $1),
     served AS (
       UPDATE strava_accounts SET backfill_served_at = clock_timestamp()
        WHERE id IN (SELECT account_id FROM picked))
     UPDATE strava_backfill_items i SET dispatched_at = now()
       FROM picked p
      WHERE i.account_id = p.account_id AND i.strava_activity_id = p.strava_activity_id
      RETURNING i.account_id, i.strava_activity_id`,
    [room],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    stravaActivityId: Number(r.strava_activity_id),
  }));
}

/** Backfills with work left (listing, or items pending): the ones sharing the budget. */
export async function countActiveStravaBackfills(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM strava_accounts a
      WHERE a.status = 'connected' AND (a.backfill_state = 'listing'
        OR EXISTS (SELECT 1 FROM strava_backfill_items i
                    WHERE i.account_id = a.id AND i.status = 'pending'))`,
  );
  return rows[0]?.n ?? 0;
}

export interface BackfillCounts {
  total: number;
  pending: number;
  done: number;
  skipped: number;
  failed: number;
}

export async function countStravaBackfillItems(
  db: Queryable,
  accountId: string,
): Promise<BackfillCounts> {
  const { rows } = await db.query<{ status: BackfillItemStatus; n: number }>(
    `SELECT status, count(*)::int AS n FROM strava_backfill_items WHERE account_id = $1
      GROUP BY status`,
    [accountId],
  );
  const counts: BackfillCounts = { total: 0, pending: 0, done: 0, skipped: 0, failed: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.total += r.n;
  }
  return counts;
}
