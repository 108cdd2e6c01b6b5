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
// median of the paired ratios; a benchmark, not a test. Beside the wall time, the CPU each side used:
// the client process's own (GNU time: user + system, every thread) and the PostgreSQL server's (all
// its processes, from /proc), since on 2 cores their sum over 2 is the least wall time possible.
// Run: npm run bench:import [-- --runs N --files N]   (PostgreSQL: DATABASE_URL's server)
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createPool, migratePool, type Pool } from '../services/db/database.ts';
import { insertAthlete } from '../services/db/athletes.repository.ts';
import { insertUser } from '../services/db/users.repository.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../tests/support/db.ts';
import { planPoints, steadyPlan, toGpx } from '../tests/fixtures/generate-activity.ts';
import { median, option, postgresCpuSeconds } from './support.ts';

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

interface Timed {
  s: number;
  /** CPU seconds of the client process (hipcheck or psql) and of the PostgreSQL server. */
  clientCpuS: number;
  serverCpuS: number;
}

const TIME_FORMAT = 'max-rss-kib %M cpu-s %U %S';

/** Run `args` under GNU time; wall seconds, the process's CPU and the server's, and its output. */
function timed(args: string[], env: NodeJS.ProcessEnv): Timed & { stdout: string; rssMiB: number } {
  const serverBefore = postgresCpuSeconds();
  const started = process.hrtime.bigint();
  const r = run('/usr/bin/time', ['-f', TIME_FORMAT, ...args], env);
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /max-rss-kib (\d+) cpu-s ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (m === null) throw new Error(`no GNU time line in: ${r.stderr.slice(-500)}`);
  return {
    s,
    clientCpuS: Number(m[2]) + Number(m[3]),
    serverCpuS: postgresCpuSeconds() - serverBefore,
    stdout: r.stdout,
    rssMiB: Number(m[1]) / 1024,
  };
}

async function timeImport(): Promise<Timed & { rssMiB: number }> {
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
    const r = timed([hipcheck, 'import', '--email', EMAIL, gpxDir], env);
    const summary = r.stdout.trim().split('\n').at(-1);
    if (summary !== `${files} imported, 0 duplicate, 0 failed`) {
      throw new Error(`import said: ${summary}`);
    }
    await check(db);
    return r;
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

async function timeCopy(): Promise<Timed> {
  const db = await freshDatabase('bench_importspeed_copy', async (pool) => {
    await pool.query(`CREATE TABLE samples (
      activity_id uuid NOT NULL, t timestamptz NOT NULL, lat double precision,
      lon double precision, ele_m real, hr_bpm real, cadence_spm real,
      distance_m double precision, speed_mps real, PRIMARY KEY (activity_id, t))`);
  });
  try {
    const copy = `\\copy samples FROM '${rowsFile}'`;
    const psql = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-c', copy];
    return timed(psql, process.env);
  } finally {
    await db.drop();
  }
}

/**
 * Parsing alone: `hipcheck inspect` of the same files in one process (the parser the import's
 * threads run, without spooling or storing): its CPU is what parsing the set costs at least.
 */
function timeInspect(): Timed {
  const names = readdirSync(gpxDir).map((n) => join(gpxDir, n));
  const {
    stdout,
    rssMiB: _rss,
    ...result
  } = timed([join(root, 'bin', 'hipcheck.js'), 'inspect', ...names], {
    ...process.env,
    LOG_LEVEL: 'silent',
  });
  const parsed = stdout.split('\n').filter((l) => / points, /.test(l)).length;
  if (parsed !== files) throw new Error(`inspect read ${parsed} of ${files} files`);
  return result;
}

run(process.execPath, ['bin/build-server.js', '--quiet']);
await generate();
const ours: Timed[] = [];
const rss: number[] = [];
const reference: Timed[] = [];
const parsing: Timed[] = [];
const ratios: number[] = [];
for (let i = 0; i < runs; i++) {
  let a: Timed & { rssMiB: number };
  let b: Timed;
  if (i % 2 === 0) {
    a = await timeImport();
    b = await timeCopy();
  } else {
    b = await timeCopy();
    a = await timeImport();
  }
  const p = timeInspect();
  parsing.push(p);
  ours.push(a);
  rss.push(a.rssMiB);
  reference.push(b);
  ratios.push(a.s / b.s);
  console.log(
    `run ${i + 1}: import ${a.s.toFixed(1)} s (CPU ${a.clientCpuS.toFixed(1)} s + server ${a.serverCpuS.toFixed(1)} s, peak RSS ${a.rssMiB.toFixed(0)} MiB), COPY ${b.s.toFixed(1)} s (CPU ${b.clientCpuS.toFixed(1)} s + server ${b.serverCpuS.toFixed(1)} s), parsing alone ${p.s.toFixed(1)} s (CPU ${p.clientCpuS.toFixed(1)} s), load ${loadavg()[0]?.toFixed(2)}`,
  );
}
const med = (xs: Timed[], key: keyof Timed) => median(xs.map((x) => x[key]));
console.log(
  `\`hipcheck import\` of ${files} one-hour GPX runs (${files * SAMPLES} samples) through to daily metrics`,
);
console.log(
  `paired runs: ${runs}; load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`| process | median s | its CPU s | PostgreSQL's CPU s |`);
console.log(`|---|---:|---:|---:|`);
for (const [label, xs] of [
  ['hipcheck import DIR (compiled, whole process)', ours],
  ['psql \\copy of the same rows', reference],
  ['parsing alone: hipcheck inspect of the same files (one thread)', parsing],
] as const) {
  console.log(
    `| ${label} | ${med(xs, 's').toFixed(1)} | ${med(xs, 'clientCpuS').toFixed(1)} | ${med(xs, 'serverCpuS').toFixed(1)} |`,
  );
}
console.log(
  `peak RSS of the import: median ${median(rss).toFixed(0)} MiB, max ${Math.max(...rss).toFixed(0)} MiB`,
);
console.log(`median of the paired ratios: ${median(ratios).toFixed(2)}× (goal ≤ 1.5×)`);
// The CPU the goal leaves: 1.5× COPY's wall time on every core, less what the server spent on the
// import's data; the import process would have to fit in the rest.
const cores = availableParallelism();
const budget = 1.5 * med(reference, 's') * cores;
console.log(
  `CPU within 1.5× COPY on ${cores} cores: ${budget.toFixed(1)} s; the server used ${med(ours, 'serverCpuS').toFixed(1)} s of it, leaving ${(budget - med(ours, 'serverCpuS')).toFixed(1)} s for the import process (used: ${med(ours, 'clientCpuS').toFixed(1)} s, ${((1000 * med(ours, 'clientCpuS')) / files).toFixed(1)} ms a file); parsing the files alone takes ${med(parsing, 'clientCpuS').toFixed(1)} s (${((1000 * med(parsing, 'clientCpuS')) / files).toFixed(1)} ms a file)`,
);
