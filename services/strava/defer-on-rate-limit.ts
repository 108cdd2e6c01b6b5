// Strava's rate limit is not a failure: a job that meets it runs again when the window reopens,
// without counting an attempt, and the runner sees when that will be ("next batch at 14:15").
import type { Pool } from '#services/db/database';
import { setStravaNextBatchAt } from '#services/db/strava-backfill.repository';
import { DeferJobError } from '#services/queue/jobs';
import { RateLimitedError } from './errors.ts';

export async function deferOnRateLimit<T>(
  pool: Pool,
  accountId: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    await setStravaNextBatchAt(pool, accountId, err.retryAt);
    throw new DeferJobError(err.retryAt, err.message);
  }
}
