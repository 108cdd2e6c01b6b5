// Ask for an athlete's metrics to be recomputed from a day on, and enqueue the job. The request is
// the durable part (the reconciler enqueues it again if the job is lost).
import type { Queryable } from '#services/db/database';
import { coveringRecompute, requestRecompute } from '#services/db/recompute.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';

/** Recompute every day (the engine starts from the athlete's first day of data). */
export const FROM_THE_START = '0001-01-01';

/** Enqueue the job for a request already committed (`version` from requestRecompute). */
export async function enqueueRecompute(
  queue: JobQueue,
  athleteId: string,
  version: number,
): Promise<void> {
  await queue
    .enqueue('recompute', { athleteId }, jobIds.recompute(athleteId, version))
    .catch(() => undefined);
}

/**
 * Request and enqueue at once; use outside a transaction, after the change is committed (the job
 * must see the request, and a covering request already pending is trusted to see the change).
 */
export async function recomputeFrom(
  deps: { db: Queryable; queue: JobQueue },
  athleteId: string,
  fromDate: string,
): Promise<void> {
  // A burst of writes (check-ins one after another) asks once: while a request already covers
  // the day, nothing is written and the queued job is the same.
  const version =
    (await coveringRecompute(deps.db, athleteId, fromDate)) ??
    (await requestRecompute(deps.db, athleteId, fromDate));
  await enqueueRecompute(deps.queue, athleteId, version);
}
