// SQL of a Strava account's sync health and its catch-up (columns of strava_accounts): when Hipcheck
// last heard from Strava about the athlete, since when syncing fails, and the catch-up that
// re-lists recent activities on a schedule or when the runner opens the app after a gap.
import type { Queryable } from './database.ts';
import type { StravaProblem } from './strava-accounts.repository.ts';

/** A listing or an event went through: the athlete's data is current as of `at`. */
export async function recordStravaSyncSuccess(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET last_synced_at = greatest(last_synced_at, $2),
       sync_failing_since = NULL, sync_error = NULL
     WHERE id = $1`,
    [id, at],
  );
}

/** A sync failed (Strava errors, timeouts): kept until the next one succeeds. */
export async function recordStravaSyncFailure(
  db: Queryable,
  id: string,
  problem: StravaProblem,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET sync_failing_since = coalesce(sync_failing_since, $3),
       sync_error = $2
     WHERE id = $1 AND status = 'connected'`,
    [id, JSON.stringify(problem), at],
  );
}

export interface CatchUpRequest {
  accountId: string;
  /** Names the job: one catch-up per request. */
  requestedAtMs: number;
}

const toRequest = (r: { id: string; requested: Date }): CatchUpRequest => ({
  accountId: r.id,
  requestedAtMs: r.requested.getTime(),
});

/**
 * Asks for a catch-up of every connected account whose last one was asked for at least
 * `intervalMs` before `now` (at most `limit`, the longest waiting first).
 */
export async function requestDueStravaCatchUps(
  db: Queryable,
  now: Date,
  intervalMs: number,
  limit: number,
): Promise<CatchUpRequest[]> {
  const { rows } = await db.query<{ id: string; requested: Date }>(
    `UPDATE strava_accounts a SET catch_up_requested_at = $1, catch_up_attempts = 0
      WHERE a.id IN (
        SELECT id FROM strava_accounts
         WHERE status = 'connected'
           AND coalesce(catch_up_requested_at, connected_at) <= $1::timestamptz - make_interval(secs => $2::float8 / 1000)
         ORDER BY coalesce(catch_up_requested_at, connected_at) LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING a.id, a.catch_up_requested_at AS requested`,
    [now, intervalMs, limit],
  );
  return rows.map(toRequest);
}

/** The runner opened the app: a catch-up when the last one was asked for `gapMs` or longer ago. */
export async function requestStravaCatchUpAfterGap(
  db: Queryable,
  accountId: string,
  now: Date,
  gapMs: number,
): Promise<CatchUpRequest | undefined> {
  const { rows } = await db.query<{ id: string; requested: Date }>(
    `UPDATE strava_accounts SET catch_up_requested_at = $2, catch_up_attempts = 0
      WHERE id = $1 AND status = 'connected'
        AND coalesce(catch_up_requested_at, connected_at) <= $2::timestamptz - make_interval(secs => $3::float8 / 1000)
      RETURNING id, catch_up_requested_at AS requested`,
    [accountId, now, gapMs],
  );
  return rows[0] ? toRequest(rows[0]) : undefined;
}

/** Catch-ups asked for and not finished (their jobs may have been lost): the reconciler's list. */
export async function listUnfinishedStravaCatchUps(db: Queryable): Promise<CatchUpRequest[]> {
  const { rows } = await db.query<{ id: string; requested: Date }>(
    `SELECT id, catch_up_requested_at AS requested FROM strava_accounts
      WHERE status = 'connected' AND catch_up_requested_at IS NOT NULL
        AND (catch_up_done_at IS NULL OR catch_up_done_at < catch_up_requested_at)`,
  );
  return rows.map(toRequest);
}

/**
 * Counts an attempt of the catch-up asked for at `requestedAtMs`; undefined when it is finished, or
 * superseded by a later request (whose own job does the work).
 */
export async function startStravaCatchUp(
  db: Queryable,
  request: CatchUpRequest,
): Promise<number | undefined> {
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE strava_accounts SET catch_up_attempts = catch_up_attempts + 1
      WHERE id = $1 AND status = 'connected' AND catch_up_requested_at = $2
        AND (catch_up_done_at IS NULL OR catch_up_done_at < catch_up_requested_at)
      RETURNING catch_up_attempts AS attempts`,
    [request.accountId, new Date(request.requestedAtMs)],
  );
  return rows[0]?.attempts;
}

/** A deferred run (rate limit) is not an attempt: take it back. */
export async function uncountStravaCatchUpAttempt(db: Queryable, accountId: string): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET catch_up_attempts = greatest(catch_up_attempts - 1, 0)
      WHERE id = $1`,
    [accountId],
  );
}

export async function finishStravaCatchUp(db: Queryable, request: CatchUpRequest): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET catch_up_done_at = catch_up_requested_at
      WHERE id = $1 AND catch_up_requested_at = $2`,
    [request.accountId, new Date(request.requestedAtMs)],
  );
}

/** Where a catch-up lists from: the newest start of anything Strava gave us for this account. */
export async function newestKnownStravaStart(
  db: Queryable,
  accountId: string,
): Promise<Date | undefined> {
  const { rows } = await db.query<{ newest: Date | null }>(
    `SELECT greatest(
       (SELECT max(start_at) FROM strava_backfill_items WHERE account_id = $1),
       (SELECT max(ac.start_at) FROM activities ac JOIN strava_accounts a ON a.athlete_id = ac.athlete_id
         WHERE a.id = $1 AND ac.source = 'strava')) AS newest`,
    [accountId],
  );
  return rows[0]?.newest ?? undefined;
}

/**
 * Of the Strava activity ids a listing found, those Hipcheck has never seen for this account: not
 * stored, not in the backfill, not asked for by an event already.
 */
export async function filterUnknownStravaActivities(
  db: Queryable,
  accountId: string,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT x.id FROM unnest($2::bigint[]) AS x(id)
      WHERE NOT EXISTS (SELECT 1 FROM strava_backfill_items i
                         WHERE i.account_id = $1 AND i.strava_activity_id = x.id)
        AND NOT EXISTS (SELECT 1 FROM webhook_events e
                         WHERE e.account_id = $1 AND e.object_id = x.id
                           AND e.object_type = 'activity' AND e.status IN ('pending', 'done'))
        AND NOT EXISTS (SELECT 1 FROM activities ac JOIN strava_accounts a ON a.athlete_id = ac.athlete_id
                         WHERE a.id = $1 AND ac.source = 'strava' AND ac.source_id = x.id::text)`,
    [accountId, ids],
  );
  return rows.map((r) => Number(r.id));
}

export async function countConnectedStravaAccounts(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM strava_accounts WHERE status = 'connected'",
  );
  return rows[0]?.n ?? 0;
}
