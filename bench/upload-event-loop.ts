// The API's event-loop delay while 200 activity uploads and a 50 MB export ZIP are in flight, as a
// user meets it: `hipcheck api` in its own process (the workers elsewhere), PostgreSQL and Redis
// real, the requests over HTTP. The delay is measured inside the API process by
// monitorEventLoopDelay (bench/probes/event-loop-probe.js, preloaded), from just before the first
// request until every answer has come. Medians of paired runs; never part of the tests.
//
//   REDIS_URL=redis://127.0.0.1:P npx tsx bench/upload-event-loop.ts [--runs 5] [--reference DIR]
//
// --reference DIR runs the same load against another checkout in the same run, alternating with
// this one (e.g. main: `git archive main | tar -x -C DIR && ln -s "$PWD/node_modules" DIR/`).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { Redis } from 'ioredis';
import { createEmptyDatabase } from '../tests/support/db.ts';
import { TestClient } from '../tests/support/http-client.ts';
import { steadyPlan, track } from '../tests/fixtures/generate-activity.ts';
import { toFit } from '../tests/fixtures/generate-fit.ts';
import { median, option } from './support.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROBE = join(HERE, 'probes', 'event-loop-probe.js');
const UPLOADS = 200;
const ZIP_TARGET_BYTES = 50 * 1024 * 1024;

const runs = Number(option('--runs') ?? 5);
const reference = option('--reference');
const redisBase = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUrl = (() => {
  const u = new URL(redisBase);
  u.pathname = '/5'; // a database of this bench's own: flushed before each run
  return u.toString();
})();

/** A small deterministic random source, so every run uploads the same bytes. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A GPX run of `seconds` at 1 Hz with GPS and heart-rate noise (it compresses as a real one does). */
function noisyGpx(seconds: number, startMs: number, seed: number): string {
  const r = random(seed);
  const points: string[] = [];
  for (let i = 0; i <= seconds; i++) {
    // Metre-scale GPS scatter, elevation to the decimetre, a heart rate that wanders: about 5:1
    // under deflate, as real GPX files compress.
    const lat = 47.3769 + i * 0.000027 + (r() - 0.5) * 0.0002;
    const lon = 8.5417 + (r() - 0.5) * 0.0002;
    const ele = 410 + 5 * Math.sin(i / 120) + (r() - 0.5) * 6;
    const hr = Math.round(120 + 60 * r());
    points.push(
      `<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><ele>${ele.toFixed(1)}</ele><time>${new Date(startMs + i * 1000).toISOString()}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><type>running</type><trkseg>\n${points.join('\n')}\n</trkseg></trk></gpx>\n`;
}

/**
 * A Strava export of about 50 MB: activities.csv and one-hour runs as FIT files (a watch's own
 * format, which deflate shrinks about 1.9:1), so some 95 MB once expanded.
 */
function stravaExport(): Uint8Array {
  const dayMs = 86_400_000;
  const run = (i: number) =>
    toFit(
      track(steadyPlan(3600, 3), { startMs: Date.UTC(2020, 0, 1, 7) + i * dayMs, eleSwingM: 5 }),
    );
  const perFile = zipSync({ 'a.fit': run(0) }).length;
  const count = Math.ceil(ZIP_TARGET_BYTES / perFile);
  const files: Zippable = {};
  const rows = ['Activity ID,Activity Date,Activity Name,Activity Type,Filename'];
  for (let i = 0; i < count; i++) {
    files[`activities/${1000 + i}.fit`] = run(i);
    rows.push(`${1000 + i},"",Run ${i},Run,activities/${1000 + i}.fit`);
  }
  return zipSync({ 'activities.csv': strToU8(rows.join('\n')), ...files });
}

interface RunResult {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  /** Stalls of 100 ms or more, and their time in all. */
  stalls100Ms: number;
  stalledMs: number;
  answeredS: number;
  peakRssMiB: number;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      text += d.toString();
      const m = pattern.exec(text);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolveLine(m[1] ?? m[0]);
      }
    };
    child.stdout?.on('data', onData);
  });
}

async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kib / 1024);
}

