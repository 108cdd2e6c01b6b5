// Load on the path an operator with REDIS_URL runs: `hipcheck api` and `hipcheck worker` as two
// processes (BullMQ on Redis, PostgreSQL) serving a runner with five years of data, hit by
// autocannon at concurrency 1, 10 and 50 on the home page's reads (today, the activity list, a
// year of daily metrics) and on check-ins of today (POST merges, PUT replaces; each request changes
// a value, so each is a real write; each answers once stored and its recompute runs in the worker). Prints the median over the runs of p50, p99 and requests per
// second per route and concurrency, the p99s of each run at 50, and how long the worker took to
// catch up after each burst of check-ins. Goal: p99 under 300 ms for every case at concurrency 50
// (printed as met or MISSED; never part of the test run). `--deployment start` measures `hipcheck
// start` (API and workers in one process) instead.
// Run: REDIS_URL=redis://127.0.0.1:6379 npm run bench:load -- [--runs 3] [--seconds 10]
//        [--port 3501] [--deployment split|start]
// (DATABASE_URL as for the tests; creates and drops its own database; compiles the server first.)
import autocannon from 'autocannon';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { addDays, localDateOf } from '../shared/local-date.ts';
import type { Pool } from '../services/db/database.ts';
import { isRecomputePending, requestRecompute } from '../services/db/recompute.repository.ts';
import { FROM_THE_START } from '../services/engine/request-recompute.ts';
import { createRecomputeProcessor } from '../workers/recompute.processor.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { FIVE_YEARS, seedFiveYears } from './five-years.ts';
import { buildServer, startDeployment, type Deployment } from './load-processes.ts';
import { median, option } from './support.ts';

const RUNS = Number(option('--runs') ?? 3);
const SECONDS = Number(option('--seconds') ?? 10);
const PORT = Number(option('--port') ?? 3501);
const DEPLOYMENT = (option('--deployment') ?? 'split') as Deployment;
const REDIS_URL = process.env.REDIS_URL;
const CONCURRENCY = [1, 10, 50] as const;
const EMAIL = 'load-runner@example.com';
const PASSWORD = 'bench-password';
const TODAY = localDateOf(new Date(), 'UTC');

async function seed(pool: Pool): Promise<string> {
  const athleteId = await seedFiveYears(pool, EMAIL, PASSWORD, TODAY);
  await requestRecompute(pool, athleteId, FROM_THE_START);
  await createRecomputeProcessor({ pool, now: () => new Date() })({ athleteId }, { attempt: 1 });
  return athleteId;
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
}

