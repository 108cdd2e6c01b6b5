// `hipcheck inspect` as a whole process against a bare Node + saxes process on the same file, in
// paired runs (the two alternate, so both see the same load): a generated 24-hour GPX at 1 Hz.
// Each figure is the wall time from spawning the process to its exit, start-up included, which is
// what a person at a terminal waits for. Prints medians and their ratio; a benchmark, not a test.
// Run: npm run bench:inspect [-- --runs N]   (builds dist/server first, as `npm install` does)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_S, writeGpx } from './generate-gpx.ts';
import { median, option } from './support.ts';

const runs = Number(option('--runs') ?? 7);
const root = join(import.meta.dirname, '..');

function timed(args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(args[0] as string, args.slice(1), { cwd: root, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return s;
}

const build = spawnSync(process.execPath, ['bin/build-server.js', '--quiet'], { cwd: root });
if (build.status !== 0) throw new Error(`build failed: ${String(build.stderr)}`);
const dir = mkdtempSync(join(tmpdir(), 'hipcheck-bench-inspect-'));
try {
  const file = join(dir, 'day.gpx');
  writeGpx(file, DAY_S);
  const mb = statSync(file).size / 1e6;
  // The command a user runs (the bin's shebang passes Node's flags), and the reference.
  const inspect = [join(root, 'bin', 'hipcheck.js'), 'inspect', file];
  const saxes = [process.execPath, join(root, 'bench', 'saxes-pass.js'), file];
  timed(inspect); // warm the file cache and Node's compile cache alike for both
  timed(saxes);
  const ours: number[] = [];
  const reference: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    const a = first ? timed(inspect) : Number.NaN;
    const b = timed(saxes);
    const c = first ? a : timed(inspect);
    ours.push(c);
    reference.push(b);
    ratios.push(c / b);
  }
  console.log(`hipcheck inspect on a 24-hour GPX (${mb.toFixed(1)} MB, ${DAY_S + 1} points)`);
  console.log(`paired runs: ${runs}; load average at the end ${loadavg()[0]?.toFixed(2)}`);
  console.log(`| process | median s |`);
  console.log(`|---|---:|`);
  console.log(`| hipcheck inspect (compiled, whole process) | ${median(ours).toFixed(3)} |`);
  console.log(`| node + saxes pass (bench/saxes-pass.js) | ${median(reference).toFixed(3)} |`);
  console.log(`median of the paired ratios: ${median(ratios).toFixed(2)}× (goal ≤ 2×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
