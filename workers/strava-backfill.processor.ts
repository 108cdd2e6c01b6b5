// Strava backfill, listing: walks the athlete's activities back from the cursor, 200 a page,
// storing each page's ids as backfill items and enqueueing a fetch job for each new one. The
// cursor is saved after every page, so a deferred or crashed job resumes where it stopped.
import type { Pool } from '#services/db/database';
import { findStravaAccount } from '#services/db/strava-accounts.repository';
import {
  advanceStravaBackfillCursor,
  insertStravaBackfillItems,
} from '#services/db/strava-backfill.repository';
import { jobIds, type JobQueue, type Processor } from '#services/queue/jobs';
import { completeStravaBackfill } from '#services/strava/backfill-recompute';
import { deferOnRateLimit } from '#services/strava/defer-on-rate-limit';
import type { StravaContext } from '#services/strava/strava-context';
import { stravaClientFor } from '#services/strava/sync-strava-activity';
import { handleStravaAccountError, requireStrava } from './strava-account-errors.ts';

const PAGE_SIZE = 200;

export interface StravaBackfillDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
}

export function createStravaBackfillProcessor(
  deps: StravaBackfillDeps,
): Processor<'strava-backfill'> {
  return async ({ accountId, generation }) => {
    const ctx = requireStrava(deps.strava);
    const client = stravaClientFor(deps.pool, ctx, accountId);
    for (;;) {
      const account = await findStravaAccount(deps.pool, accountId);
      // Stopped, restarted (a newer generation) or finished listing: nothing left for this job.
      if (
        !account ||
        account.status !== 'connected' ||
        account.backfillGeneration !== generation ||
        account.backfillState !== 'listing'
      ) {
        return;
      }
      const cursor = account.backfillCursor;
      let page;
      try {
        page = await deferOnRateLimit(deps.pool, accountId, () =>
          client.listActivities({
            before: cursor,
            ...(account.backfillAfter ? { after: account.backfillAfter } : {}),
            perPage: PAGE_SIZE,
          }),
        );
      } catch (err) {
        if (await handleStravaAccountError(deps.pool, accountId, err)) return;
        throw err;
      }
      const items = page.map((a) => ({ stravaActivityId: a.id, startAt: new Date(a.start_date) }));
      const fresh = await insertStravaBackfillItems(deps.pool, accountId, items);
      const oldestMs = Math.min(...items.map((i) => i.startAt.getTime()));
      const listingDone = page.length < PAGE_SIZE;
      // `before` is exclusive and in whole seconds: step back to just after the oldest start, so
      // an activity starting in that same second on the next page is not skipped.
      let next = new Date(oldestMs + 1000);
      if (next.getTime() >= cursor.getTime()) next = new Date(oldestMs);
      await advanceStravaBackfillCursor(
        deps.pool,
        accountId,
        generation,
        listingDone ? cursor : next,
        listingDone,
      );
      for (const stravaActivityId of fresh) {
        await deps.queue.enqueue(
          'strava-activity',
          { accountId, stravaActivityId },
          jobIds.stravaActivity(accountId, stravaActivityId),
        );
      }
      if (listingDone) {
        await completeStravaBackfill(deps, accountId);
        return;
      }
    }
  };
}
