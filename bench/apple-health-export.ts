// Apple Health export benchmark (a printed report, not a test): a generated export.zip with
// `--days` days of Apple Watch data (heart rate every 5 min, resting HR, HRV, and a 45-minute run a
// day with heart rate every 5 s and a 1 Hz route) is read by `readExport` through a ZipSource on the
// file, in its own child process, against a bare inflate of export.xml from the same file (the
// least any reader must do). Peak RSS is the child's.
// Run: npx tsx bench/apple-health-export.ts [--days N] [--runs N]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { readExport } from '../shared/activity/read-export.ts';
import { readZipDirectory } from '../shared/activity/zip/read-zip-directory.ts';
import { streamZipEntry } from '../shared/activity/zip/read-zip-entry.ts';
import { createZipBudget } from '../shared/activity/zip/zip-limits.ts';
import { zipSourceOfFile } from '../services/ingest/zip-source-of-file.ts';
import { steadyPlan, track } from '../tests/fixtures/generate-activity.ts';
import { APPLE_HEAD, appleDate, appleRouteGpx } from '../tests/fixtures/generate-exports.ts';
import { median } from './support.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const enc = new TextEncoder();
const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1);

function rec(type: string, unit: string, ms: number, value: number): string {
  const d = appleDate(ms);
  return ` <Record type="HKQuantityTypeIdentifier${type}" sourceName="Sam’s Apple Watch" sourceVersion="9.1" device="&lt;&lt;HKDevice: 0x2829a0f00&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:9.1&gt;" unit="${unit}" creationDate="${d}" startDate="${d}" endDate="${d}" value="${value}"/>\n`;
}

function generate(path: string, days: number): void {
  const fd = openSync(path, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
  });
  const xml = new ZipDeflate('apple_health_export/export.xml', { level: 6 });
  zip.add(xml);
  xml.push(enc.encode(APPLE_HEAD));
  // Records come first in Apple's file, grouped by type; workouts after them.
  for (let d = 0; d < days; d++) {
    const parts: string[] = [];
    const day = START + d * DAY_MS;
    for (let m = 0; m < 1440; m += 5)
      parts.push(rec('HeartRate', 'count/min', day + m * 60_000, 60 + (m % 40)));
    for (let s = 0; s <= 2700; s += 5)
      parts.push(rec('HeartRate', 'count/min', day + 6 * 3_600_000 + s * 1000, 150));
    parts.push(rec('RestingHeartRate', 'count/min', day + 7 * 3_600_000, 50 + (d % 7)));
    for (let k = 0; k < 3; k++)
      parts.push(rec('HeartRateVariabilitySDNN', 'ms', day + (2 + k) * 3_600_000, 40 + k));
    xml.push(enc.encode(parts.join('')));
  }
  for (let d = 0; d < days; d++) {
    const s = START + d * DAY_MS + 6 * 3_600_000;
    const e = s + 2_700_000;
    xml.push(
      enc.encode(
        ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="45" durationUnit="min" totalDistance="8.1" totalDistanceUnit="km" sourceName="W" startDate="${appleDate(s)}" endDate="${appleDate(e)}">\n  <WorkoutRoute sourceName="W" startDate="${appleDate(s)}" endDate="${appleDate(e)}">\n   <FileReference path="/workout-routes/route_${d}.gpx"/>\n  </WorkoutRoute>\n </Workout>\n`,
      ),
    );
  }
  xml.push(enc.encode('</HealthData>\n'), true);
  for (let d = 0; d < days; d++) {
    const route = new ZipDeflate(`apple_health_export/workout-routes/route_${d}.gpx`, { level: 6 });
    zip.add(route);
    const points = track(steadyPlan(2700, 3), { startMs: START + d * DAY_MS + 6 * 3_600_000 });
    route.push(enc.encode(appleRouteGpx(points, `Route ${d}`)), true);
  }
  zip.end();
  closeSync(fd);
}

/** In the child: one reading of the file, printed as JSON. */
function child(mode: string, path: string): void {
  const fd = openSync(path, 'r');
  const source = zipSourceOfFile(fd);
  const started = performance.now();
  let activities = 0;
  let samples = 0;
  let xmlBytes = 0;
  let wellnessDays = 0;
  if (mode === 'inflate') {
    const budget = createZipBudget();
    const entry = readZipDirectory(source, budget.limits).find((e) =>
      e.name.endsWith('export.xml'),
    );
    if (entry === undefined) throw new Error('no export.xml');
    streamZipEntry(source, entry, budget, (c) => (xmlBytes += c.length));
  } else {
    const reading = readExport(source);
    wellnessDays = reading.wellness.length;
    for (const item of reading.items()) {
      if (!item.result.ok) throw new Error(`${item.entry}: ${item.result.message}`);
      for (const a of item.result.activities) {
        activities++;
        samples += a.samples.length;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  const peakRssB = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ seconds, peakRssB, activities, samples, xmlBytes, wellnessDays }) + '\n',
  );
}

interface Reading {
  seconds: number;
  peakRssB: number;
  activities: number;
  samples: number;
  xmlBytes: number;
  wellnessDays: number;
}

function run(mode: string, path: string): Reading {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/apple-health-export.ts', '--child', mode, path],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Reading;
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) {
  child(process.argv[childAt + 1] as string, process.argv[childAt + 2] as string);
} else {
  const days = flag('--days', 365);
  const runs = flag('--runs', 5);
  const dir = mkdtempSync(join(tmpdir(), 'hipcheck-apple-bench-'));
  try {
    const path = join(dir, 'export.zip');
    generate(path, days);
    const inflate: number[] = [];
    const read: number[] = [];
    let last = run('read', path);
    let bare = run('inflate', path);
    for (let i = 0; i < runs; i++) {
      bare = run('inflate', path);
      inflate.push(bare.seconds);
      last = run('read', path);
      read.push(last.seconds);
    }
    const xmlMb = bare.xmlBytes / 1e6;
    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    console.log(
      `export.zip: ${(statSync(path).size / 1e6).toFixed(1)} MB, export.xml ${xmlMb.toFixed(1)} MB, ${days} days, ${runs} paired runs`,
    );
    console.log(
      `bare inflate of export.xml: median ${median(inflate).toFixed(2)} s, peak RSS ${mib(bare.peakRssB)} MiB`,
    );
    console.log(
      `readExport (two passes over export.xml, ${last.activities} runs with routes, ${last.samples} samples, ${last.wellnessDays} wellness days): median ${median(read).toFixed(2)} s (${(median(read) / median(inflate)).toFixed(1)}× the bare inflate), peak RSS ${mib(last.peakRssB)} MiB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
