// Recompute through the worker against PostgreSQL: 200 athletes, each with a year of generated
// history (runs, check-ins, cross-training), recomputed from scratch by the real recompute
// processor on BullMQ workers, and again incrementally (the last 7 days) — the nightly tick's
// shape. Prints medians of several runs and the ratio between the two paths.
// Run: npx tsx bench/recompute.ts   (DATABASE_URL and REDIS_URL as for the tests; the pure
// in-process figure for one 5-year athlete comes from bench/recompute-pure.ts)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { addDays } from '../shared/local-date.ts';
import type { Pool } from '../services/db/database.ts';
import { insertActivity } from '../services/db/activities.repository.ts';
import { insertAthlete } from '../services/db/athletes.repository.ts';
import { insertCrossTraining } from '../services/db/cross-training.repository.ts';
import { saveCheckIn } from '../services/db/checkins.repository.ts';
import { insertUser } from '../services/db/users.repository.ts';
import { listPendingRecomputes } from '../services/db/recompute.repository.ts';
import { recomputeFrom } from '../services/engine/request-recompute.ts';
import { createBullQueue, startBullWorkers } from '../services/queue/bullmq-queue.ts';
import { createProcessors } from '../workers/processors.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { median, syntheticRun } from './support.ts';

const ATHLETES = Number(process.env.BENCH_ATHLETES ?? 200);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T18:00:00Z`);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function seed(pool: Pool): Promise<string[]> {
  const ids: string[] = [];
  const first = addDays(TODAY, -(DAYS - 1));
  for (let a = 0; a < ATHLETES; a++) {
    const user = await insertUser(pool, {
      email: `bench${a}@example.com`,
      passwordHash: 'x',
      role: 'runner',
    });
    const athlete = await insertAthlete(pool, user.id, 'Europe/Oslo');
    ids.push(athlete.id);
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(first, d);
      if ((d + a) % 2 === 0) {
        await insertActivity(pool, {
          athleteId: athlete.id,
          source: 'file',
          sourceId: `${a}-${d}`,
          uploadId: null,
          localDate: day,
          activity: syntheticRun(day, 3 + ((d * 7 + a) % 6)),
        });
        await saveCheckIn(
          pool,
          athlete.id,
          day,
          {
            painDuring: (d + a) % 9 === 0 ? 3 : 1,
            painAfter: 1,
            painAtRest: 0,
            stiffness: 1,

            readinessTestPassed: d < 3 ? true : null,
            rpe: 4,
          },
          'merge',
        );
      } else if (d % 6 === 1) {
        await insertCrossTraining(pool, athlete.id, {
          date: day,
          kind: 'ride',
          minutes: 40,
          rpe: 4,
        });
      }
    }
  }
  return ids;
}

async function recomputeAll(pool: Pool, ids: string[], from: string): Promise<number> {
  const prefix = `hc-bench-${randomBytes(3).toString('hex')}`;
  const queue = createBullQueue({ redisUrl, prefix });
  const workers = startBullWorkers({
    redisUrl,
    prefix,
    processors: createProcessors({ pool, queue, now: () => NOW }),
    concurrency: { recompute: 2 },
    log: () => undefined,
  });
  const t0 = performance.now();
  for (const id of ids) await recomputeFrom({ db: pool, queue }, id, from);
  while ((await listPendingRecomputes(pool)).length > 0)
    await new Promise((r) => setTimeout(r, 20));
  const ms = performance.now() - t0;
  await workers.close();
  await queue.close();
  return ms;
}

// A database of the bench's own, migrated, dropped at the end (as each integration test does).
const db = await createTestDatabase();
const pool = db.pool;
try {
  const s0 = performance.now();
  const ids = await seed(pool);
  console.log(
    `seeded ${ATHLETES} athletes × ${DAYS} days in ${((performance.now() - s0) / 1000).toFixed(1)} s`,
  );
  const full: number[] = [];
  const incremental: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    full.push(await recomputeAll(pool, ids, '0001-01-01'));
    incremental.push(await recomputeAll(pool, ids, addDays(TODAY, -6)));
  }
  const f = median(full);
  const i = median(incremental);
  console.log(
    '\n| path (BullMQ worker, concurrency 2, PostgreSQL) | athletes | median total | per athlete | athletes/s |',
  );
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| full history (${DAYS} days each) | ${ATHLETES} | ${(f / 1000).toFixed(2)} s | ${(f / ATHLETES).toFixed(1)} ms | ${((ATHLETES / f) * 1000).toFixed(0)} |`,
  );
  console.log(
    `| incremental (last 7 days) | ${ATHLETES} | ${(i / 1000).toFixed(2)} s | ${(i / ATHLETES).toFixed(1)} ms | ${((ATHLETES / i) * 1000).toFixed(0)} |`,
  );
  console.log(`\nfull / incremental: ${(f / i).toFixed(1)}× (median of ${RUNS} runs each)`);
} finally {
  await db.drop();
}
