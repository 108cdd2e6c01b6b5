// The whole Strava path for integration tests: the fake Strava over real HTTP, a fresh database,
// BullMQ on the real Redis under a key prefix of the test's own, the Redis-shared rate limiter,
// the HTTP app at a known PUBLIC_URL (Strava redirects and posts back to it), workers running the
// real processors, and the push subscription made ours the way the running app does.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { Redis } from 'ioredis';
import { createApp } from '#services/api/app';
import { loadConfig } from '#services/config';
import { createBullQueue, startBullWorkers, type BullWorkers } from '#services/queue/bullmq-queue';
import type { JobName, JobQueue } from '#services/queue/jobs';
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimits,
} from '#services/strava/rate-limiter';
import { createStravaContext, type StravaContext } from '#services/strava/strava-context';
import { ensureStravaSubscription, subscriptionOptionsOf } from '#services/strava/subscribe-strava';
import { generateTokenKey } from '#services/strava/token-vault';
import { createProcessors } from '#workers/processors';
import {
  startFakeStrava,
  type FakeStrava,
  type FakeStravaOptions,
} from '../fake-strava/fake-strava.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { TestClient, type Response } from './http-client.ts';
import { redisUrl } from './pipeline.ts';
import type { StravaWorkerChildConfig } from './strava-worker-child.ts';

const childScript = join(dirname(fileURLToPath(import.meta.url)), 'strava-worker-child.ts');

export const VERIFY_TOKEN = 'hipcheck-test-verify-token';

/** Limits so high that a test never waits for Strava's windows (the fake's and the limiter's). */
export const ROOMY_LIMITS = {
  shortLimit: 5000,
  dailyLimit: 50_000,
  readShortLimit: 5000,
  readDailyLimit: 50_000,
};

export interface StravaPipeline {
  fake: FakeStrava;
  db: TestDatabase;
  queue: JobQueue;
  url: string;
  prefix: string;
  limiter: RateLimiter;
  strava: StravaContext;
  /** The in-process workers; undefined when they run in worker processes. */
  workers: BullWorkers | undefined;
  /** The worker processes' pids (workerProcesses > 0). */
  workerPids: number[];
  /** Every worker log line ("job … attempt n failed: …"). */
  workerLog: string[];
  client(): TestClient;
  close(): Promise<void>;
}

export interface StravaPipelineOptions {
  fake?: FakeStravaOptions;
  /** The limiter's windows and limits; default Strava's. */
  shortWindowMs?: number;
  dailyWindowMs?: number;
  limits?: Partial<RateLimits>;
  requestTimeoutMs?: number;
  refreshMarginMs?: number;
  /** The longest a job waits in place for budget before deferring itself (default 60 s). */
  maxWaitMs?: number;
  /** Backfill items in flight at once, across athletes (default the context's). */
  backfillInFlight?: number;
  /** Serve the built dashboard too (browser tests). */
  dashboardDir?: string;
  /** Leave the push subscription to the test. */
  noSubscription?: boolean;
  concurrency?: Partial<Record<JobName, number>>;
  /**
   * Run the workers in this many separate processes (each with its own Redis connection and
   * limiter object) instead of in the test process: the production shape, and CPU of its own.
   */
  workerProcesses?: number;
}

