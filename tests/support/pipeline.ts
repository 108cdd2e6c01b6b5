// The real pipeline for integration tests: a fresh database, BullMQ on the real Redis under a
// key prefix of the test's own, workers running the real processors, and the HTTP app.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBullQueue, startBullWorkers, type BullWorkers } from '#services/queue/bullmq-queue';
import type { JobQueue } from '#services/queue/jobs';
import { createProcessors } from '#workers/processors';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { startTestServer, type TestServer } from './app.ts';
import { TestClient } from './http-client.ts';

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Pipeline {
  db: TestDatabase;
  queue: JobQueue;
  server: TestServer;
  prefix: string;
  redisUrl: string;
  /** This pipeline's own spool directory (API and workers). */
  uploadsDir: string;
  /** Files left in the spool. */
  spooledFiles(): Promise<string[]>;
  workers: BullWorkers | undefined;
  startWorkers(options?: { stalledIntervalMs?: number; lockDurationMs?: number }): void;
  client(): TestClient;
  close(): Promise<void>;
}

export async function startPipeline(
  options: {
    workers?: boolean;
    uploadMaxBytes?: number;
    importMaxBytes?: number;
    redisUrl?: string;
  } = {},
): Promise<Pipeline> {
  const url = options.redisUrl ?? redisUrl;
  const prefix = `hc-test-${randomBytes(4).toString('hex')}`;
  const db = await createTestDatabase();
  const queue = createBullQueue({ redisUrl: url, prefix });
  const uploadsDir = await mkdtemp(join(tmpdir(), 'hc-uploads-'));
  const server = await startTestServer({
    pool: db.pool,
    queue,
    uploadsDir,
    ...(options.uploadMaxBytes ? { uploadMaxBytes: options.uploadMaxBytes } : {}),
    ...(options.importMaxBytes ? { importMaxBytes: options.importMaxBytes } : {}),
  });
  const p: Pipeline = {
    db,
    queue,
    server,
    prefix,
    redisUrl: url,
    uploadsDir,
    spooledFiles: () => readdir(uploadsDir),
    workers: undefined,
    startWorkers(o = {}) {
      p.workers = startBullWorkers({
        redisUrl: url,
        prefix,
        processors: createProcessors({ pool: db.pool, queue, now: () => new Date(), uploadsDir }),
        log: () => undefined,
        ...o,
      });
    },
    client: () => new TestClient(server.url),
    async close() {
      await p.workers?.close();
      await server.close();
      await queue.close();
      await db.drop();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
  if (options.workers !== false) p.startWorkers();
  return p;
}

/** Poll an upload until it leaves queued/processing. */
export async function waitForUpload(
  client: TestClient,
  id: string,
  timeoutMs = 20_000,
): Promise<{
  status: string;
  activityIds: string[];
  error: { code: string; message: string } | null;
}> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get<{
      status: string;
      activityIds: string[];
      error: { code: string; message: string } | null;
    }>(`/api/uploads/${id}`);
    if (res.status !== 200) throw new Error(`GET /api/uploads/${id}: ${res.status}`);
    if (res.body.status !== 'queued' && res.body.status !== 'processing') return res.body;
    if (Date.now() > deadline)
      throw new Error(`upload ${id} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Wait until `check` returns true (polling), or fail after the timeout. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
