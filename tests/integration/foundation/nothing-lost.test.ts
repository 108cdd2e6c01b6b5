// Nothing lost: a Redis flush between upload and processing, a worker killed in the middle of a
// job, and the API killed right after its 202 (the upload waiting in the spool and the outbox) all
// end with exactly one activity per file.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { Redis } from 'ioredis';
import { beforeAll, expect, it } from 'vitest';
import { createBullQueue, startBullWorkers } from '#services/queue/bullmq-queue';
import { createProcessors } from '#workers/processors';
import { reconcile } from '#workers/reconciler';
import { createTestDatabase } from '../../support/db.ts';
import { TestClient } from '../../support/http-client.ts';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';
import {
  eventually,
  redisUrl,
  startPipeline,
  waitForUpload,
  type Pipeline,
} from '../../support/pipeline.ts';

// Redis databases of this file's own, so that flushing one touches nothing else.
const redisDb = (n: number) => {
  const u = new URL(redisUrl);
  u.pathname = `/${n}`;
  return u.toString();
};
const isolatedRedis = redisDb(7);

async function count(p: Pipeline, table: string): Promise<number> {
  const { rows } = await p.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

describeWithSharedData('nothing is lost', () => {
  let gpx: Buffer;
  beforeAll(() => {
    gpx = readFileSync(activityFile('togeojson--run.gpx'));
  });

  it('imports the upload exactly once after Redis is flushed between upload and processing', async () => {
    const p = await startPipeline({ workers: false, redisUrl: isolatedRedis });
    const redis = new Redis(isolatedRedis);
    try {
      const runner = p.client();
      await runner.signup('flush@example.com');
      const res = await runner.upload([{ name: 'run.gpx', content: gpx }]);
      expect(res.status).toBe(202);
      const id = res.body.uploads[0]?.id ?? '';
      expect(await redis.keys(`${p.prefix}:ingest:*`)).not.toEqual([]);
      await redis.flushdb();
      expect(await redis.keys(`${p.prefix}:*`)).toEqual([]);
      // The reconciler finds the unfinished upload in the outbox and enqueues it again.
      expect(await reconcile({ pool: p.db.pool, queue: p.queue })).toEqual({
        uploads: 1,
        recomputes: 0,
      });
      // Reconciling twice does not double the job (same job id).
      await reconcile({ pool: p.db.pool, queue: p.queue });
      p.startWorkers();
      const done = await waitForUpload(runner, id);
      expect(done.status).toBe('done');
      expect(await count(p, 'activities')).toBe(1);
    } finally {
      redis.disconnect();
      await p.close();
    }
  });

  it(
    'leaves no half-written activity when a worker is killed mid-job, and the job is retried',
    { timeout: 90_000 },
    async () => {
      const p = await startPipeline({ workers: false });
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/worker-child.ts'], {
        env: {
          ...process.env,
          TEST_DATABASE_URL: p.db.url,
          TEST_REDIS_URL: p.redisUrl,
          TEST_PREFIX: p.prefix,
          TEST_UPLOADS_DIR: p.uploadsDir,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        await eventually(
          async () => out.includes('worker-ready'),
          30_000,
          'the child worker to start',
        );
        const runner = p.client();
        await runner.signup('crash@example.com');
        const res = await runner.upload([{ name: 'run.gpx', content: gpx }]);
        const id = res.body.uploads[0]?.id ?? '';
        await eventually(
          async () => out.includes('inside-transaction'),
          30_000,
          'the job to reach its transaction',
        );
        // The activity and its samples are written but not committed: nobody else sees them.
        expect(await count(p, 'activities')).toBe(0);
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        // The transaction died with the process.
        expect(await count(p, 'activities')).toBe(0);
        expect(await count(p, 'samples')).toBe(0);
        expect((await runner.get<{ status: string }>(`/api/uploads/${id}`)).body.status).toBe(
          'processing',
        );
        // Another worker notices the stalled job once its lock expires and runs it again.
        p.startWorkers({ stalledIntervalMs: 500 });
        const done = await waitForUpload(runner, id, 30_000);
        expect(done.status).toBe('done');
        expect(await count(p, 'activities')).toBe(1);
        const { rows } = await p.db.pool.query<{ attempts: number }>(
          'SELECT attempts FROM uploads WHERE id = $1',
          [id],
        );
        expect(rows[0]?.attempts).toBe(2);
      } finally {
        child.kill('SIGKILL');
        await p.close();
      }
    },
  );

  it(
    'processes an upload exactly once when the API is killed right after its 202',
    { timeout: 90_000 },
    async () => {
      const db = await createTestDatabase();
      const dataDir = await mkdtemp(join(tmpdir(), 'hc-killed-api-'));
      const apiRedis = redisDb(8);
      const flusher = new Redis(apiRedis);
      await flusher.flushdb();
      flusher.disconnect();
      const api = spawn(process.execPath, ['bin/hipcheck.js', 'api'], {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          REDIS_URL: apiRedis,
          DATA_DIR: dataDir,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const queue = createBullQueue({ redisUrl: apiRedis });
      let workers: ReturnType<typeof startBullWorkers> | undefined;
      try {
        let out = '';
        api.stdout.on('data', (d: Buffer) => (out += d.toString()));
        await eventually(
          async () => /running at (http[^\s"]+)/.test(out),
          30_000,
          'the API to start',
        );
        const url = (/running at (http[^\s"]+)/.exec(out)?.[1] ?? '').replace(
          'localhost',
          '127.0.0.1',
        );
        const runner = new TestClient(url);
        await runner.signup('killed-api@example.com');
        const exportZip = zipSync({
          'activities.csv': strToU8(
            'Activity ID,Activity Date,Activity Name,Activity Type,Filename\n1,"Oct 24, 2012, 5:00:00 PM",Evening,Run,activities/1.gpx\n',
          ),
          'activities/1.gpx': new Uint8Array(
            readFileSync(activityFile('togeojson--Friday-Evening-Run.gpx')),
          ),
        });
        const res = await runner.upload([
          { name: 'run.gpx', content: gpx },
          { name: 'export.zip', content: exportZip },
        ]);
        expect(res.status).toBe(202);
        api.kill('SIGKILL');
        await new Promise((r) => api.once('exit', r));

        // The bytes wait in the spool under DATA_DIR, the rows in the outbox.
        const uploadsDir = join(dataDir, 'uploads');
        expect(await readdir(uploadsDir)).toHaveLength(2);
        const countOf = async (sql: string) =>
          (await db.pool.query<{ n: number }>(sql)).rows[0]?.n ?? -1;
        expect(await countOf('SELECT count(*)::int AS n FROM uploads')).toBe(2);

        // A worker started afterwards, and the reconciler enqueueing the same rows again.
        await reconcile({ pool: db.pool, queue });
        workers = startBullWorkers({
          redisUrl: apiRedis,
          processors: createProcessors({
            pool: db.pool,
            queue,
            now: () => new Date(),
            uploadsDir,
          }),
          log: () => undefined,
        });
        await eventually(
          async () =>
            (await countOf(
              "SELECT count(*)::int AS n FROM uploads WHERE status IN ('queued', 'processing')",
            )) === 0,
          30_000,
          'every upload to finish',
        );
        await reconcile({ pool: db.pool, queue });
        const { rows } = await db.pool.query<{ kind: string; status: string; attempts: number }>(
          'SELECT kind, status, attempts FROM uploads ORDER BY kind, filename',
        );
        expect(rows).toEqual([
          { kind: 'export', status: 'done', attempts: 1 },
          { kind: 'file', status: 'done', attempts: 1 },
          { kind: 'file', status: 'done', attempts: 1 },
        ]);
        expect(await countOf('SELECT count(*)::int AS n FROM activities')).toBe(2);
        expect(await readdir(uploadsDir)).toEqual([]);
      } finally {
        api.kill('SIGKILL');
        await workers?.close();
        await queue.close();
        await db.drop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
