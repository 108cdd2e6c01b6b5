// Hands backfill items to the workers a few at a time instead of all at once: the newest of each
// athlete's waiting items in turn (round robin between athletes), none while new activities from
// webhooks or catch-ups wait, and never more than `backfillInFlight` in flight. Called when a
// listing page is stored, when an item or an event finishes, and by the reconciler.
import { withTransaction, type Pool } from '#services/db/database';
import { dispatchStravaBackfillItems } from '#services/db/strava-backfill.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import type { StravaContext } from './strava-context.ts';

/** In flight at once when no Strava context says otherwise (createStravaContext's default). */
export const DEFAULT_BACKFILL_IN_FLIGHT = 32;

export async function dispatchStravaBackfill(deps: {
  pool: Pool;
  queue: JobQueue;
  strava?: Pick<StravaContext, 'backfillInFlight'> | undefined;
}): Promise<number> {
  const capacity = deps.strava?.backfillInFlight ?? DEFAULT_BACKFILL_IN_FLIGHT;
  const picked = await withTransaction(deps.pool, (client) =>
    dispatchStravaBackfillItems(client, capacity),
  );
  // A crash before these are enqueued leaves them dispatched: the reconciler enqueues them again.
  for (const item of picked) {
    await deps.queue.enqueue(
      'strava-activity',
      item,
      jobIds.stravaActivity(item.accountId, item.stravaActivityId),
    );
  }
  return picked.length;
}
