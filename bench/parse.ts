// Parse benchmark (a printed report, not a test): a generated 24-hour 1 Hz GPX with heart rate and
// a ~100 MB GPX, each parsed by Hipcheck's streaming GPX parser and by @tmcw/togeojson on
// @xmldom/xmldom, each measurement in its own child process so that peak RSS is clean.
// Run: npx tsx bench/parse.ts [--runs N] [--togeojson-runs-large N]
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gpxChunks, planPoints, steadyPlan } from '../tests/fixtures/generate-activity.ts';
import { median } from './support.ts';

interface Measurement {
  parser: 'hipcheck' | 'togeojson';
  file: string;
  bytes: number;
  seconds: number[];
  points: number;
  baselineRssB: number;
  peakRssB: number;
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const runs = flag('--runs', 5);
const togeojsonLargeRuns = flag('--togeojson-runs-large', 1);
const MB = 1_000_000;

function generate(path: string, durationS: number): void {
  writeFileSync(path, '');
  for (const chunk of gpxChunks(planPoints(steadyPlan(durationS, 3), { eleSwingM: 4 }), {
    type: 'running',
  })) {
    appendFileSync(path, chunk);
  }
}

function measure(parser: Measurement['parser'], file: string, n: number): Measurement {
  const r = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=16384',
      '--import',
      'tsx',
      join(import.meta.dirname, 'parse-worker.ts'),
      parser,
      file,
      String(n),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`${parser} on ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as Measurement;
}

const dir = mkdtempSync(join(tmpdir(), 'hipcheck-bench-'));
try {
  const files = [
    { label: '24 h at 1 Hz with HR', path: join(dir, 'day.gpx'), durationS: 86_400 },
    // ~221 bytes a point: 460,000 points make a little over 100 MB.
    { label: '~100 MB', path: join(dir, 'large.gpx'), durationS: 460_000 },
  ];
  for (const f of files) {
    process.stderr.write(`generating ${f.label}…\n`);
    generate(f.path, f.durationS);
  }
  const rows: string[] = [];
  const ratios: string[] = [];
  for (const f of files) {
    const size = statSync(f.path).size;
    process.stderr.write(`measuring ${f.label} (${(size / MB).toFixed(1)} MB)…\n`);
    const ours = measure('hipcheck', f.path, runs);
    const theirs = measure('togeojson', f.path, size > 50 * MB ? togeojsonLargeRuns : runs);
    const speeds: number[] = [];
    for (const m of [ours, theirs]) {
      const s = median(m.seconds);
      speeds.push(m.bytes / MB / s);
      rows.push(
        `| ${f.label} | ${(m.bytes / MB).toFixed(1)} | ${m.parser === 'hipcheck' ? 'hipcheck (streaming)' : 'togeojson + xmldom'} | ${m.seconds.length} | ${s.toFixed(3)} | ${(m.bytes / MB / s).toFixed(1)} | ${Math.round(m.points / s).toLocaleString('en')} | ${m.points.toLocaleString('en')} | ${((m.peakRssB - m.baselineRssB) / 2 ** 20).toFixed(0)} |`,
      );
    }
    ratios.push(
      `- ${f.label}: hipcheck is ${((speeds[0] as number) / (speeds[1] as number)).toFixed(1)}× togeojson's throughput`,
    );
  }
  console.log(
    '| file | MB | parser | runs | median s | MB/s | points/s | points | peak RSS above baseline (MiB) |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log('');
  for (const r of ratios) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