async function runOnce(root: string, gpx: string[], zip: Uint8Array): Promise<RunResult> {
  const db = await createEmptyDatabase('hipcheck_bench');
  const dataDir = await mkdtemp(join(tmpdir(), 'hc-bench-'));
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  const api = spawn(process.execPath, ['--import', PROBE, 'bin/hipcheck.js', 'api'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      UPLOAD_MAX_BYTES: String(64 * 1024 * 1024),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = (await waitForLine(api, /running at (http\S+)/, 60_000)).replace(
      'localhost',
      '127.0.0.1',
    );
    const runner = new TestClient(url);
    await runner.signup(`bench-${Date.now()}@example.com`);
    api.kill('SIGUSR1'); // the window starts
    const started = performance.now();
    const answers = await Promise.all([
      runner.upload([{ name: 'export.zip', content: zip }]),
      ...gpx.map((content, i) => runner.upload([{ name: `run-${i}.gpx`, content }])),
    ]);
    const answeredS = (performance.now() - started) / 1000;
    const line = waitForLine(api, /event-loop (\{.*\})/, 10_000);
    api.kill('SIGUSR2');
    const delay = JSON.parse(await line) as Omit<RunResult, 'answeredS' | 'peakRssMiB'>;
    const refused = answers.filter((a) => a.status !== 202);
    if (refused.length > 0)
      throw new Error(`${refused.length} uploads answered ${refused[0]?.status}`);
    return { ...delay, answeredS, peakRssMiB: await peakRssMiB(api.pid as number) };
  } finally {
    api.kill('SIGKILL');
    await new Promise((r) => api.once('exit', r));
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);

async function main(): Promise<void> {
  const here = resolve(HERE, '..');
  const versions: Array<{ name: string; root: string }> = [{ name: 'this checkout', root: here }];
  if (reference) versions.unshift({ name: `reference (${reference})`, root: resolve(reference) });
  process.stdout.write('generating the uploads…\n');
  const gpx = Array.from({ length: UPLOADS }, (_, i) =>
    noisyGpx(600, Date.UTC(2025, 0, 1, 7) + i * 86_400_000, 10_000 + i),
  );
  const zip = stravaExport();
  const gpxMiB = gpx.reduce((n, g) => n + g.length, 0) / 2 ** 20;
  process.stdout.write(
    `${UPLOADS} GPX uploads (10 min at 1 Hz, ${fmt(gpxMiB)} MiB in all) and one Strava export ZIP of ${fmt(zip.length / 2 ** 20)} MiB (one-hour FIT runs, deflated), all at once; ${runs} runs per version, alternating\n`,
  );
  const results = new Map<string, RunResult[]>(versions.map((v) => [v.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const v of versions) {
      const r = await runOnce(v.root, gpx, zip);
      results.get(v.name)?.push(r);
      process.stdout.write(
        `run ${run} ${v.name}: event-loop delay p50 ${fmt(r.p50Ms)} ms, p99 ${fmt(r.p99Ms)} ms, max ${fmt(r.maxMs)} ms; ${r.stalls100Ms} stalls ≥ 100 ms (${r.stalledMs} ms); all answered in ${fmt(r.answeredS, 2)} s; API peak RSS ${r.peakRssMiB} MiB\n`,
      );
    }
  }
  process.stdout.write(
    `\nmedians of ${runs} runs (${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}):\n`,
  );
  const header = ['version', 'p50 ms', 'p99 ms', 'max ms', 'stalls ≥ 100 ms', 'stalled ms'];
  header.push('all answered s', 'API peak RSS MiB');
  process.stdout.write(`| ${header.join(' | ')} |\n|---${'|---:'.repeat(header.length - 1)}|\n`);
  for (const [name, rs] of results) {
    const m = (f: (r: RunResult) => number) => median(rs.map(f));
    const cells = [
      fmt(m((r) => r.p50Ms)),
      fmt(m((r) => r.p99Ms)),
      fmt(m((r) => r.maxMs)),
      fmt(
        m((r) => r.stalls100Ms),
        0,
      ),
      fmt(
        m((r) => r.stalledMs),
        0,
      ),
      fmt(
        m((r) => r.answeredS),
        2,
      ),
      fmt(
        m((r) => r.peakRssMiB),
        0,
      ),
    ];
    process.stdout.write(`| ${name} | ${cells.join(' | ')} |\n`);
  }
}

await main();
