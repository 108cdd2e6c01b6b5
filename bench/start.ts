// `hipcheck start` with an existing, migrated database: the time from spawning the process to the
// first 200 from /readyz (PostgreSQL and Redis answer, the API serves). Paired runs of the compiled
// server (what `npm start` runs) and of the same sources run through tsx (what every start cost
// before the server was compiled), alternating. Prints medians and their ratio; not a test.
// Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) and REDIS_URL.
// Run: npm run bench:start [-- --runs N --port P]
import { spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../tests/support/db.ts';
import { median, option } from './support.ts';

const runs = Number(option('--runs') ?? 5);
let portFrom = option('--port') === undefined ? undefined : Number(option('--port'));
const root = join(import.meta.dirname, '..');

async function readyAfter(db: string, fromSource: boolean): Promise<number> {
  // --port P: the ports from P on, one per start (a shared machine gives each user a range).
  const port = portFrom === undefined ? 39_000 + Math.floor(Math.random() * 1000) : portFrom++;
  const started = process.hrtime.bigint();
  const child = spawn(join(root, 'bin', 'hipcheck.js'), ['start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db,
      PORT: String(port),
      HOST: '127.0.0.1',
      HIPCHECK_FROM_SOURCE: fromSource ? '1' : '0',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`hipcheck start exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return Number(process.hrtime.bigint() - started) / 1e9;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const build = spawnSync(process.execPath, ['bin/build-server.js', '--quiet'], { cwd: root });
if (build.status !== 0) throw new Error(`build failed: ${String(build.stderr)}`);
const db = await createTestDatabase();
try {
  await readyAfter(db.url, false); // warm the file cache
  const compiled: number[] = [];
  const source: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = i % 2 === 0 ? await readyAfter(db.url, false) : Number.NaN;
    const b = await readyAfter(db.url, true);
    const c = i % 2 === 0 ? a : await readyAfter(db.url, false);
    compiled.push(c);
    source.push(b);
    ratios.push(c / b);
  }
  console.log(
    'hipcheck start until /readyz answers 200, existing migrated database (DATABASE_URL)',
  );
  console.log(`paired runs: ${runs}; load average at the end ${loadavg()[0]?.toFixed(2)}`);
  console.log('| process | median s |');
  console.log('|---|---:|');
  console.log(`| compiled (dist/server, npm start) | ${median(compiled).toFixed(2)} |`);
  console.log(`| same sources through tsx | ${median(source).toFixed(2)} |`);
  console.log(`median of the paired ratios: ${median(ratios).toFixed(2)}× (goal: under 3 s)`);
} finally {
  await db.drop();
}
