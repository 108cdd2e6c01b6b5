// SQL of the Strava integration: connected accounts and their tokens (always ciphertexts), the
// backfill items, the webhook outbox, the push subscription, and Strava-sourced activities.
import type { Activity } from '#shared/activity/activity';
import type { Queryable } from './database.ts';
import { activityContentValues, insertSamples } from './activities.repository.ts';

export type StravaAccountStatus = 'connected' | 'deauthorized' | 'disconnected';
export type BackfillState = 'listing' | 'fetching' | 'done';

export interface StravaProblem {
  code: string;
  message: string;
}

export interface StravaAccount {
  id: string;
  athleteId: string;
  stravaAthleteId: number;
  status: StravaAccountStatus;
  scope: string;
  expiresAt: Date | null;
  backfillGeneration: number;
  backfillState: BackfillState;
  backfillAfter: Date | null;
  backfillCursor: Date;
  backfillNextBatchAt: Date | null;
  lastError: StravaProblem | null;
  connectedAt: Date;
}

interface AccountRow {
  id: string;
  athlete_id: string;
  strava_athlete_id: string;
  status: StravaAccountStatus;
  scope: string;
  expires_at: Date | null;
  backfill_generation: number;
  backfill_state: BackfillState;
  backfill_after: Date | null;
  backfill_cursor: Date;
  backfill_next_batch_at: Date | null;
  last_error: StravaProblem | null;
  connected_at: Date;
}

const ACCOUNT_COLUMNS = `id, athlete_id, strava_athlete_id, status, scope, expires_at,
  backfill_generation, backfill_state, backfill_after, backfill_cursor, backfill_next_batch_at,
  last_error, connected_at`;

const toAccount = (r: AccountRow): StravaAccount => ({
  id: r.id,
  athleteId: r.athlete_id,
  stravaAthleteId: Number(r.strava_athlete_id),
  status: r.status,
  scope: r.scope,
  expiresAt: r.expires_at,
  backfillGeneration: r.backfill_generation,
  backfillState: r.backfill_state,
  backfillAfter: r.backfill_after,
  backfillCursor: r.backfill_cursor,
  backfillNextBatchAt: r.backfill_next_batch_at,
  lastError: r.last_error,
  connectedAt: r.connected_at,
});

export async function findStravaAccountByAthlete(
  db: Queryable,
  athleteId: string,
): Promise<StravaAccount | undefined> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM strava_accounts WHERE athlete_id = $1`,
    [athleteId],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function findStravaAccount(
  db: Queryable,
  id: string,
): Promise<StravaAccount | undefined> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM strava_accounts WHERE id = $1`,
    [id],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

/** The account (any status) holding this Strava athlete, locked for the transaction. */
export async function lockStravaAccountByStravaAthlete(
  db: Queryable,
  stravaAthleteId: number,
): Promise<StravaAccount | undefined> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM strava_accounts WHERE strava_athlete_id = $1 FOR UPDATE`,
    [stravaAthleteId],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function lockStravaAccountByAthlete(
  db: Queryable,
  athleteId: string,
): Promise<StravaAccount | undefined> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM strava_accounts WHERE athlete_id = $1 FOR UPDATE`,
    [athleteId],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

/** The connected account of a Strava athlete: whom a webhook event is about. */
export async function findConnectedStravaAccount(
  db: Queryable,
  stravaAthleteId: number,
): Promise<StravaAccount | undefined> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM strava_accounts
      WHERE strava_athlete_id = $1 AND status = 'connected'`,
    [stravaAthleteId],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function deleteStravaAccount(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM strava_accounts WHERE id = $1', [id]);
}

/**
 * Connects (or reconnects) the athlete's account with fresh tokens and starts a new backfill
 * generation. `id` must be the existing row's id when there is one: the ciphertexts are bound to it.
 */
export async function upsertStravaAccount(
  db: Queryable,
  input: {
    id: string;
    athleteId: string;
    stravaAthleteId: number;
    scope: string;
    accessTokenEnc: string;
    refreshTokenEnc: string;
    expiresAt: Date;
    backfillAfter: Date | null;
  },
): Promise<StravaAccount> {
  const { rows } = await db.query<AccountRow>(
    `INSERT INTO strava_accounts AS a (id, athlete_id, strava_athlete_id, status, scope,
       access_token_enc, refresh_token_enc, expires_at, backfill_after)
     VALUES ($1, $2, $3, 'connected', $4, $5, $6, $7, $8)
     ON CONFLICT (athlete_id) DO UPDATE SET
       strava_athlete_id = excluded.strava_athlete_id, status = 'connected', scope = excluded.scope,
       access_token_enc = excluded.access_token_enc, refresh_token_enc = excluded.refresh_token_enc,
       expires_at = excluded.expires_at, backfill_after = excluded.backfill_after,
       backfill_generation = a.backfill_generation + 1, backfill_state = 'listing',
       backfill_cursor = now(), backfill_next_batch_at = NULL, last_error = NULL,
       connected_at = now(), updated_at = now()
     RETURNING ${ACCOUNT_COLUMNS}`,
    [
      input.id,
      input.athleteId,
      input.stravaAthleteId,
      input.scope,
      input.accessTokenEnc,
      input.refreshTokenEnc,
      input.expiresAt,
      input.backfillAfter,
    ],
  );
  return toAccount(rows[0] as AccountRow);
}

export interface StravaTokenRow {
  status: StravaAccountStatus;
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
  expiresAt: Date | null;
}

async function tokensOf(
  db: Queryable,
  id: string,
  lock: boolean,
): Promise<StravaTokenRow | undefined> {
  const { rows } = await db.query<{
    status: StravaAccountStatus;
    access_token_enc: string | null;
    refresh_token_enc: string | null;
    expires_at: Date | null;
  }>(
    `SELECT status, access_token_enc, refresh_token_enc, expires_at FROM strava_accounts
      WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const r = rows[0];
  return r
    ? {
        status: r.status,
        accessTokenEnc: r.access_token_enc,
        refreshTokenEnc: r.refresh_token_enc,
        expiresAt: r.expires_at,
      }
    : undefined;
}

