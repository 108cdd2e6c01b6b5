// Strava webhook events, from the outbox: create and update → fetch the activity with the
// athlete's token and store what Strava has now (a title or sport change rewrites our copy, so a
// sport change moves it between running and cross-training); delete → delete our copy; the
// athlete's `authorized: "false"` → tokens deleted, sync stopped. Each ends done or ignored. A
// catch-up's events (strava-catch-up.processor.ts) come through here too. When one finishes, the
// backfills waiting behind new activities get their turn.
import { BadInputError } from '#shared/errors';
import { withTransaction, type Client, type Pool } from '#services/db/database';
import { endStravaAccount, findStravaAccount } from '#services/db/strava-accounts.repository';
import {
  finishWebhookEvent,
  startWebhookEvent,
  uncountWebhookEventAttempt,
  type WebhookEvent,
} from '#services/db/strava-webhook-events.repository';
import { enqueueRecompute } from '#services/engine/request-recompute';
import { DeferJobError, type JobQueue, type Processor } from '#services/queue/jobs';
import {
  recordStravaSyncFailure,
  recordStravaSyncSuccess,
} from '#services/db/strava-sync.repository';
import { deferOnRateLimit } from '#services/strava/defer-on-rate-limit';
import { dispatchStravaBackfill } from '#services/strava/dispatch-backfill';
import type { StravaContext } from '#services/strava/strava-context';
import {
  fetchStravaActivity,
  removeStravaActivity,
  storeStravaActivity,
  stravaClientFor,
  type SyncOutcome,
} from '#services/strava/sync-strava-activity';
import { runOutboxAttempt } from './outbox-attempts.ts';
import { handleStravaAccountError, requireStrava } from './strava-account-errors.ts';

export interface StravaEventDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
}

export function createStravaEventProcessor(deps: StravaEventDeps): Processor<'strava-event'> {
  return async ({ eventId }) => {
    const ctx = requireStrava(deps.strava);
    const event = await startWebhookEvent(deps.pool, eventId);
    if (!event) return; // finished already
    await runOutboxAttempt(
      event.attempts,
      async (problem) => {
        await finishWebhookEvent(deps.pool, eventId, 'failed', problem);
        if (event.accountId)
          await recordStravaSyncFailure(deps.pool, event.accountId, problem, new Date());
      },
      () => handleEvent(deps, ctx, event),
    );
    await dispatchStravaBackfill(deps);
  };
}

async function handleEvent(
  deps: StravaEventDeps,
  ctx: StravaContext,
  event: WebhookEvent,
): Promise<void> {
  const eventId = event.id;
  const account = event.accountId ? await findStravaAccount(deps.pool, event.accountId) : undefined;
  if (!account || account.status !== 'connected' || account.stravaAthleteId !== event.ownerId) {
    await finishWebhookEvent(deps.pool, eventId, 'ignored');
    return;
  }

  if (event.objectType === 'athlete') {
    if (event.updates.authorized !== 'false') {
      await finishWebhookEvent(deps.pool, eventId, 'ignored');
      return;
    }
    await withTransaction(deps.pool, async (client) => {
      await endStravaAccount(client, account.id, 'deauthorized', {
        code: 'strava_deauthorized',
        message: 'Hipcheck’s access was removed on Strava; connect Strava again to resume syncing',
      });
      await finishWebhookEvent(client, eventId, 'done');
    });
    return;
  }
  if (event.objectType !== 'activity' || !Number.isSafeInteger(event.objectId)) {
    await finishWebhookEvent(deps.pool, eventId, 'ignored');
    return;
  }

  const done = async (client: Client) => finishWebhookEvent(client, eventId, 'done');
  let outcome: SyncOutcome;
  if (event.aspectType === 'delete') {
    outcome = await removeStravaActivity(deps.pool, account, event.objectId, done);
  } else {
    const client = stravaClientFor(deps.pool, ctx, account.id);
    let activity;
    try {
      activity = await deferOnRateLimit(deps.pool, account.id, () =>
        fetchStravaActivity(client, event.objectId),
      );
    } catch (err) {
      if (err instanceof DeferJobError) await uncountWebhookEventAttempt(deps.pool, eventId);
      if (await handleStravaAccountError(deps.pool, account.id, err)) {
        await finishWebhookEvent(deps.pool, eventId, 'ignored');
        return;
      }
      if (err instanceof DeferJobError) throw err;
      const problem =
        err instanceof BadInputError
          ? { code: err.reason, message: err.message }
          : { code: 'upstream_unavailable', message: (err as Error).message };
      await recordStravaSyncFailure(deps.pool, account.id, problem, new Date());
      if (!(err instanceof BadInputError)) throw err; // 5xx, timeouts: retried with backoff
      await finishWebhookEvent(deps.pool, eventId, 'failed', problem);
      return;
    }
    outcome = await storeStravaActivity(deps.pool, account, event.objectId, activity, done);
    await recordStravaSyncSuccess(deps.pool, account.id, new Date());
  }
  if ('version' in outcome && outcome.version !== undefined) {
    await enqueueRecompute(deps.queue, outcome.athleteId, outcome.version);
  }
}
