// The coach's dashboard over HTTP against the real app: a coach with 50 athletes × 3 years of daily
// data (activities without samples, a check-in on every run day, daily rows written by the real
// recompute processor), then p50/p95 of GET /api/coach/athletes and of an athlete page's calls.
// Goal: p95 < 150 ms. Prints a markdown table with the median of several runs.
// Run: npx tsx bench/dashboard.ts   (DATABASE_URL as for the tests; creates and drops its own database;
// BENCH_ATHLETES, BENCH_DAYS, BENCH_REQUESTS, BENCH_RUNS to change the size)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { addDays } from '../shared/local-date.ts';
import { createApp } from '../services/api/app.ts';
import { hashPassword } from '../services/api/passwords.ts';
import { withTransaction, type Pool } from '../services/db/database.ts';
import { insertActivity } from '../services/db/activities.repository.ts';
import { insertAthlete } from '../services/db/athletes.repository.ts';
import { insertGrant } from '../services/db/coaching.repository.ts';
import { saveCheckIn } from '../services/db/checkins.repository.ts';
import { requestRecompute } from '../services/db/recompute.repository.ts';
import { insertUser } from '../services/db/users.repository.ts';
import { FROM_THE_START } from '../services/engine/request-recompute.ts';
import { createInProcessQueue } from '../services/queue/in-process-queue.ts';
import type { Processors } from '../services/queue/jobs.ts';
import { createRecomputeProcessor } from '../workers/recompute.processor.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { median, percentile, syntheticRun } from './support.ts';

const ATHLETES = Number(process.env.BENCH_ATHLETES ?? 50);
const DAYS = Number(process.env.BENCH_DAYS ?? 3 * 365);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T18:00:00Z`);
const PASSWORD = 'bench-password';

async function seed(pool: Pool): Promise<{ coachEmail: string; athleteIds: string[] }> {
  const passwordHash = await hashPassword(PASSWORD);
  const coachEmail = 'bench-coach@example.com';
  const coach = await insertUser(pool, { email: coachEmail, passwordHash, role: 'coach' });
  const first = addDays(TODAY, -(DAYS - 1));
  const athleteIds: string[] = [];
  const recompute = createRecomputeProcessor({ pool, now: () => NOW });
  for (let a = 0; a < ATHLETES; a++) {
    const athleteId = await withTransaction(pool, async (client) => {
      const user = await insertUser(client, {
        email: `bench-athlete-${String(a).padStart(2, '0')}@example.com`,
        passwordHash,
        role: 'runner',
      });
      const athlete = await insertAthlete(client, user.id, a % 3 === 0 ? 'Europe/Oslo' : 'UTC');
      for (let d = 0; d < DAYS; d++) {
        const day = addDays(first, d);
        if ((d + a) % 7 === 1 || (d + a) % 7 === 3 || (d + a) % 7 === 5 || (d + a) % 7 === 6) {
          await insertActivity(client, {
            athleteId: athlete.id,
            source: 'file',
            sourceId: `${a}-${d}`,
            uploadId: null,
            localDate: day,
            activity: syntheticRun(day, 3 + ((d * 7 + a) % 6)),
          });
          await saveCheckIn(
            client,
            athlete.id,
            day,
            {
              painDuring: (d + a) % 11 === 0 ? 4 : 1,
              painAfter: 1,
              painNextMorning: 0,
              painAtRest: 0,
              stiffness: 1,
              // A few athletes with a red flag yesterday, so the roster has something to sort.
              nightPain: a % 10 === 0 && d === DAYS - 2 ? true : null,
              readinessTestPassed: true,
              rpe: 4,
            },
            'merge',
          );
        }
      }
      await insertGrant(client, coach.id, athlete.id);
      return athlete.id;
    });
    await requestRecompute(pool, athleteId, FROM_THE_START);
    await recompute({ athleteId }, { attempt: 1 });
    athleteIds.push(athleteId);
  }
  return { coachEmail, athleteIds };
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function timeRequests(url: string, cookie: string, paths: string[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const path = paths[i % paths.length] as string;
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    out.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  }
  return out;
}

async function main(): Promise<void> {
  // A database of the bench's own, migrated, dropped at the end (as each integration test does).
  const db = await createTestDatabase();
  const pool = db.pool;
  let server: http.Server | undefined;
  try {
    const t0 = performance.now();
    const { coachEmail, athleteIds } = await seed(pool);
    const { rows } = await pool.query<{ activities: string; days: string }>(
      `SELECT (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM daily_metrics) AS days`,
    );
    const seeded = `${ATHLETES} athletes, ${rows[0]?.activities} activities, ${rows[0]?.days} daily rows`;
    console.error(`seeded ${seeded} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const ready: { processors?: Processors } = {};
    const queue = createInProcessQueue(
      () => ready.processors as Processors,
      () => undefined,
    );
    const app = createApp({
      pool,
      queue,
      publicUrl: 'http://127.0.0.1',
      uploadMaxBytes: 1024 * 1024,
      log: (m) => console.error(m),
      now: () => NOW,
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await login(base, coachEmail);

    const yearAgo = addDays(TODAY, -364);
    const pages = athleteIds.map((id) => `/api/athletes/${id}`);
    const cases: Array<[string, string[]]> = [
      [`GET /api/coach/athletes (${ATHLETES} athletes)`, ['/api/coach/athletes']],
      ['GET /api/athletes/:id/today', pages.map((p) => `${p}/today`)],
      [
        'GET /api/athletes/:id/metrics/daily (1 year)',
        pages.map((p) => `${p}/metrics/daily?from=${yearAgo}&to=${TODAY}`),
      ],
      [
        'GET /api/athletes/:id/activities (1 year)',
        pages.map((p) => `${p}/activities?from=${yearAgo}&to=${TODAY}`),
      ],
      ['GET /api/athletes/:id/metrics/weekly (all)', pages.map((p) => `${p}/metrics/weekly`)],
    ];
    // Warm-up: JIT, connections, PostgreSQL's caches.
    for (const [, paths] of cases) await timeRequests(base, cookie, paths.slice(0, 10));

    const results = new Map<string, { p50: number[]; p95: number[] }>();
    for (let r = 0; r < RUNS; r++) {
      for (const [label, paths] of cases) {
        const times = await timeRequests(base, cookie, paths);
        const entry = results.get(label) ?? { p50: [], p95: [] };
        entry.p50.push(percentile(times, 50));
        entry.p95.push(percentile(times, 95));
        results.set(label, entry);
      }
    }
    console.log(
      `\nDashboard over HTTP: ${seeded}; ${REQUESTS} requests per case, median of ${RUNS} runs; ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}\n`,
    );
    console.log('| request | p50 ms | p95 ms | goal p95 < 150 ms |');
    console.log('|---|---:|---:|---|');
    for (const [label, r] of results) {
      const p95 = median(r.p95);
      console.log(
        `| ${label} | ${median(r.p50).toFixed(1)} | ${p95.toFixed(1)} | ${p95 < 150 ? 'met' : 'MISSED'} |`,
      );
    }
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    }
    await db.drop();
  }
}

await main();
