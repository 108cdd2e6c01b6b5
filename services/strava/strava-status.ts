// What the runner (and, for their athletes, a coach) reads about a Strava connection: connected or
// not and since when, the backfill's progress with an honest estimate, when Hipcheck last heard
// from Strava and whether runs may be missing, and whether this server receives Strava's webhooks.
import type { AthleteStravaSync, StravaConnection } from '#shared/api/strava';
import type { Athlete } from '#services/db/athletes.repository';
import type { Pool } from '#services/db/database';
import {
  findStravaAccountByAthlete,
  type StravaAccount,
} from '#services/db/strava-accounts.repository';
import {
  countActiveStravaBackfills,
  countStravaBackfillItems,
} from '#services/db/strava-backfill.repository';
import { findStravaSubscription } from '#services/db/strava-subscription.repository';
import { describeBackfill } from './describe-backfill.ts';
import { describeSync } from './describe-sync.ts';
import { estimateBackfill } from './estimate-backfill.ts';
import type { StravaContext } from './strava-context.ts';

export type WebhookState = 'active' | 'missing' | 'elsewhere' | 'error' | 'off';

const WEBHOOK_WORDS: Record<WebhookState, string> = {
  active: 'New activities arrive from Strava a minute or so after you save them.',
  off:
    'This server does not receive Strava’s notifications, so new activities are fetched ' +
    'regularly and whenever you open Hipcheck.',
  missing:
    'This server is not receiving Strava’s notifications right now, so new activities are ' +
    'fetched regularly and whenever you open Hipcheck.',
  elsewhere:
    'This server is not receiving Strava’s notifications right now, so new activities are ' +
    'fetched regularly and whenever you open Hipcheck.',
  error:
    'This server could not check Strava’s notifications, so new activities are fetched ' +
    'regularly and whenever you open Hipcheck.',
};

export async function webhookStateOf(
  pool: Pool,
  strava: StravaContext | undefined,
): Promise<{ state: WebhookState; message: string }> {
  const subscription = strava?.webhooksPossible ? await findStravaSubscription(pool) : undefined;
  const state: WebhookState = subscription?.status ?? 'off';
  return { state, message: WEBHOOK_WORDS[state] };
}

/** The sync part of a status: shared by the runner's status and the coach's list. */
export function syncJson(
  account: StravaAccount,
  timeZone: string,
  now: Date,
): Pick<AthleteStravaSync, 'sync' | 'disconnected'> {
  const described = describeSync(account, timeZone, now);
  return {
    sync: {
      lastSyncedAt: account.lastSyncedAt?.toISOString() ?? null,
      lastSynced: described.lastSynced,
      failingSince: account.syncFailingSince?.toISOString() ?? null,
      /** The last failure as it happened, for whoever looks into it. */
      error: account.syncFailingSince ? account.syncError : null,
      warning: described.warning,
    },
    disconnected: described.disconnected
      ? { at: (account.endedAt ?? account.connectedAt).toISOString(), ...described.disconnected }
      : null,
  };
}

async function estimateOf(pool: Pool, strava: StravaContext | undefined, pending: number) {
  if (!strava || pending === 0) return null;
  const [limits, active] = await Promise.all([
    strava.limiter.status(),
    countActiveStravaBackfills(pool),
  ]);
  return estimateBackfill({
    pending,
    activeBackfills: active,
    readDailyBudget: limits.readDaily.budget,
    readDailyUsed: limits.readDaily.usage,
    readShortBudget: limits.readShort.budget,
    liveReserve: limits.liveReserve,
    shortWindowMs: limits.readShort.resetsAt.getTime() - limits.readShort.windowStart.getTime(),
  });
}

/** Why connecting cannot start on a server without a Strava app (the connect route's 503 says it too). */
export const STRAVA_OFF_REASON =
  'This Hipcheck has no Strava app configured, so Strava is off here; the person who runs it ' +
  'turns it on by setting STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET and TOKEN_ENCRYPTION_KEY. ' +
  'Meanwhile, upload your runs as files.';

export async function stravaStatusJson(
  deps: { pool: Pool; strava: StravaContext | undefined },
  athlete: Athlete,
  now: Date,
): Promise<StravaConnection> {
  const backfillDays = deps.strava?.backfillDays ?? 180;
  const webhooks = await webhookStateOf(deps.pool, deps.strava);
  const account = await findStravaAccountByAthlete(deps.pool, athlete.id);
  const availability = deps.strava
    ? { available: true, unavailableReason: null }
    : { available: false, unavailableReason: STRAVA_OFF_REASON };
  if (!account) {
    return {
      ...availability,
      connected: false,
      status: 'not_connected' as const,
      backfillDays,
      backfill: { state: null, done: 0, total: 0, nextBatchAt: null, progress: null },
      sync: null,
      disconnected: null,
      webhooks,
      lastError: null,
    };
  }
  const counts = await countStravaBackfillItems(deps.pool, account.id);
  const connected = account.status === 'connected';
  const waiting =
    connected &&
    account.backfillState !== 'done' &&
    account.backfillNextBatchAt !== null &&
    account.backfillNextBatchAt.getTime() > now.getTime();
  const progress = {
    state: account.backfillState,
    done: counts.total - counts.pending,
    total: counts.total,
    nextBatchAt: waiting ? account.backfillNextBatchAt : null,
  };
  const estimate =
    connected && account.backfillState === 'fetching'
      ? await estimateOf(deps.pool, deps.strava, counts.pending)
      : null;
  return {
    ...availability,
    connected,
    status: account.status,
    stravaAthleteId: account.stravaAthleteId,
    scope: account.scope,
    connectedAt: account.connectedAt.toISOString(),
    backfillDays,
    backfill: {
      state: progress.state,
      since: account.backfillAfter?.toISOString() ?? null,
      done: progress.done,
      total: progress.total,
      skipped: counts.skipped,
      failed: counts.failed,
      nextBatchAt: progress.nextBatchAt?.toISOString() ?? null,
      progress: describeBackfill(progress, athlete.timezone, now),
      estimate: estimate?.text ?? null,
    },
    ...syncJson(account, athlete.timezone, now),
    webhooks,
    lastError: account.lastError,
  };
}
