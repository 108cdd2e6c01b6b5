// Strava backfill, fetching: one activity found by the listing → fetched with the athlete's token
// and stored in one transaction with its item's status and the recompute request; then the
// recompute job, and the next waiting item is handed out (dispatch-backfill.ts). Run twice, it
// finds the item finished and does nothing.
import { BadInputError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { findStravaAccount } from '#services/db/strava-accounts.repository';
import {
  finishStravaBackfillItem,
  startStravaBackfillItem,
  uncountStravaBackfillAttempt,
} from '#services/db/strava-backfill.repository';
import { enqueueRecompute } from '#services/engine/request-recompute';
import { DeferJobError, type JobQueue, type Processor } from '#services/queue/jobs';
import {
  completeStravaBackfill,
  recomputeStravaBackfillSoFar,
} from '#services/strava/backfill-recompute';
import { deferOnRateLimit } from '#services/strava/defer-on-rate-limit';
import { dispatchStravaBackfill } from '#services/strava/dispatch-backfill';
import type { StravaContext } from '#services/strava/strava-context';
import {
  fetchStravaActivity,
  storeStravaActivity,
  stravaClientFor,
  type StravaAccountRef,
} from '#services/strava/sync-strava-activity';
import { runOutboxAttempt, type OutboxProblem } from './outbox-attempts.ts';
import { handleStravaAccountError, requireStrava } from './strava-account-errors.ts';

/** A rate-limit pause longer than this (the daily budget) recomputes with what is stored so far. */
const LONG_PAUSE_MS = 10 * 60 * 1000;

export interface StravaActivityDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
}

export function createStravaActivityProcessor(
  deps: StravaActivityDeps,
): Processor<'strava-activity'> {
  return async ({ accountId, stravaActivityId }) => {
    const ctx = requireStrava(deps.strava);
    const account = await findStravaAccount(deps.pool, accountId);
    if (!account || account.status !== 'connected') return;
    const attempts = await startStravaBackfillItem(deps.pool, accountId, stravaActivityId);
    if (attempts !== undefined) {
      const failItem = async (error: OutboxProblem) => {
        await finishStravaBackfillItem(deps.pool, accountId, stravaActivityId, {
          status: 'failed',
          error,
        });
        await completeStravaBackfill(deps, accountId);
      };
      await runOutboxAttempt(attempts, failItem, () =>
        fetchItem(deps, ctx, account, stravaActivityId, failItem),
      );
    }
    // This item's place in flight is free: the next waiting one goes.
    await dispatchStravaBackfill(deps);
  };
}

async function fetchItem(
  deps: StravaActivityDeps,
  ctx: StravaContext,
  account: StravaAccountRef,
  stravaActivityId: number,
  failItem: (error: OutboxProblem) => Promise<void>,
): Promise<void> {
  const accountId = account.id;
  const client = stravaClientFor(deps.pool, ctx, accountId, 'backfill');
  let activity;
  try {
    activity = await deferOnRateLimit(deps.pool, accountId, () =>
      fetchStravaActivity(client, stravaActivityId),
    );
  } catch (err) {
    if (err instanceof DeferJobError) {
      await uncountStravaBackfillAttempt(deps.pool, accountId, stravaActivityId);
      if (err.retryAt.getTime() - Date.now() > LONG_PAUSE_MS) {
        await recomputeStravaBackfillSoFar(deps, accountId);
      }
    }
    if (await handleStravaAccountError(deps.pool, accountId, err)) return;
    if (!(err instanceof BadInputError)) throw err; // 5xx, timeouts: retried with backoff
    await failItem({ code: err.reason, message: err.message });
    return;
  }
  const outcome = await storeStravaActivity(
    deps.pool,
    account,
    stravaActivityId,
    activity,
    async (client, o) => {
      await finishStravaBackfillItem(client, accountId, stravaActivityId, {
        status: o.status === 'stored' ? 'done' : 'skipped',
        ...(o.status === 'gone' ? {} : { activityId: o.activityId }),
        ...(o.status === 'duplicate'
          ? {
              error: {
                code: 'same_session',
                message: 'the same session was already imported; that copy is kept',
              },
            }
          : {}),
      });
    },
    // One recompute when the backfill is done, not one per activity (backfill-recompute.ts).
    { recompute: false },
  );
  if ('version' in outcome && outcome.version !== undefined) {
    await enqueueRecompute(deps.queue, outcome.athleteId, outcome.version);
  }
  await completeStravaBackfill(deps, accountId);
}
