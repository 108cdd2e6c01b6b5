// A backfill asks for metrics to be recomputed once for all its activities, not once per activity:
// each recompute runs the engine over the athlete's history while holding their recompute row,
// and hundreds of them would serialise the backfill behind it. It asks when the backfill is done,
// and when the rate limit pauses it for long (the daily budget), so the runner's metrics include
// what has arrived so far.
import { withTransaction, type Pool } from '#services/db/database';
import { requestRecompute } from '#services/db/recompute.repository';
import { findStravaAccount } from '#services/db/strava-accounts.repository';
import {
  earliestStravaBackfillDay,
  finishStravaBackfillIfDone,
} from '#services/db/strava-backfill.repository';
import { enqueueRecompute } from '#services/engine/request-recompute';
import type { JobQueue } from '#services/queue/jobs';

/** Marks the backfill done when nothing is pending, and asks for its one recompute. */
export async function completeStravaBackfill(
  deps: { pool: Pool; queue: JobQueue },
  accountId: string,
): Promise<void> {
  const next = await withTransaction(deps.pool, async (client) => {
    const done = await finishStravaBackfillIfDone(client, accountId);
    if (!done) return undefined;
    const from = await earliestStravaBackfillDay(client, accountId);
    if (from === undefined) return undefined;
    return {
      athleteId: done.athleteId,
      version: await requestRecompute(client, done.athleteId, from),
    };
  });
  if (next) await enqueueRecompute(deps.queue, next.athleteId, next.version);
}

/** The backfill pauses for a while: recompute with what it has stored so far. */
export async function recomputeStravaBackfillSoFar(
  deps: { pool: Pool; queue: JobQueue },
  accountId: string,
): Promise<void> {
  const next = await withTransaction(deps.pool, async (client) => {
    const account = await findStravaAccount(client, accountId);
    const from = account ? await earliestStravaBackfillDay(client, accountId) : undefined;
    if (!account || from === undefined) return undefined;
    return {
      athleteId: account.athleteId,
      version: await requestRecompute(client, account.athleteId, from),
    };
  });
  if (next) await enqueueRecompute(deps.queue, next.athleteId, next.version);
}
