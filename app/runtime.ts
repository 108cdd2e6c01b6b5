// Starts Hipcheck in one of its modes: everything in one process (`start`), the API alone, or the
// workers alone. Without DATABASE_URL the embedded PostgreSQL is started; without REDIS_URL jobs
// run in-process through the same processors as the BullMQ workers. Stopping is graceful: the
// readiness probe turns 503, requests and jobs in flight finish (within the grace period), then
// the connections close.
import express from 'express';
import { Redis } from 'ioredis';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '#services/config';
import { createApp } from '#services/api/app';
import { metricsEndpoint } from '#services/api/metrics-endpoint';
import { createPool, migratePool, type Pool } from '#services/db/database';
import {
  attachToRunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from '#services/db/embedded-postgres';
import { createMailer } from '#services/mail/mailer';
import { instrumentProcessors } from '#services/observability/instrument-processors';
import { silentLogger, type Logger } from '#services/observability/logger';
import { createMetrics } from '#services/observability/metrics';
import { createBullQueue, startBullWorkers } from '#services/queue/bullmq-queue';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { JobQueue, Processors } from '#services/queue/jobs';
import { createMemoryRateLimiter } from '#services/strava/memory-rate-limiter';
import { createRateLimiter } from '#services/strava/rate-limiter';
import { keepStravaSubscription } from '#services/strava/keep-subscription';
import {
  createStravaContext,
  missingStravaSettings,
  type StravaContext,
} from '#services/strava/strava-context';
import { startReconciler } from '#workers/reconciler';
import { createProcessors } from '#workers/processors';
import { closeWithin, listenGracefully, type GracefulServer } from './http-server.ts';

export type Mode = 'all' | 'api' | 'worker';

export interface Running {
  url: string | undefined;
  pool: Pool;
  queue: JobQueue;
  stop(): Promise<void>;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DASHBOARD_DIR = join(ROOT, 'dist', 'dashboard');

/**
 * DATABASE_URL, or the embedded PostgreSQL under DATA_DIR, started here. With `attach`, a command
 * that works beside a running Hipcheck uses that Hipcheck's embedded database instead of refusing.
 */
export async function openDatabase(
  config: Config,
  log: (m: string) => void,
  options: { attach?: boolean; onFatal?: (message: string) => void } = {},
): Promise<{ pool: Pool; close(): Promise<void>; timescale: boolean }> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let url = config.databaseUrl;
  const attached =
    !url && options.attach ? await attachToRunningEmbeddedPostgres(config.dataDir) : undefined;
  if (attached) {
    url = attached.url;
    log(`using the embedded database of the Hipcheck running on ${config.dataDir}`);
  } else if (!url) {
    const embedded = await startEmbeddedPostgres(
      config.dataDir,
      log,
      options.onFatal ? { onFatal: options.onFatal } : {},
    );
    url = embedded.url;
    stopEmbedded = embedded.stop;
    log(`embedded PostgreSQL running, data in ${config.dataDir}`);
  }
  const pool = createPool(url, 10, (err) => log(`database connection lost: ${err.message}`));
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
  options: {
    log: (m: string) => void;
    logger?: Logger;
    /** The process cannot go on (its embedded PostgreSQL is gone for good). */
    onFatal?: (message: string) => void;
  },
): Promise<Running> {
  const { log } = options;
  const logger = options.logger ?? silentLogger();
  if (mode === 'worker' && !config.redisUrl) {
    throw new Error(
      '`hipcheck worker` needs REDIS_URL: without Redis, jobs run inside `hipcheck start`',
    );
  }
  const db = await openDatabase(config, log, options.onFatal ? { onFatal: options.onFatal } : {});
  const now = () => new Date();
  // Closed in this order: first what takes new work, then what finishes it, then connections.
  const closers: Array<() => Promise<void>> = [];
  let draining = false;

  // One Redis connection for the attempt counters, /readyz and the Strava rate limiter.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 })
    : undefined;
  redis?.on('error', () => undefined); // ioredis reconnects; a failed call fails its request or job

  // One Strava rate limiter for every process: in Redis when there is one; in the embedded mode
  // the only process talking to Strava is this one, so memory is enough.
  let strava: StravaContext | undefined;
  const missing = missingStravaSettings(config);
  if (missing.length > 0) {
    log(`Strava sync is off: set ${missing.join(', ')} to turn it on`);
  } else {
    // In-process jobs run two at a time: a few backfill items in flight are enough.
    strava = createStravaContext(
      config,
      redis
        ? { limiter: createRateLimiter({ redis }) }
        : { limiter: createMemoryRateLimiter(), backfillInFlight: 4 },
    );
  }

  // The one mailer: password-reset links and coaches' alerts (mail off without SMTP_URL).
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, log });
  closers.push(() => mailer.close());
  const alerts = { pool: db.pool, mailer, now, publicUrl: config.publicUrl };

  let queue: JobQueue;
  let metrics: ReturnType<typeof createMetrics>;
  if (config.redisUrl) {
    const bull = createBullQueue({ redisUrl: config.redisUrl });
    queue = bull;
    metrics = createMetrics({ queueCounts: () => bull.counts() });
    if (mode !== 'api') {
      const processors = instrumentProcessors(
        createProcessors({
          pool: db.pool,
          queue,
          now,
          strava,
          uploadsDir: config.uploadsDir,
          alerts,
        }),
        metrics,
      );
      const workers = startBullWorkers({
        redisUrl: config.redisUrl,
        processors,
        log,
        // Strava jobs mostly wait on the network and the shared limiter.
        concurrency: { 'strava-activity': 8, 'strava-event': 4 },
      });
      closers.push(() =>
        closeWithin(
          config.shutdownGraceMs,
          () => workers.close(),
          async () => {
            log('jobs still running after the grace period: leaving them to be retried');
            await Promise.all(workers.workers.map((w) => w.close(true)));
          },
        ),
      );
      log('workers started on BullMQ');
    }
  } else {
    // The processors need the queue (to chain jobs) and the queue needs the processors.
    const ready: { processors?: Processors } = {};
    const inProcess = createInProcessQueue(() => {
      if (!ready.processors) throw new Error('processors not ready');
      return ready.processors;
    }, log);
    metrics = createMetrics({ queueCounts: () => inProcess.counts() });
    ready.processors = instrumentProcessors(
      createProcessors({
        pool: db.pool,
        queue: inProcess,
        now,
        strava,
        uploadsDir: config.uploadsDir,
        alerts,
      }),
      metrics,
    );
    queue = inProcess;
    // Waits for the jobs running now; the ones not started stay in the outbox for the next start.
    closers.push(() =>
      closeWithin(
        config.shutdownGraceMs,
        () => inProcess.close(),
        async () => {},
      ),
    );
    log('no REDIS_URL: jobs run in this process');
  }

  const reconciler = startReconciler({
    pool: db.pool,
    queue,
    log,
    strava,
    uploadsDir: config.uploadsDir,
    alerts,
  });
  closers.unshift(() => reconciler.stop());

  const metricsToken = config.metrics.token;
  const servedMetrics = { registry: metrics, token: metricsToken };
  let url: string | undefined;
  const servers: GracefulServer[] = [];
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
      logger,
      strava,
      redis,
      mailer,
      // On the API's port only when no port of its own is set.
      metrics: config.metrics.port === undefined ? servedMetrics : undefined,
      trustProxy: config.trustProxy,
      draining: () => draining,
    });
    const server = await listenGracefully(app, config.port, config.host);
    servers.push(server);
    url = `http://localhost:${server.port}`;
  }
  if (metricsToken && config.metrics.port !== undefined) {
    const app = express();
    app.disable('x-powered-by');
    app.get('/metrics', metricsEndpoint(metrics, metricsToken));
    const server = await listenGracefully(app, config.metrics.port, config.host);
    servers.push(server);
    log(`metrics on port ${server.port} at /metrics`);
  }
  // Listening, so Strava's challenge can be answered: make the push subscription ours.
  if (strava && mode !== 'worker') {
    const keeper = keepStravaSubscription({ pool: db.pool, strava, log });
    closers.unshift(async () => {
      keeper.stop();
      await keeper.ready;
    });
  }

  return {
    url,
    pool: db.pool,
    queue,
    async stop() {
      draining = true;
      await Promise.all(servers.map((s) => s.close(config.shutdownGraceMs)));
      for (const close of closers) await close();
      await queue.close();
      redis?.disconnect();
      await db.close();
    },
  };
}