export const readStravaTokens = (db: Queryable, id: string) => tokensOf(db, id, false);
/** Locks the row: one refresh at a time per account, so a rotated refresh token is never lost. */
export const lockStravaTokens = (db: Queryable, id: string) => tokensOf(db, id, true);

export async function saveStravaTokens(
  db: Queryable,
  id: string,
  tokens: { accessTokenEnc: string; refreshTokenEnc: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET access_token_enc = $2, refresh_token_enc = $3, expires_at = $4,
       updated_at = now() WHERE id = $1`,
    [id, tokens.accessTokenEnc, tokens.refreshTokenEnc, tokens.expiresAt],
  );
}

/** Deauthorized or disconnected: tokens deleted, the backfill's jobs find nothing left to do. */
export async function endStravaAccount(
  db: Queryable,
  id: string,
  status: 'deauthorized' | 'disconnected',
  problem: StravaProblem | null,
): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET status = $2, access_token_enc = NULL, refresh_token_enc = NULL,
       expires_at = NULL, backfill_generation = backfill_generation + 1,
       backfill_next_batch_at = NULL, last_error = $3, updated_at = now()
     WHERE id = $1`,
    [id, status, problem ? JSON.stringify(problem) : null],
  );
}

/** A new backfill of the activities started after `after` (null: all history). */
export async function restartStravaBackfill(
  db: Queryable,
  id: string,
  after: Date | null,
): Promise<number> {
  const { rows } = await db.query<{ backfill_generation: number }>(
    `UPDATE strava_accounts SET backfill_generation = backfill_generation + 1,
       backfill_state = 'listing', backfill_after = $2, backfill_cursor = now(),
       backfill_next_batch_at = NULL, updated_at = now()
     WHERE id = $1 AND status = 'connected' RETURNING backfill_generation`,
    [id, after],
  );
  return rows[0]?.backfill_generation ?? 0;
}

/** Moves the listing cursor back (older) after a page; only for the current generation. */
export async function advanceStravaBackfillCursor(
  db: Queryable,
  id: string,
  generation: number,
  cursor: Date,
  listingDone: boolean,
): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET backfill_cursor = $3,
       backfill_state = CASE WHEN $4 THEN 'fetching' ELSE backfill_state END, updated_at = now()
     WHERE id = $1 AND backfill_generation = $2 AND backfill_state = 'listing'`,
    [id, generation, cursor, listingDone],
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

// --- backfill items ------------------------------------------------------------------------

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

/** Pending items of connected accounts: what the reconciler enqueues again. */
export async function listPendingStravaBackfillItems(
  db: Queryable,
  limit = 1000,
): Promise<Array<{ accountId: string; stravaActivityId: number }>> {
  const { rows } = await db.query<{ account_id: string; strava_activity_id: string }>(
    `SELECT i.account_id, i.strava_activity_id FROM strava_backfill_items i
       JOIN strava_accounts a ON a.id = i.account_id AND a.status = 'connected'
      WHERE i.status = 'pending' ORDER BY i.start_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    stravaActivityId: Number(r.strava_activity_id),
  }));
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

// --- webhook events (the outbox) ---------------------------------------------------------------

export type WebhookEventStatus = 'pending' | 'done' | 'ignored' | 'failed';

export interface WebhookEvent {
  id: string;
  accountId: string | null;
  payload: unknown;
  objectType: string;
  aspectType: string;
  objectId: number;
  ownerId: number;
  status: WebhookEventStatus;
  attempts: number;
  updates: Record<string, string>;
}

export async function insertWebhookEvent(
  db: Queryable,
  input: {
    accountId: string;
    payload: unknown;
    objectType: string;
    aspectType: string;
    objectId: number;
    ownerId: number;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO webhook_events (account_id, payload, object_type, aspect_type, object_id, owner_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      input.accountId,
      JSON.stringify(input.payload),
      input.objectType,
      input.aspectType,
      input.objectId,
      input.ownerId,
    ],
  );
  return (rows[0] as { id: string }).id;
}