export async function startStravaPipeline(
  options: StravaPipelineOptions = {},
): Promise<StravaPipeline> {
  const fake = await startFakeStrava(options.fake);
  const db = await createTestDatabase();
  const prefix = `hc-test-${randomBytes(4).toString('hex')}`;
  const queue = createBullQueue({ redisUrl, prefix });
  const redis = new Redis(redisUrl);
  const limiterOptions = {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.shortWindowMs ? { shortWindowMs: options.shortWindowMs } : {}),
    ...(options.dailyWindowMs ? { dailyWindowMs: options.dailyWindowMs } : {}),
  };
  const limiterPrefix = `${prefix}:strava-rate`;
  const limiter = createRateLimiter({ redis, keyPrefix: limiterPrefix, ...limiterOptions });

  // The app needs its own URL (PUBLIC_URL: the OAuth redirect and the webhook): listen first.
  const holder: { app?: Express } = {};
  const server = http.createServer((req, res) => {
    if (holder.app) holder.app(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const env = {
    PUBLIC_URL: url,
    STRAVA_CLIENT_ID: fake.clientId,
    STRAVA_CLIENT_SECRET: fake.clientSecret,
    STRAVA_API_URL: fake.apiUrl,
    STRAVA_OAUTH_URL: fake.oauthUrl,
    STRAVA_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
    TOKEN_ENCRYPTION_KEY: generateTokenKey(),
  };
  const contextOptions = {
    requestTimeoutMs: options.requestTimeoutMs ?? 2000,
    maxWaitMs: options.maxWaitMs ?? 60_000,
    ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {}),
    ...(options.backfillInFlight !== undefined
      ? { backfillInFlight: options.backfillInFlight }
      : {}),
  };
  const strava = createStravaContext(loadConfig(env), { limiter, ...contextOptions });
  if (!strava) throw new Error('Strava context not configured');
  const workerLog: string[] = [];
  const log = (m: string) => workerLog.push(m);
  holder.app = createApp({
    pool: db.pool,
    queue,
    publicUrl: url,
    uploadMaxBytes: 10 * 1024 * 1024,
    log,
    strava,
    ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
  });
  const concurrency = { 'strava-activity': 16, 'strava-event': 4, ...options.concurrency };
  const children: ChildProcess[] = [];
  let workers: BullWorkers | undefined;
  if ((options.workerProcesses ?? 0) > 0) {
    const childConfig: StravaWorkerChildConfig = {
      databaseUrl: db.url,
      redisUrl,
      prefix,
      env,
      limiterPrefix,
      ...limiterOptions,
      ...contextOptions,
      concurrency,
    };
    await Promise.all(
      Array.from({ length: options.workerProcesses ?? 0 }, () => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', childScript, JSON.stringify(childConfig)],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        children.push(child);
        return new Promise<void>((resolve, reject) => {
          let buffered = '';
          child.stdout?.on('data', (chunk: Buffer) => {
            buffered += chunk.toString('utf8');
            const lines = buffered.split('\n');
            buffered = lines.pop() ?? '';
            for (const line of lines) {
              if (line === 'worker-ready') resolve();
              else if (line.startsWith('log ')) log(line.slice(4));
            }
          });
          child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
        });
      }),
    );
  } else {
    workers = startBullWorkers({
      redisUrl,
      prefix,
      processors: createProcessors({ pool: db.pool, queue, now: () => new Date(), strava }),
      concurrency,
      log,
    });
  }
  if (!options.noSubscription) {
    const subscribed = await ensureStravaSubscription(db.pool, subscriptionOptionsOf(strava));
    if (subscribed.status !== 'active') throw new Error(subscribed.message);
  }

  return {
    fake,
    db,
    queue,
    url,
    prefix,
    limiter,
    strava,
    workers,
    workerPids: children.map((c) => c.pid ?? 0),
    workerLog,
    client: () => new TestClient(url),
    async close() {
      await workers?.close();
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null) return resolve();
              const killer = setTimeout(() => c.kill('SIGKILL'), 5000);
              c.once('exit', () => {
                clearTimeout(killer);
                resolve();
              });
              c.kill('SIGTERM');
            }),
        ),
      );
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await queue.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await fake.close();
      await db.drop();
    },
  };
}

/**
 * Plays the browser through "Connect with Strava": our 302 to the fake's authorize page, its 302
 * back to our callback with code, scope and state, and the callback's answer.
 */
export async function connectStrava(runner: TestClient): Promise<Response<unknown>> {
  const start = await runner.get('/api/strava/connect');
  if (start.status !== 302)
    throw new Error(`connect: ${start.status} ${JSON.stringify(start.body)}`);
  const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  if (authorize.status !== 302) throw new Error(`authorize: ${authorize.status}`);
  const back = new URL(authorize.headers.get('location') ?? '');
  return runner.get(`${back.pathname}${back.search}`);
}

export interface StravaStatus {
  connected: boolean;
  status: string;
  backfill: {
    state: string | null;
    done: number;
    total: number;
    nextBatchAt: string | null;
    progress: string | null;
  };
  lastError: { code: string; message: string } | null;
}

/** Polls the runner's Strava status until the backfill is done. */
export async function waitForBackfill(
  runner: TestClient,
  timeoutMs = 30_000,
): Promise<StravaStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await runner.get<StravaStatus>('/api/strava/status');
    if (res.status !== 200) throw new Error(`status: ${res.status}`);
    if (res.body.backfill.state === 'done') return res.body;
    if (Date.now() > deadline) {
      throw new Error(`backfill not done after ${timeoutMs} ms: ${JSON.stringify(res.body)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
