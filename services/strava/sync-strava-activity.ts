// One Strava activity → Hipcheck: fetch it with the athlete's own token (activity, laps, streams),
// parse it into the same canonical Activity as a file upload, and insert or rewrite the athlete's
// copy, all in one transaction with the recompute request. Only data fetched from Strava with the
// athlete's token is ever stored, so a forged webhook event cannot inject anything.
import { parseStravaActivity } from '#shared/activity/parse-strava';
import { isRunningSport, type Activity } from '#shared/activity/activity';
import { NotFoundError } from '#shared/errors';
import { localDateOf } from '#shared/local-date';
import { withTransaction, type Client, type Pool } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { requestRecompute } from '#services/db/recompute.repository';
import { storeActivity } from '#services/ingest/store-activity';
import {
  deleteStravaActivityRow,
  findStravaActivityRow,
  lockStravaActivityKey,
  replaceActivityContent,
} from '#services/db/strava-activities.repository';
import { createStravaClient, type StravaClient } from './client.ts';
import type { RequestLane } from './rate-limiter.ts';
import type { StravaContext } from './strava-context.ts';
import { createAccessTokenProvider } from './token-store.ts';

export interface StravaAccountRef {
  id: string;
  athleteId: string;
}

export type SyncOutcome =
  /** Inserted or rewritten; `version` names the recompute job to enqueue (if one was asked). */
  | { status: 'stored'; activityId: string; athleteId: string; version: number | undefined }
  /** The same session is already stored (a file, usually): that copy is kept. */
  | { status: 'duplicate'; activityId: string }
  /** Strava no longer has it (or no longer shows it to us): our copy, if any, was deleted. */
  | { status: 'gone'; athleteId: string; version: number | undefined };

/** The athlete's client; `lane`: 'backfill' for a history, 'live' for new activities. */
export function stravaClientFor(
  pool: Pool,
  ctx: StravaContext,
  accountId: string,
  lane: RequestLane = 'live',
): StravaClient {
  return createStravaClient({
    apiUrl: ctx.apiUrl,
    limiter: ctx.limiter,
    lane,
    getAccessToken: createAccessTokenProvider(pool, ctx, accountId, {
      refreshMarginMs: ctx.refreshMarginMs,
    }),
    timeoutMs: ctx.requestTimeoutMs,
    maxWaitMs: ctx.maxWaitMs,
  });
}

/** The activity as Strava has it now, or undefined when Strava answers 404. */
export async function fetchStravaActivity(
  client: StravaClient,
  stravaActivityId: number,
): Promise<Activity | undefined> {
  // The activity (with its laps) and its streams: both reads taken together, or none.
  await client.reserveReads(2);
  let detail;
  try {
    detail = await client.getActivity(stravaActivityId);
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
  const shape = detail as { laps?: unknown; manual?: unknown; trainer?: unknown };
  // A detailed activity carries its laps: one request fewer per activity against the budget.
  const laps = Array.isArray(shape.laps) ? shape.laps : await client.getLaps(stravaActivityId);
  let streams: unknown = {};
  // A manual entry has no recording, so no streams: its summary counts, without a request.
  if (shape.manual !== true) {
    try {
      streams = await client.getStreams(stravaActivityId);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  // An activity without streams may come back as an empty list instead of an empty object.
  const activity = parseStravaActivity(detail, laps, Array.isArray(streams) ? {} : streams);
  // A run on a treadmill (Strava's `trainer`) is a treadmill run, as its file would be.
  if (shape.trainer === true && isRunningSport(activity.sport)) activity.sport = 'treadmill_run';
  return activity;
}

/**
 * Stores the fetched activity (or deletes our copy when it is gone). `finish` runs inside the same
 * transaction, so a backfill item or webhook event is marked done exactly when the data is written.
 */
export async function storeStravaActivity(
  pool: Pool,
  account: StravaAccountRef,
  stravaActivityId: number,
  activity: Activity | undefined,
  finish?: (client: Client, outcome: SyncOutcome) => Promise<void>,
  options: { recompute: boolean } = { recompute: true },
): Promise<SyncOutcome> {
  return withTransaction(pool, async (client) => {
    const outcome = await writeInTransaction(
      client,
      account,
      stravaActivityId,
      activity,
      options.recompute,
    );
    await finish?.(client, outcome);
    return outcome;
  });
}

async function writeInTransaction(
  client: Client,
  account: StravaAccountRef,
  stravaActivityId: number,
  activity: Activity | undefined,
  recompute: boolean,
): Promise<SyncOutcome> {
  const athleteId = account.athleteId;
  await lockStravaActivityKey(client, athleteId, stravaActivityId);
  if (activity === undefined) return removeInTransaction(client, athleteId, stravaActivityId);
  const athlete = await findAthleteById(client, athleteId);
  if (!athlete) return { status: 'gone', athleteId, version: undefined };
  const existing = await findStravaActivityRow(client, athleteId, stravaActivityId);
  if (existing) {
    // Our copy is rewritten from Strava's (title, sport, privacy); its days are recomputed.
    const localDate = localDateOf(activity.startAt, athlete.timezone);
    await replaceActivityContent(client, existing.id, localDate, activity);
    const from = existing.localDate < localDate ? existing.localDate : localDate;
    const version = recompute ? await requestRecompute(client, athleteId, from) : undefined;
    return { status: 'stored', activityId: existing.id, athleteId, version };
  }
  const stored = await storeActivity(client, {
    athlete,
    source: 'strava',
    sourceId: String(stravaActivityId),
    uploadId: null,
    activity,
    recompute,
  });
  if (stored.status === 'stored') {
    return { status: 'stored', activityId: stored.activityId, athleteId, version: stored.version };
  }
  // The advisory lock makes a concurrent insert of the same id impossible; be safe anyway.
  if (stored.reason === 'same_source' || stored.activityId === undefined) {
    throw new Error(`Strava activity ${stravaActivityId} was inserted concurrently`);
  }
  return { status: 'duplicate', activityId: stored.activityId };
}

async function removeInTransaction(
  client: Client,
  athleteId: string,
  stravaActivityId: number,
): Promise<SyncOutcome> {
  const localDate = await deleteStravaActivityRow(client, athleteId, stravaActivityId);
  const version =
    localDate === undefined ? undefined : await requestRecompute(client, athleteId, localDate);
  return { status: 'gone', athleteId, version };
}

/** Deletes our copy of a Strava activity (a `delete` event): no fetch needed. */
export async function removeStravaActivity(
  pool: Pool,
  account: StravaAccountRef,
  stravaActivityId: number,
  finish?: (client: Client, outcome: SyncOutcome) => Promise<void>,
): Promise<SyncOutcome> {
  return storeStravaActivity(pool, account, stravaActivityId, undefined, finish);
}