/** Milliseconds until the athlete has no recompute pending (the worker has caught up). */
async function settle(pool: Pool, athleteId: string): Promise<number> {
  const t0 = performance.now();
  while (await isRecomputePending(pool, athleteId)) {
    if (performance.now() - t0 > 120_000)
      throw new Error('the recompute did not catch up in 2 min');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - t0;
}

interface Case {
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** The body of the i-th request: each check-in changes the day's values, a real write. */
  body?: (i: number) => string;
}

const yearAgo = addDays(TODAY, -364);
const CASES: Case[] = [
  { label: 'GET /api/today', method: 'GET', path: '/api/today' },
  {
    // What the home page asks: the first page, the last 90 days (the route's default range).
    label: 'GET /api/activities (first page: last 90 days)',
    method: 'GET',
    path: '/api/activities',
  },
  {
    label: 'GET /api/metrics/daily (1 year)',
    method: 'GET',
    path: `/api/metrics/daily?from=${yearAgo}&to=${TODAY}`,
  },
  {
    label: 'POST /api/checkins (today, merged)',
    method: 'POST',
    path: '/api/checkins',
    body: (i) => JSON.stringify({ date: TODAY, painAtRest: 1, stiffness: i % 11 }),
  },
  {
    label: 'PUT /api/checkins/:date (today, replaced)',
    method: 'PUT',
    path: `/api/checkins/${TODAY}`,
    body: (i) => JSON.stringify({ painAtRest: 1, stiffness: 2, painMorning: i % 11 }),
  },
];

interface Sample {
  p50: number;
  p99: number;
  rps: number;
  bad: number;
}

async function main(): Promise<void> {
  if (!REDIS_URL) throw new Error('set REDIS_URL: the bench runs hipcheck with BullMQ workers');
  buildServer();
  const db = await createTestDatabase();
  let running: Awaited<ReturnType<typeof startDeployment>> | undefined;
  try {
    const t0 = performance.now();
    const athleteId = await seed(db.pool);
    const { rows } = await db.pool.query<{ activities: string; checkins: string; days: string }>(
      `SELECT (SELECT count(*) FROM activities) AS activities,
              (SELECT count(*) FROM checkins) AS checkins,
              (SELECT count(*) FROM daily_metrics) AS days`,
    );
    const seeded = `one runner, ${FIVE_YEARS} years: ${rows[0]?.activities} runs, ${rows[0]?.checkins} check-ins, ${rows[0]?.days} daily rows`;
    console.error(`seeded ${seeded} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    running = await startDeployment(DEPLOYMENT, {
      databaseUrl: db.url,
      redisUrl: REDIS_URL,
      port: PORT,
    });
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await login(base);
    let sent = 0;
    const hit = (c: Case, connections: number, duration: number) =>
      autocannon({
        url: `${base}${c.path}`,
        method: c.method,
        connections,
        duration,
        // As a browser sends it: answers come gzipped.
        headers: { cookie, 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        ...(c.body
          ? {
              requests: [
                {
                  setupRequest: (req) => ({
                    ...req,
                    body: (c.body as (i: number) => string)(sent++),
                  }),
                },
              ],
            }
          : {}),
      });
    const samples = new Map<string, Sample[]>();
    const catchUps = new Map<string, number[]>();
    const loads: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      for (const c of CASES) {
        await settle(db.pool, athleteId);
        await hit(c, 1, 2); // warm-up: JIT, connections, PostgreSQL's caches
        for (const connections of CONCURRENCY) {
          const r = await hit(c, connections, SECONDS);
          const key = `${c.label}|${connections}`;
          samples.set(key, [
            ...(samples.get(key) ?? []),
            {
              p50: r.latency.p50,
              p99: r.latency.p99,
              rps: r.requests.average,
              bad: r.non2xx + r.errors + r.timeouts,
            },
          ]);
          console.error(`run ${run}: ${c.label} at ${connections}: p99 ${r.latency.p99} ms`);
        }
        if (c.method !== 'GET')
          catchUps.set(c.label, [
            ...(catchUps.get(c.label) ?? []),
            await settle(db.pool, athleteId),
          ]);
        loads.push(loadavg()[0] ?? 0);
      }
    }
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
    console.log(
      `\nLoad on ${running.describe}, Redis, PostgreSQL: ${seeded}; ${RUNS} runs of ${SECONDS} s per case after a 2-s warm-up, medians over the runs; ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}; load average ${range(loads)} during the runs\n`,
    );
    console.log(
      '| request | concurrency | p50 ms | p99 ms | req/s | non-2xx or errors | p99 of each run | goal p99 < 300 ms at 50 |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---|---|');
    for (const c of CASES) {
      for (const connections of CONCURRENCY) {
        const s = samples.get(`${c.label}|${connections}`) ?? [];
        const p99 = median(s.map((x) => x.p99));
        const goal = connections === 50 ? (p99 < 300 ? 'met' : 'MISSED') : '';
        console.log(
          `| ${c.label} | ${connections} | ${median(s.map((x) => x.p50))} | ${p99} | ${Math.round(median(s.map((x) => x.rps)))} | ${s.reduce((n, x) => n + x.bad, 0)} | ${s.map((x) => x.p99).join(', ')} | ${goal} |`,
        );
      }
    }
    for (const [label, ms] of catchUps)
      console.log(
        `\n${label}: the worker caught up ${ms.map((m) => `${Math.round(m)} ms`).join(', ')} after the burst's last answer`,
      );
  } finally {
    await running?.stop();
    await db.drop();
  }
}

await main();
