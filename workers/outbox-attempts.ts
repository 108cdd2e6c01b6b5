// The attempt limit of outbox jobs: an upload to ingest, a Strava webhook event, a Strava backfill
// item. Each row counts its own attempts, since a queue's count ends with its job (retries used
// up, Redis flushed) while the reconciler enqueues the row again as long as it is unfinished. At
// the limit the row is marked failed with the error that ended it, and the reconciler leaves it.
import { DeferJobError } from '#services/queue/jobs';

/** How many times an outbox job runs before its row is marked failed. */
export const OUTBOX_MAX_ATTEMPTS = 10;

export interface OutboxProblem {
  code: string;
  message: string;
}

/**
 * Runs attempt number `attempts` (already counted in the row) of an outbox job. An error of an
 * earlier attempt goes back to the queue, which retries with backoff; the error of the last one
 * is stored through `fail` instead. Past the limit — the last attempts stopped without an error,
 * as when a worker is killed mid-job — `fail` is called without running `work`. A deferred run
 * (DeferJobError: Strava's rate limit) is not a failure and always goes back to the queue.
 */
export async function runOutboxAttempt(
  attempts: number,
  fail: (problem: OutboxProblem) => Promise<void>,
  work: () => Promise<void>,
): Promise<void> {
  if (attempts > OUTBOX_MAX_ATTEMPTS) {
    await fail({
      code: 'internal',
      message: `stopped ${OUTBOX_MAX_ATTEMPTS} times before finishing`,
    });
    return;
  }
  try {
    await work();
  } catch (err) {
    if (err instanceof DeferJobError || attempts < OUTBOX_MAX_ATTEMPTS) throw err;
    await fail({
      code: 'internal',
      message: `failed ${OUTBOX_MAX_ATTEMPTS} times; the last error: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
}
