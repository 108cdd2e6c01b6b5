// Strava catch-up: re-lists an athlete's activities since a little before the newest one Hipcheck
// knows (late uploads from a watch that syncs days later are caught too), and turns each one never
// seen into an event like a webhook's, so a missed webhook is never a missing run. New activities
// take the live lane of the rate limiter, ahead of any backfill.
import type { Pool } from '#services/db/database';
import { findStravaAccount } from '#services/db/strava-accounts.repository';
import {
  filterUnknownStravaActivities,
  finishStravaCatchUp,
  newestKnownStravaStart,
  recordStravaSyncFailure,
  recordStravaSyncSuccess,
  startStravaCatchUp,
  uncountStravaCatchUpAttempt,
  type CatchUpRequest,
} from '#services/db/strava-sync.repository';
import { insertWebhookEvent } from '#services/db/strava-webhook-events.repository';
import { DeferJobError, jobIds, type JobQueue, type Processor } from '#services/queue/jobs';
import { deferOnRateLimit } from '#services/strava/defer-on-rate-limit';
import {
  listWindowPage,
  nextListingWindow,
  PAGE_SIZE,
  type ListingWindow,
} from '#services/strava/listing-window';
import type { StravaContext } from '#services/strava/strava-context';
import { stravaClientFor } from '#services/strava/sync-strava-activity';
import { runOutboxAttempt, type OutboxProblem } from './outbox-attempts.ts';
import { handleStravaAccountError, requireStrava } from './strava-account-errors.ts';

export interface StravaCatchUpDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
}

export function createStravaCatchUpProcessor(
  deps: StravaCatchUpDeps,
): Processor<'strava-catch-up'> {
  return async (request) => {
    const ctx = requireStrava(deps.strava);
    const attempts = await startStravaCatchUp(deps.pool, request);
    if (attempts === undefined) return; // finished, or a later request took over
    const giveUp = async (problem: OutboxProblem) => {
      await recordStravaSyncFailure(deps.pool, request.accountId, problem, new Date());
      await finishStravaCatchUp(deps.pool, request);
    };
    await runOutboxAttempt(attempts, giveUp, () => catchUp(deps, ctx, request));
  };
}

async function catchUp(
  deps: StravaCatchUpDeps,
  ctx: StravaContext,
  request: CatchUpRequest,
): Promise<void> {
  const { accountId } = request;
  const account = await findStravaAccount(deps.pool, accountId);
  if (!account || account.status !== 'connected') return;
  const client = stravaClientFor(deps.pool, ctx, accountId, 'live');
  const newest = (await newestKnownStravaStart(deps.pool, accountId)) ?? account.connectedAt;
  const startedAt = new Date();
  let window: ListingWindow = {
    before: new Date(startedAt.getTime() + 60_000),
    after: new Date(newest.getTime() - ctx.catchUpOverlapMs),
  };
  for (;;) {
    const listing = window;
    let page;
    try {
      page = await deferOnRateLimit(deps.pool, accountId, () => listWindowPage(client, listing));
    } catch (err) {
      if (err instanceof DeferJobError) {
        await uncountStravaCatchUpAttempt(deps.pool, accountId);
        throw err;
      }
      if (await handleStravaAccountError(deps.pool, accountId, err)) return;
      await recordStravaSyncFailure(deps.pool, accountId, problemOf(err), new Date());
      throw err; // retried with backoff
    }
    const unknown = await filterUnknownStravaActivities(
      deps.pool,
      accountId,
      page.map((a) => a.id),
    );
    for (const objectId of unknown) {
      const eventId = await insertWebhookEvent(deps.pool, {
        accountId,
        payload: { source: 'catch-up', object_type: 'activity', aspect_type: 'create' },
        objectType: 'activity',
        aspectType: 'create',
        objectId,
        ownerId: account.stravaAthleteId,
      });
      await deps.queue.enqueue('strava-event', { eventId }, jobIds.stravaEvent(eventId));
    }
    const step = nextListingWindow(
      listing,
      page.map((a) => Date.parse(a.start_date)),
      PAGE_SIZE,
    );
    if (step.done) break;
    window = step.rest;
  }
  await recordStravaSyncSuccess(deps.pool, accountId, startedAt);
  await finishStravaCatchUp(deps.pool, request);
}

function problemOf(err: unknown): OutboxProblem {
  const code = (err as { code?: unknown }).code;
  return {
    code: typeof code === 'string' ? code : 'internal',
    message: err instanceof Error ? err.message : String(err),
  };
}
