// A worker process for the Strava pipeline tests: the real processors on BullMQ, with its own
// Redis connection and its own rate limiter object over the same Redis keys, so several processes
// share one budget exactly as `hipcheck worker` processes do. Worker log lines go to stdout.
//   node --import tsx tests/support/strava-worker-child.ts '<json StravaWorkerChildConfig>'
import { Redis } from 'ioredis';
import { loadConfig } from '#services/config';
import { createPool } from '#services/db/database';
import { createBullQueue, startBullWorkers } from '#services/queue/bullmq-queue';
import type { JobName } from '#services/queue/jobs';
import { createRateLimiter, type RateLimits } from '#services/strava/rate-limiter';
import { createStravaContext } from '#services/strava/strava-context';
import { createProcessors } from '#workers/processors';

export interface StravaWorkerChildConfig {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  env: Record<string, string>;
  limiterPrefix: string;
  limits?: Partial<RateLimits>;
  shortWindowMs?: number;
  dailyWindowMs?: number;
  requestTimeoutMs: number;
  maxWaitMs: number;
  refreshMarginMs?: number;
  backfillInFlight?: number;
  concurrency: Partial<Record<JobName, number>>;
}

const c = JSON.parse(process.argv[2] ?? '{}') as StravaWorkerChildConfig;
const pool = createPool(c.databaseUrl);
const queue = createBullQueue({ redisUrl: c.redisUrl, prefix: c.prefix });
const redis = new Redis(c.redisUrl);
const limiter = createRateLimiter({
  redis,
  keyPrefix: c.limiterPrefix,
  ...(c.limits ? { limits: c.limits } : {}),
  ...(c.shortWindowMs ? { shortWindowMs: c.shortWindowMs } : {}),
  ...(c.dailyWindowMs ? { dailyWindowMs: c.dailyWindowMs } : {}),
});
const strava = createStravaContext(loadConfig(c.env), {
  limiter,
  requestTimeoutMs: c.requestTimeoutMs,
  maxWaitMs: c.maxWaitMs,
  ...(c.refreshMarginMs !== undefined ? { refreshMarginMs: c.refreshMarginMs } : {}),
  ...(c.backfillInFlight !== undefined ? { backfillInFlight: c.backfillInFlight } : {}),
});
const workers = startBullWorkers({
  redisUrl: c.redisUrl,
  prefix: c.prefix,
  processors: createProcessors({ pool, queue, now: () => new Date(), strava }),
  concurrency: c.concurrency,
  log: (m) => process.stdout.write(`log ${m}\n`),
});
process.once('SIGTERM', () => {
  void workers
    .close()
    .then(() => queue.close())
    .then(() => pool.end())
    .finally(() => {
      redis.disconnect();
      process.exit(0);
    });
});
process.stdout.write('worker-ready\n');
