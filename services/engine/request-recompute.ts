// Ask for an athlete's metrics to be recomputed from a day on, and enqueue the job. The request is
// the durable part (the reconciler enqueues it again if the job is lost).
import type { Queryable } from '#services/db/database';
import { coveringRecompute, requestRecompute } from '#services/db/recompute.repository';
import { createKeyedBatches } from '#services/db/keyed-batches';
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

type RequestOf = (athleteId: string, fromDate: string) => Promise<number>;
const requestsOf = new WeakMap<Queryable, RequestOf>();

/**
 * requestRecompute, with the requests for one athlete that arrive while one is being committed
 * written as one (from the earliest of their days) right after: a burst of check-ins that each
 * find no covering request (the worker has just taken it) writes the request row once, not once
 * each in turn on its lock. Per pool (never a transaction's client): each write commits at once.
 */
function batchedRequest(db: Queryable): RequestOf {
  let request = requestsOf.get(db);
  if (!request) {
    const batches = createKeyedBatches<{ athleteId: string; fromDate: string }, number>(
      async (batch) => {
        const [first, ...rest] = batch.map((w) => w.item);
        if (!first) return;
        const from = rest.reduce((a, b) => (b.fromDate < a ? b.fromDate : a), first.fromDate);
        const version = await requestRecompute(db, first.athleteId, from);
        for (const w of batch) w.resolve(version);
      },
    );
    request = (athleteId, fromDate) => batches(athleteId, { athleteId, fromDate });
    requestsOf.set(db, request);
  }
  return request;
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
    (await batchedRequest(deps.db)(athleteId, fromDate));
  await enqueueRecompute(deps.queue, athleteId, version);
}
