// `hipcheck import DIR` end to end against PostgreSQL's own COPY of the same sample rows, in paired
// runs (the two alternate, so both see the same load). The set: five years of a runner's history,
// 1,000 one-hour GPX runs at 1 Hz (3,600 samples each), generated once and kept under .tmp/.
//   ours: the compiled `bin/hipcheck.js import --email E DIR` as a user runs it, into a fresh,
//     migrated database holding only the runner's account, until it exits (every file parsed,
//     stored with its samples and loads, the daily metrics computed); peak RSS from GNU time.
//   reference: `psql -c "\copy samples FROM FILE"` of the same number of rows, made from the same
//     generated points, into a fresh database with a table of the samples table's shape (its
//     columns and primary key; no foreign key, as there are no activity rows to point at).
// Database creation, migration and the runner's account are not timed. Prints medians and the
// median of the paired ratios; a benchmark, not a test.
// Run: npm run bench:import [-- --runs N --files N]   (PostgreSQL: DATABASE_URL's server)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createPool, migratePool, type Pool } from '../services/db/database.ts';
import { insertAthlete } from '../services/db/athletes.repository.ts';
import { insertUser } from '../services/db/users.repository.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../tests/support/db.ts';
import { planPoints, steadyPlan, toGpx } from '../tests/fixtures/generate-activity.ts';
import { median, option } from './support.ts';

const runs = Number(option('--runs') ?? 3);
const files = Number(option('--files') ?? 1000);
const SAMPLES = 3600;
const YEARS_DAYS = 1826;
const root = join(import.meta.dirname, '..');
const cache = join(root, '.tmp', `bench-import-${files}x${SAMPLES}`);
const gpxDir = join(cache, 'gpx');
const rowsFile = join(cache, 'samples.copy');
const EMAIL = 'bench-import@example.com';

const text = (v: number | undefined, digits?: number) =>
  v === undefined || Number.isNaN(v) ? '\\N' : digits === undefined ? String(v) : v.toFixed(digits);

