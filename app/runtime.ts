// Starts Hipcheck in one of its modes: everything in one process (`start`), the API alone, or the
// workers alone. Without DATABASE_URL the embedded PostgreSQL is started; without REDIS_URL jobs
// run in-process through the same processors as the BullMQ workers.
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '#services/config';
import { createApp } from '#services/api/app';
import { createPool, migratePool, type Pool } from '#services/db/database';
import { startEmbeddedPostgres } from '#services/db/embedded-postgres';
import { createBullQueue, startBullWorkers } from '#services/queue/bullmq-queue';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { JobQueue, Processors } from '#services/queue/jobs';
import { startReconciler } from '#workers/reconciler';
import { createProcessors } from '#workers/processors';
import { Redis } from 'ioredis';
import { createRateLimiter } from '#services/strava/rate-limiter';
import { createMemoryRateLimiter } from '#services/strava/memory-rate-limiter';
import {
  createStravaContext,
  missingStravaSettings,
  type StravaContext,
} from '#services/strava/strava-context';

export type Mode = 'all' | 'api' | 'worker';

export interface Running {
  url: string | undefined;
  pool: Pool;
  queue: JobQueue;
  stop(): Promise<void>;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DASHBOARD_DIR = join(ROOT, 'dist', 'dashboard');

export async function openDatabase(
  config: Config,
  log: (m: string) => void,
): Promise<{ pool: Pool; close(): Promise<void>; timescale: boolean }> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    url = embedded.url;
    stopEmbedded = embedded.stop;
    log(`embedded PostgreSQL running, data in ${config.dataDir}`);
  }
  const pool = createPool(url);
  const migrated = await migratePool(pool);
  if (migrated.applied.length > 0) log(`migrations applied: ${migrated.applied.join(', ')}`);
  return {
    pool,
    timescale: migrated.timescale,
    async close() {
      await pool.end();
      await stopEmbedded?.();
    },
  };
}

export async function startHipcheck(
  config: Config,
  mode: Mode,
  log: (m: string) => void,
): Promise<Running> {
  if (mode === 'worker' && !config.redisUrl) {
    throw new Error(
      '`hipcheck worker` needs REDIS_URL: without Redis, jobs run inside `hipcheck start`',
    );
  }
  const db = await openDatabase(config, log);
  const now = () => new Date();
  const closers: Array<() => Promise<void>> = [];

  // One Strava rate limiter for every process: in Redis when there is one; in the embedded mode
  // the only process talking to Strava is this one, so memory is enough.
  let strava: StravaContext | undefined;
  const missing = missingStravaSettings(config);
  if (missing.length > 0) {
    log(`Strava sync is off: set ${missing.join(', ')} to turn it on`);
  } else if (config.redisUrl) {
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined); // ioredis reconnects; a failed call fails its job
    closers.push(async () => void redis.disconnect());
    strava = createStravaContext(config, { limiter: createRateLimiter({ redis }) });
  } else {
    strava = createStravaContext(config, { limiter: createMemoryRateLimiter() });
  }

  let queue: JobQueue;
  if (config.redisUrl) {
    queue = createBullQueue({ redisUrl: config.redisUrl });
    if (mode !== 'api') {
      const processors = createProcessors({
        pool: db.pool,
        queue,
        now,
        strava,
        uploadsDir: config.uploadsDir,
      });
      const workers = startBullWorkers({
        redisUrl: config.redisUrl,
        processors,
        log,
        // Strava jobs mostly wait on the network and the shared limiter.
        concurrency: { 'strava-activity': 8, 'strava-event': 4 },
      });
      closers.push(() => workers.close());
      log('workers started on BullMQ');
    }
  } else {
    // The processors need the queue (to chain jobs) and the queue needs the processors.
    const ready: { processors?: Processors } = {};
    const inProcess = createInProcessQueue(() => {
      if (!ready.processors) throw new Error('processors not ready');
      return ready.processors;
    }, log);
    ready.processors = createProcessors({
      pool: db.pool,
      queue: inProcess,
      now,
      strava,
      uploadsDir: config.uploadsDir,
    });
    queue = inProcess;
    log('no REDIS_URL: jobs run in this process');
  }

  const reconciler = startReconciler({ pool: db.pool, queue, log, uploadsDir: config.uploadsDir });
  closers.push(async () => reconciler.stop());

  let url: string | undefined;
  if (mode !== 'worker') {
    const app = createApp({
      pool: db.pool,
      queue,
      publicUrl: config.publicUrl,
      uploadMaxBytes: config.uploadMaxBytes,
      importMaxBytes: config.importMaxBytes,
      uploadsDir: config.uploadsDir,
      dashboardDir: DASHBOARD_DIR,
      log,
      strava,
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    url = `http://localhost:${port}`;
    closers.unshift(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
  }

  return {
    url,
    pool: db.pool,
    queue,
    async stop() {
      for (const close of closers) await close();
      await queue.close();
      await db.close();
    },
  };
}
