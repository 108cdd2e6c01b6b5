// Strava backfill, listing: lists the athlete's activities in the backfill's window page by page
// (200 a page, whatever order Strava lists them in: listing-window.ts), storing each page's ids as
// backfill items and handing the newest waiting ones to workers. What is left of the window is
// saved after every page, so a deferred or crashed job resumes where it stopped.
import type { Pool } from '#services/db/database';
import { findStravaAccount } from '#services/db/strava-accounts.repository';
import {
  advanceStravaBackfillListing,
  insertStravaBackfillItems,
} from '#services/db/strava-backfill.repository';
import { recordStravaSyncSuccess } from '#services/db/strava-sync.repository';
import type { JobQueue, Processor } from '#services/queue/jobs';
import { completeStravaBackfill } from '#services/strava/backfill-recompute';
import { deferOnRateLimit } from '#services/strava/defer-on-rate-limit';
import { dispatchStravaBackfill } from '#services/strava/dispatch-backfill';
import { listWindowPage, nextListingWindow, PAGE_SIZE } from '#services/strava/listing-window';
import type { StravaContext } from '#services/strava/strava-context';
import { stravaClientFor } from '#services/strava/sync-strava-activity';
import { handleStravaAccountError, requireStrava } from './strava-account-errors.ts';

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
    const client = stravaClientFor(deps.pool, ctx, accountId, 'backfill');
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
      const window = {
        before: account.backfillCursor,
        after: account.backfillListedAfter ?? account.backfillAfter,
      };
      let page;
      try {
        page = await deferOnRateLimit(deps.pool, accountId, () => listWindowPage(client, window));
      } catch (err) {
        if (await handleStravaAccountError(deps.pool, accountId, err)) return;
        throw err;
      }
      await recordStravaSyncSuccess(deps.pool, accountId, new Date());
      const items = page.map((a) => ({ stravaActivityId: a.id, startAt: new Date(a.start_date) }));
      await insertStravaBackfillItems(deps.pool, accountId, items);
      const step = nextListingWindow(
        window,
        items.map((i) => i.startAt.getTime()),
        PAGE_SIZE,
      );
      await advanceStravaBackfillListing(
        deps.pool,
        accountId,
        generation,
        step.done ? null : step.rest,
      );
      await dispatchStravaBackfill(deps);
      if (step.done) {
        await completeStravaBackfill(deps, accountId);
        return;
      }
    }
  };
}
