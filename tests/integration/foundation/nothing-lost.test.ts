// Nothing lost: a Redis flush between upload and processing, and a worker killed in the middle of
// a job, both end with exactly one activity.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { beforeAll, expect, it } from 'vitest';
import { reconcile } from '#workers/reconciler';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';
import {
  eventually,
  redisUrl,
  startPipeline,
  waitForUpload,
  type Pipeline,
} from '../../support/pipeline.ts';

// A Redis database of this test's own, so that flushing it touches nothing else.
const isolatedRedis = (() => {
  const u = new URL(redisUrl);
  u.pathname = '/7';
  return u.toString();
})();

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
});
