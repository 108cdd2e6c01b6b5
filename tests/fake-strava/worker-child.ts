// A stand-in worker process for the "two workers share one limiter" test: it builds its own Redis
// connection, rate limiter and Strava client, waits for the agreed start time, fetches the given
// activities, and prints one JSON line with what happened. Run as:
//   node --import tsx tests/fake-strava/worker-child.ts '<json config>'
import { Redis } from 'ioredis';
import { createStravaClient } from '../../services/strava/client.ts';
import { RateLimitedError } from '../../services/strava/errors.ts';
import { createRateLimiter, type RateLimits } from '../../services/strava/rate-limiter.ts';

export interface WorkerChildConfig {
  redisUrl: string;
  keyPrefix: string;
  apiUrl: string;
  accessToken: string;
  activityIds: number[];
  limits: RateLimits;
  shortWindowMs: number;
  dailyWindowMs: number;
  safetyMargin: number;
  concurrency: number;
  /** Epoch ms at which to start, so that both processes start together. */
  startAt: number;
}

export interface WorkerChildResult {
  pid: number;
  fetched: number;
  rateLimitedErrors: number;
  /** Epoch ms of the first request sent and the last answer received. */
  startedAt: number;
  finishedAt: number;
  otherErrors: string[];
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as WorkerChildConfig;
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
  const limiter = createRateLimiter({
    redis,
    keyPrefix: config.keyPrefix,
    limits: config.limits,
    shortWindowMs: config.shortWindowMs,
    dailyWindowMs: config.dailyWindowMs,
    safetyMargin: config.safetyMargin,
  });
  const client = createStravaClient({
    apiUrl: config.apiUrl,
    limiter,
    getAccessToken: () => Promise.resolve(config.accessToken),
    timeoutMs: 5000,
  });
  const result: WorkerChildResult = {
    pid: process.pid,
    fetched: 0,
    rateLimitedErrors: 0,
    startedAt: 0,
    finishedAt: 0,
    otherErrors: [],
  };
  // Warm up fetch (Node loads undici on first use) outside the API, so it costs no budget and the
  // first real requests are not slow enough to straddle a window boundary.
  await fetch(new URL('/warmup', config.apiUrl)).catch(() => undefined);
  await new Promise((r) => setTimeout(r, Math.max(0, config.startAt - Date.now())));
  result.startedAt = Date.now();
  const queue = [...config.activityIds];
  await Promise.all(
    Array.from({ length: config.concurrency }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          await client.getActivity(id);
          result.fetched++;
        } catch (e) {
          if (e instanceof RateLimitedError) result.rateLimitedErrors++;
          else result.otherErrors.push(String(e));
        }
      }
    }),
  );
  result.finishedAt = Date.now();
  redis.disconnect();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
