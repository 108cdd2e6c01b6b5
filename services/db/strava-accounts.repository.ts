// SQL of connected Strava accounts (strava_accounts): who is connected to which Strava athlete,
// the tokens (only ever token-vault ciphertexts, bound to the row's id) and the account's status.
// The backfill's own columns of the same rows are in strava-backfill.repository.ts.
import type { StravaAccountStatus } from '#shared/api/strava';
import type { Queryable } from './database.ts';

export type { StravaAccountStatus };
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
  /** The listing's lower bound once a page came oldest first; null: backfillAfter. */
  backfillListedAfter: Date | null;
  backfillNextBatchAt: Date | null;
  lastError: StravaProblem | null;
  connectedAt: Date;
  /** When the connection ended (deauthorized or disconnected); null while connected. */
  endedAt: Date | null;
  /** Hipcheck last heard from Strava about this athlete (a listing, or an event handled). */
  lastSyncedAt: Date | null;
  /** The first failed sync since the last good one, and what went wrong. */
  syncFailingSince: Date | null;
  syncError: StravaProblem | null;
  catchUpRequestedAt: Date | null;
  catchUpDoneAt: Date | null;
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
  backfill_listed_after: Date | null;
  backfill_next_batch_at: Date | null;
  last_error: StravaProblem | null;
  connected_at: Date;
  ended_at: Date | null;
  last_synced_at: Date | null;
  sync_failing_since: Date | null;
  sync_error: StravaProblem | null;
  catch_up_requested_at: Date | null;
  catch_up_done_at: Date | null;
}

const ACCOUNT_COLUMN_NAMES = [
  'id',
  'athlete_id',
  'strava_athlete_id',
  'status',
  'scope',
  'expires_at',
  'backfill_generation',
  'backfill_state',
  'backfill_after',
  'backfill_cursor',
  'backfill_listed_after',
  'backfill_next_batch_at',
  'last_error',
  'connected_at',
  'ended_at',
  'last_synced_at',
  'sync_failing_since',
  'sync_error',
  'catch_up_requested_at',
  'catch_up_done_at',
];
const ACCOUNT_COLUMNS = ACCOUNT_COLUMN_NAMES.join(', ');

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
  backfillListedAfter: r.backfill_listed_after,
  backfillNextBatchAt: r.backfill_next_batch_at,
  lastError: r.last_error,
  connectedAt: r.connected_at,
  endedAt: r.ended_at,
  lastSyncedAt: r.last_synced_at,
  syncFailingSince: r.sync_failing_since,
  syncError: r.sync_error,
  catchUpRequestedAt: r.catch_up_requested_at,
  catchUpDoneAt: r.catch_up_done_at,
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

/** The Strava accounts (any status) of the athletes who granted this coach access. */
export async function listStravaAccountsOfCoach(
  db: Queryable,
  coachUserId: string,
): Promise<Array<StravaAccount & { timezone: string }>> {
  const { rows } = await db.query<AccountRow & { timezone: string }>(
    `SELECT ${ACCOUNT_COLUMN_NAMES.map((c) => `s.${c}`).join(', ')}, t.timezone
       FROM coach_athletes g
       JOIN strava_accounts s ON s.athlete_id = g.athlete_id
       JOIN athletes t ON t.id = g.athlete_id
      WHERE g.coach_user_id = $1`,
    [coachUserId],
  );
  return rows.map((r) => ({ ...toAccount(r), timezone: r.timezone }));
}

export async function deleteStravaAccount(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM strava_accounts WHERE id = $1', [id]);
}

/**
 * Connects (or reconnects) the athlete's account with fresh tokens and starts a new backfill
 * generation. `id` must be the existing row's id when there is one: the ciphertexts are bound to it.
 * The backfill is the first sync, so no catch-up is due until the next one on the schedule.
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
       backfill_cursor = now(), backfill_listed_after = NULL, backfill_next_batch_at = NULL,
       last_error = NULL, connected_at = now(), ended_at = NULL, sync_failing_since = NULL,
       sync_error = NULL, catch_up_requested_at = now(), catch_up_done_at = now(),
       catch_up_attempts = 0, updated_at = now()
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

/**
 * Deauthorized or disconnected: tokens deleted, the backfill's jobs find nothing left to do, and
 * the moment recorded (the runner sees on which day Strava stopped reaching Hipcheck).
 */
export async function endStravaAccount(
  db: Queryable,
  id: string,
  status: 'deauthorized' | 'disconnected',
  problem: StravaProblem | null,
): Promise<void> {
  await db.query(
    `UPDATE strava_accounts SET status = $2, access_token_enc = NULL, refresh_token_enc = NULL,
       expires_at = NULL, backfill_generation = backfill_generation + 1,
       backfill_next_batch_at = NULL, last_error = $3, ended_at = now(), updated_at = now()
     WHERE id = $1 AND status = 'connected'`,
    [id, status, problem ? JSON.stringify(problem) : null],
  );
}