/** Counts the attempt of a pending event and returns it; undefined when it is finished already. */
export async function startWebhookEvent(
  db: Queryable,
  id: string,
): Promise<WebhookEvent | undefined> {
  const { rows } = await db.query<{
    id: string;
    account_id: string | null;
    payload: { updates?: Record<string, string> } | null;
    object_type: string;
    aspect_type: string;
    object_id: string;
    owner_id: string;
    status: WebhookEventStatus;
    attempts: number;
  }>(
    `UPDATE webhook_events SET attempts = attempts + 1, updated_at = now()
      WHERE id = $1 AND status = 'pending'
      RETURNING id, account_id, payload, object_type, aspect_type, object_id, owner_id, status,
        attempts`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    accountId: r.account_id,
    payload: r.payload,
    objectType: r.object_type,
    aspectType: r.aspect_type,
    objectId: Number(r.object_id),
    ownerId: Number(r.owner_id),
    status: r.status,
    attempts: r.attempts,
    updates: r.payload?.updates ?? {},
  };
}

/** A deferred run (rate limit) is not an attempt: take it back. */
export async function uncountWebhookEventAttempt(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE webhook_events SET attempts = greatest(attempts - 1, 0)
      WHERE id = $1 AND status = 'pending'`,
    [id],
  );
}

export async function finishWebhookEvent(
  db: Queryable,
  id: string,
  status: Exclude<WebhookEventStatus, 'pending'>,
  error?: StravaProblem,
): Promise<void> {
  await db.query(
    `UPDATE webhook_events SET status = $2, error = $3, updated_at = now()
      WHERE id = $1 AND status = 'pending'`,
    [id, status, error ? JSON.stringify(error) : null],
  );
}

export async function listPendingWebhookEventIds(db: Queryable, limit = 1000): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM webhook_events WHERE status = 'pending' ORDER BY received_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

// --- the push subscription -----------------------------------------------------------------

export async function findStravaSubscription(
  db: Queryable,
): Promise<{ subscriptionId: number; callbackUrl: string } | undefined> {
  const { rows } = await db.query<{ subscription_id: string; callback_url: string }>(
    'SELECT subscription_id, callback_url FROM strava_subscription',
  );
  const r = rows[0];
  return r ? { subscriptionId: Number(r.subscription_id), callbackUrl: r.callback_url } : undefined;
}

export async function saveStravaSubscription(
  db: Queryable,
  subscriptionId: number,
  callbackUrl: string,
): Promise<void> {
  await db.query(
    `INSERT INTO strava_subscription (singleton, subscription_id, callback_url) VALUES (true, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET subscription_id = excluded.subscription_id,
       callback_url = excluded.callback_url, created_at = now()`,
    [subscriptionId, callbackUrl],
  );
}

// --- Strava-sourced activities -----------------------------------------------------------------

/** Serialises the writers of one Strava activity (a backfill job and a webhook job at once). */
export async function lockStravaActivityKey(
  db: Queryable,
  athleteId: string,
  stravaActivityId: number,
): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
    `strava:${athleteId}`,
    String(stravaActivityId),
  ]);
}

export async function findStravaActivityRow(
  db: Queryable,
  athleteId: string,
  stravaActivityId: number,
): Promise<{ id: string; localDate: string } | undefined> {
  const { rows } = await db.query<{ id: string; local_date: string }>(
    `SELECT id, local_date FROM activities
      WHERE athlete_id = $1 AND source = 'strava' AND source_id = $2`,
    [athleteId, String(stravaActivityId)],
  );
  const r = rows[0];
  return r ? { id: r.id, localDate: r.local_date } : undefined;
}

/** Rewrites a stored activity from a fresh fetch: every field and all its samples. */
export async function replaceActivityContent(
  db: Queryable,
  activityId: string,
  localDate: string,
  a: Activity,
): Promise<void> {
  await db.query(
    `UPDATE activities SET format = $2, sport = $3, name = $4, device = $5, start_at = $6,
       local_date = $7, distance_m = $8, moving_s = $9, elapsed_s = $10, elevation_gain_m = $11,
       avg_hr_bpm = $12, max_hr_bpm = $13, sample_count = $14, laps = $15, intervals = $16,
       warnings = $17, trimp = NULL, rtss = NULL, loads_profile = NULL, updated_at = now()
     WHERE id = $1`,
    [activityId, ...activityContentValues(a, localDate)],
  );
  await db.query('DELETE FROM samples WHERE activity_id = $1', [activityId]);
  await insertSamples(db, activityId, a.samples);
}

/** Deletes the athlete's copy of a Strava activity; returns its local day, if there was one. */
export async function deleteStravaActivityRow(
  db: Queryable,
  athleteId: string,
  stravaActivityId: number,
): Promise<string | undefined> {
  const { rows } = await db.query<{ local_date: string }>(
    `DELETE FROM activities WHERE athlete_id = $1 AND source = 'strava' AND source_id = $2
      RETURNING local_date`,
    [athleteId, String(stravaActivityId)],
  );
  return rows[0]?.local_date;
}
