// Load on the path users take: `hipcheck start` (API and workers in one process, BullMQ on Redis,
// PostgreSQL) serving a runner with five years of data, hit by autocannon at concurrency 1, 10 and
// 50 on the home page's reads (today, the activity list, a year of daily metrics) and on posting a
// check-in. Prints p50 and p99 per route and concurrency, with the machine's load. Goal: p99 under
// 300 ms everywhere at concurrency 50 (printed as met or MISSED; never part of the test run).
// Run: REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/load.ts   (DATABASE_URL as for the tests;
// creates and drops its own database; BENCH_SECONDS per case (10), BENCH_PORT (3501))
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { addDays, localDateOf } from '../shared/local-date.ts';
import type { Pool } from '../services/db/database.ts';
import { requestRecompute } from '../services/db/recompute.repository.ts';
import { FROM_THE_START } from '../services/engine/request-recompute.ts';
import { createRecomputeProcessor } from '../workers/recompute.processor.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { FIVE_YEARS, seedFiveYears } from './five-years.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3501);
const REDIS_URL = process.env.REDIS_URL;
const YEARS = FIVE_YEARS;
const EMAIL = 'load-runner@example.com';
const PASSWORD = 'bench-password';
const TODAY = localDateOf(new Date(), 'UTC');

async function seed(pool: Pool): Promise<string> {
  const athleteId = await seedFiveYears(pool, EMAIL, PASSWORD, TODAY);
  await requestRecompute(pool, athleteId, FROM_THE_START);
  await createRecomputeProcessor({ pool, now: () => new Date() })({ athleteId }, { attempt: 1 });
  return athleteId;
}

function startServer(databaseUrl: string): Promise<{ stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'bin/hipcheck.js', 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hipcheck start did not come up')), 60_000);
    child.once('exit', (code) => reject(new Error(`hipcheck start exited with ${code}`)));
    const poll = setInterval(() => {
      void fetch(`http://127.0.0.1:${PORT}/readyz`)
        .then((res) => {
          if (res.status !== 200) return;
          clearInterval(poll);
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve({
            stop: () =>
              new Promise<void>((done) => {
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          });
        })
        .catch(() => undefined);
    }, 200);
  });
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

interface Case {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

async function main(): Promise<void> {
  if (!REDIS_URL) throw new Error('set REDIS_URL: the bench runs hipcheck with BullMQ workers');
  const db = await createTestDatabase();
  let server: { stop(): Promise<void> } | undefined;
  try {
    const t0 = performance.now();
    await seed(db.pool);
    const { rows } = await db.pool.query<{ activities: string; checkins: string; days: string }>(
      `SELECT (SELECT count(*) FROM activities) AS activities,
              (SELECT count(*) FROM checkins) AS checkins,
              (SELECT count(*) FROM daily_metrics) AS days`,
    );
    const seeded = `one runner, ${YEARS} years: ${rows[0]?.activities} runs, ${rows[0]?.checkins} check-ins, ${rows[0]?.days} daily rows`;
    console.error(`seeded ${seeded} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    server = await startServer(db.url);
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await login(base);
    const yearAgo = addDays(TODAY, -364);
    const cases: Case[] = [
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
        label: 'POST /api/checkins',
        method: 'POST',
        path: '/api/checkins',
        body: JSON.stringify({ date: TODAY, painAtRest: 1, stiffness: 2 }),
      },
    ];
    const results: string[] = [];
    const hit = (c: Case, connections: number, duration: number) =>
      autocannon({
        url: `${base}${c.path}`,
        method: c.method,
        connections,
        duration,
        // As a browser sends it: answers come gzipped.
        headers: { cookie, 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        ...(c.body ? { body: c.body } : {}),
      });
    for (const c of cases) {
      await hit(c, 1, 2); // warm-up: JIT, connections, PostgreSQL's caches
      for (const connections of [1, 10, 50]) {
        const r = await hit(c, connections, SECONDS);
        const bad = r.non2xx + r.errors + r.timeouts;
        const goal = connections === 50 ? (r.latency.p99 < 300 ? 'met' : 'MISSED') : '';
        results.push(
          `| ${c.label} | ${connections} | ${r.requests.total} | ${r.latency.p50} | ${r.latency.p99} | ${Math.round(r.requests.average)} | ${bad} | ${goal} |`,
        );
        console.error(`${c.label} at ${connections}: p99 ${r.latency.p99} ms`);
      }
    }
    console.log(
      `\nLoad on hipcheck start (API + BullMQ workers in one process, Redis, PostgreSQL): ${seeded}; ${SECONDS} s per case after a 2-s warm-up; ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    console.log(
      '| request | concurrency | requests | p50 ms | p99 ms | req/s | non-2xx or errors | goal p99 < 300 ms at 50 |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const line of results) console.log(line);
  } finally {
    await server?.stop();
    await db.drop();
  }
}

await main();
