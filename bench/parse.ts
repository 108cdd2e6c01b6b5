// Parse benchmark (a printed report, not a test): the real parser path against a bare saxes pass
// over the same file, each run in its own fresh process so that peak RSS is clean, in pairs (the
// two alternate, so both see the same load). Files: a generated 24-hour GPX at 1 Hz and a ~100 MB
// GPX. Seconds are the parse inside the process (start-up excluded: bench/inspect.ts measures the
// whole command), as wall time and as the process's CPU time (on a shared machine the wall time of
// a pass depends on the share of the cores it got); memory is the peak RSS above the process's own
// baseline.
// Run: npm run bench:parse [-- --runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_S, HUNDRED_MB_S, writeGpx } from './generate-gpx.ts';
import { median, option } from './support.ts';

interface Measurement {
  points: number;
  seconds: number;
  /** CPU time of the pass (user + system, every thread of the process). */
  cpuSeconds: number;
  baselineRssB: number;
  peakRssB: number;
}

const runs = Number(option('--runs') ?? 5);
const MiB = 2 ** 20;

function measure(args: string[]): Measurement {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as Measurement;
}

const above = (m: Measurement) => (m.peakRssB - m.baselineRssB) / MiB;

const dir = mkdtempSync(join(tmpdir(), 'hipcheck-bench-parse-'));
try {
  const files = [
    { label: '24 h at 1 Hz with HR', path: join(dir, 'day.gpx'), durationS: DAY_S },
    { label: '~100 MB', path: join(dir, 'large.gpx'), durationS: HUNDRED_MB_S },
  ];
  console.log(`paired runs per file: ${runs}`);
  console.log(
    '| file | MB | points | parser | median s | ratio to saxes (median of pairs) | CPU s | CPU ratio (median of pairs) | peak RSS above baseline, MiB (median) |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const f of files) {
    process.stderr.write(`generating ${f.label}…\n`);
    writeGpx(f.path, f.durationS);
    const mb = statSync(f.path).size / 1e6;
    const ours = ['--import', 'tsx', join(import.meta.dirname, 'parse-worker.ts'), f.path];
    const saxes = [join(import.meta.dirname, 'saxes-pass.js'), f.path];
    const a: Measurement[] = [];
    const b: Measurement[] = [];
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`${f.label}: pair ${i + 1}/${runs}\r`);
      if (i % 2 === 0) {
        a.push(measure(ours));
        b.push(measure(saxes));
      } else {
        b.push(measure(saxes));
        a.push(measure(ours));
      }
    }
    const ratio = median(a.map((m, i) => m.seconds / (b[i] as Measurement).seconds));
    const cpuRatio = median(a.map((m, i) => m.cpuSeconds / (b[i] as Measurement).cpuSeconds));
    const cpu = (ms: Measurement[]) => median(ms.map((m) => m.cpuSeconds)).toFixed(3);
    const points = (a[0] as Measurement).points.toLocaleString('en');
    console.log(
      `| ${f.label} | ${mb.toFixed(1)} | ${points} | Hipcheck, real path (columns) | ${median(a.map((m) => m.seconds)).toFixed(3)} | ${ratio.toFixed(2)}× | ${cpu(a)} | ${cpuRatio.toFixed(2)}× | ${median(a.map(above)).toFixed(0)} |`,
    );
    console.log(
      `| same | | | bare saxes pass | ${median(b.map((m) => m.seconds)).toFixed(3)} | 1 | ${cpu(b)} | 1 | ${median(b.map(above)).toFixed(0)} |`,
    );
    rmSync(f.path, { force: true });
  }
  console.log(`load average at the end: ${loadavg()[0]?.toFixed(2)} (2 cores, shared)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
