// The shared rate limiter at work against the fake Strava's real windows (shortened to 1 s): a
// 600-activity backfill under 100 read requests per window with no 429 and at least 90% of the
// allowed rate used, and two worker processes sharing one budget.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStravaClient } from '../../services/strava/client.ts';
import { createRateLimiter, type RateLimits } from '../../services/strava/rate-limiter.ts';
import { startFakeStrava, type FakeStrava, type WindowStats } from '../fake-strava/fake-strava.ts';
import type { WorkerChildConfig, WorkerChildResult } from '../fake-strava/worker-child.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WINDOW_MS = 1000;
const DAY_MS = 3_600_000; // a shortened "day", aligned like the fake's
const LIMITS: RateLimits = {
  shortLimit: 200,
  dailyLimit: 100_000,
  readShortLimit: 100,
  readDailyLimit: 100_000,
};
const MARGIN = 0.05;
const childScript = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fake-strava',
  'worker-child.ts',
);

let redis: Redis;
let fake: FakeStrava;

beforeAll(async () => {
  redis = new Redis(redisUrl);
  fake = await startFakeStrava({
    shortWindowMs: WINDOW_MS,
    dailyWindowMs: DAY_MS,
    rateLimits: LIMITS,
  });
});

afterAll(async () => {
  const keys = await redis.keys('test:strava-tp:*');
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await fake.close();
});

/** Windows strictly between the first and the last one that saw requests: the full ones. */
function fullWindows(windows: readonly WindowStats[]): WindowStats[] {
  return windows.filter((w) => w.requests > 0).slice(1, -1);
}

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('the shared limiter against the fake Strava', () => {
  it('backfills 600 activities under 100 reads per window: zero 429s, at least 90% of the allowed rate used', async () => {
    const athlete = fake.addAthlete();
    fake.generateActivities(athlete.id, 600);
    const { accessToken } = fake.issueTokens(athlete.id);
    const limiter = createRateLimiter({
      redis,
      keyPrefix: `test:strava-tp:${randomUUID()}`,
      limits: LIMITS,
      shortWindowMs: WINDOW_MS,
      dailyWindowMs: DAY_MS,
      safetyMargin: MARGIN,
    });
    const client = createStravaClient({
      apiUrl: fake.apiUrl,
      limiter,
      getAccessToken: () => Promise.resolve(accessToken),
    });
    fake.resetStats();
    const started = Date.now();

    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const list = await client.listActivities({ page, perPage: 200 });
      if (list.length === 0) break;
      ids.push(...list.map((a) => a.id));
    }
    let fetched = 0;
    await pool(ids, 8, async (id) => {
      await client.getActivity(id);
      await client.getStreams(id);
      fetched++;
    });

    const elapsed = Date.now() - started;
    const stats = fake.stats();
    const full = fullWindows(stats.windows);
    const perWindow = full.map((w) => w.reads);
    const mean = perWindow.reduce((a, b) => a + b, 0) / perWindow.length;
    console.log(
      `600-activity backfill: ${stats.requests} requests in ${elapsed} ms, ${stats.rateLimited} × 429; ` +
        `reads per full window ${perWindow.join(' ')} (mean ${mean.toFixed(1)} of ${LIMITS.readShortLimit} allowed)`,
    );
    expect(ids).toHaveLength(600);
    expect(fetched).toBe(600);
    expect(stats.requests).toBe(4 + 1200);
    expect(stats.rateLimited).toBe(0);
    expect(full.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...stats.windows.map((w) => w.reads))).toBeLessThanOrEqual(
      LIMITS.readShortLimit,
    );
    expect(mean).toBeGreaterThanOrEqual(0.9 * LIMITS.readShortLimit);
    const status = await limiter.status();
    expect(status.readShort.limit).toBe(LIMITS.readShortLimit);
  }, 40_000);

  it('two worker processes (two Redis connections) share one budget without a 429', async () => {
    const athlete = fake.addAthlete();
    const made = fake.generateActivities(athlete.id, 300);
    const { accessToken } = fake.issueTokens(athlete.id);
    const keyPrefix = `test:strava-tp:${randomUUID()}`;
    // Both start at the same window boundary, far enough ahead for tsx to load.
    const startAt = Math.ceil((Date.now() + 2000) / WINDOW_MS) * WINDOW_MS;
    fake.resetStats();

    const run = (activityIds: number[]): Promise<WorkerChildResult> => {
      const config: WorkerChildConfig = {
        redisUrl,
        keyPrefix,
        apiUrl: fake.apiUrl,
        accessToken,
        activityIds,
        limits: LIMITS,
        shortWindowMs: WINDOW_MS,
        dailyWindowMs: DAY_MS,
        safetyMargin: MARGIN,
        concurrency: 6,
        startAt,
      };
      return new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', childScript, JSON.stringify(config)],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        let errText = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        child.stderr.on('data', (c: Buffer) => (errText += c.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => {
          if (code !== 0) reject(new Error(`worker exited with ${String(code)}: ${errText}`));
          else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as WorkerChildResult);
        });
      });
    };

    const ids = made.map((a) => a.id);
    const [a, b] = await Promise.all([run(ids.slice(0, 150)), run(ids.slice(150))]);
    const stats = fake.stats();
    const busy = stats.windows.filter((w) => w.requests > 0);
    console.log(
      `two workers: pids ${a.pid} and ${b.pid}, ${stats.requests} requests, ${stats.rateLimited} × 429; ` +
        `reads per window ${busy.map((w) => w.reads).join(' ')} (limit ${LIMITS.readShortLimit})`,
    );
    for (const r of [a, b]) {
      expect(r).toMatchObject({ fetched: 150, rateLimitedErrors: 0, otherErrors: [] });
    }
    expect(a.pid).not.toBe(b.pid);
    // They ran at the same time…
    expect(Math.max(a.startedAt, b.startedAt)).toBeLessThan(Math.min(a.finishedAt, b.finishedAt));
    // …yet together stayed inside one budget (two separate budgets would have sent 190 in the
    // first window): 300 reads took at least four 1-s windows. A window may see a few more than
    // the budget of 95 (requests sent just before the boundary): that is what the margin is for.
    expect(stats.rateLimited).toBe(0);
    expect(stats.requests).toBe(300);
    expect(Math.max(...busy.map((w) => w.reads))).toBeLessThanOrEqual(LIMITS.readShortLimit);
    expect(Math.max(...busy.map((w) => w.reads))).toBeGreaterThanOrEqual(90);
    expect(busy.length).toBeGreaterThanOrEqual(4);
  }, 30_000);
});