/** The files and the COPY text of their samples, unless both are in the cache already. */
async function generate(): Promise<void> {
  if (existsSync(join(cache, 'complete'))) return;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(gpxDir, { recursive: true });
  const out = createWriteStream(rowsFile);
  // Runs spread over five years up to a week ago, one every 1.8 days, at 07:00 UTC.
  const lastDay =
    Date.UTC(2000, 0, 1) +
    Math.floor((Date.now() - 7 * 86_400_000 - Date.UTC(2000, 0, 1)) / 86_400_000) * 86_400_000;
  for (let i = 0; i < files; i++) {
    const daysBack = Math.round(((files - 1 - i) * YEARS_DAYS) / files);
    const startMs = lastDay - daysBack * 86_400_000 + 7 * 3_600_000;
    const speed = 2.6 + 0.1 * ((i * 7) % 9);
    const points = [...planPoints(steadyPlan(SAMPLES - 1, speed), { startMs, eleSwingM: 4 })];
    writeFileSync(
      join(gpxDir, `run-${String(i).padStart(4, '0')}.gpx`),
      toGpx(points, { type: 'running' }),
    );
    const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    let chunk = '';
    for (const p of points) {
      chunk += `${id}\t${new Date(p.t).toISOString()}\t${text(p.lat, 7)}\t${text(p.lon, 7)}\t${text(p.eleM, 1)}\t${text(p.hrBpm)}\t${text(p.cadence)}\t${text(p.distanceM)}\t${text(p.speedMps)}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(join(cache, 'complete'), '');
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 4).join(' ')} failed: ${r.stderr}`);
  return r;
}

/** A new database, prepared through a pool of its own (not timed). */
async function freshDatabase(prefix: string, prepare: (pool: Pool) => Promise<void>) {
  const db = await createEmptyDatabase(prefix);
  const pool = createPool(db.url, 2);
  try {
    await prepare(pool);
  } finally {
    await pool.end();
  }
  return db;
}

async function timeImport(): Promise<{ s: number; rssMiB: number }> {
  const db = await freshDatabase('bench_importspeed_import', async (pool) => {
    await migratePool(pool);
    const user = await insertUser(pool, { email: EMAIL, passwordHash: 'x', role: 'runner' });
    await insertAthlete(pool, user.id, 'UTC');
  });
  try {
    const dataDir = join(cache, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    };
    const hipcheck = join(root, 'bin', 'hipcheck.js');
    const started = process.hrtime.bigint();
    const r = run(
      '/usr/bin/time',
      ['-f', 'max-rss-kib %M', hipcheck, 'import', '--email', EMAIL, gpxDir],
      env,
    );
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = /max-rss-kib (\d+)/.exec(r.stderr);
    const summary = r.stdout.trim().split('\n').at(-1);
    if (summary !== `${files} imported, 0 duplicate, 0 failed`) {
      throw new Error(`import said: ${summary}`);
    }
    await check(db);
    return { s, rssMiB: Number(rss?.[1]) / 1024 };
  } finally {
    await db.drop();
  }
}

/** Every sample stored, loads at ingest, and the daily rows to the last day. */
async function check(db: EmptyDatabase): Promise<void> {
  const pool = createPool(db.url, 1);
  try {
    const { rows } = await pool.query<{ samples: string; loaded: string; days: string }>(
      `SELECT (SELECT count(*) FROM samples) AS samples,
              (SELECT count(*) FROM activities WHERE loads_profile IS NOT NULL) AS loaded,
              (SELECT count(*) FROM daily_metrics) AS days`,
    );
    const r = rows[0];
    if (Number(r?.samples) !== files * SAMPLES || Number(r?.loaded) !== files) {
      throw new Error(`stored ${r?.samples} samples and ${r?.loaded} loads`);
    }
    if (Number(r?.days) < (YEARS_DAYS * files) / 1000) {
      throw new Error(`only ${r?.days} daily rows`);
    }
  } finally {
    await pool.end();
  }
}

async function timeCopy(): Promise<number> {
  const db = await freshDatabase('bench_importspeed_copy', async (pool) => {
    await pool.query(`CREATE TABLE samples (
      activity_id uuid NOT NULL, t timestamptz NOT NULL, lat double precision,
      lon double precision, ele_m real, hr_bpm real, cadence_spm real,
      distance_m double precision, speed_mps real, PRIMARY KEY (activity_id, t))`);
  });
  try {
    const copy = `\\copy samples FROM '${rowsFile}'`;
    const started = process.hrtime.bigint();
    run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-c', copy]);
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await db.drop();
  }
}

run(process.execPath, ['bin/build-server.js', '--quiet']);
await generate();
const ours: number[] = [];
const rss: number[] = [];
const reference: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < runs; i++) {
  let a: number;
  let b: number;
  if (i % 2 === 0) {
    const r = await timeImport();
    a = r.s;
    rss.push(r.rssMiB);
    b = await timeCopy();
  } else {
    b = await timeCopy();
    const r = await timeImport();
    a = r.s;
    rss.push(r.rssMiB);
  }
  ours.push(a);
  reference.push(b);
  ratios.push(a / b);
  console.log(
    `run ${i + 1}: import ${a.toFixed(1)} s (peak RSS ${rss.at(-1)?.toFixed(0)} MiB), COPY ${b.toFixed(1)} s, load ${loadavg()[0]?.toFixed(2)}`,
  );
}
console.log(
  `\`hipcheck import\` of ${files} one-hour GPX runs (${files * SAMPLES} samples) through to daily metrics`,
);
console.log(
  `paired runs: ${runs}; load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`| process | median s |`);
console.log(`|---|---:|`);
console.log(`| hipcheck import DIR (compiled, whole process) | ${median(ours).toFixed(1)} |`);
console.log(`| psql \\copy of the same rows | ${median(reference).toFixed(1)} |`);
console.log(
  `peak RSS of the import: median ${median(rss).toFixed(0)} MiB, max ${Math.max(...rss).toFixed(0)} MiB`,
);
console.log(`median of the paired ratios: ${median(ratios).toFixed(2)}× (goal ≤ 1.5×)`);
