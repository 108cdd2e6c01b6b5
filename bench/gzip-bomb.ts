// What refusing a gzip bomb costs, as a whole process: `hipcheck inspect BOMB` (the same parser
// the ingest worker runs) with its peak RSS read at exit (bench/probes/max-rss-probe.js,
// preloaded), beside the same process on a small sound file. Medians of paired runs; never part of
// the tests.
//
//   npx tsx bench/gzip-bomb.ts [--runs 3] [--reference DIR]
//
// --reference DIR runs the same files through another checkout in the same run (e.g. main: `git
// archive main | tar -x -C DIR && ln -s "$PWD/node_modules" DIR/`).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, strToU8 } from 'fflate';
import { steadyPlan, toGpx, track } from '../tests/fixtures/generate-activity.ts';
import { concatBytes } from '../shared/activity/concat-bytes.ts';
import { median, option } from './support.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROBE = join(HERE, 'probes', 'max-rss-probe.js');
const MiB = 1024 * 1024;
const INFLATED = 300 * MiB; // more than the 256 MiB cap of one activity file

const runs = Number(option('--runs') ?? 3);
const reference = option('--reference');

/** The files refused, each about 300 KB of gzip, and a small sound run for the baseline. */
function files(): Array<{ name: string; what: string; bytes: Uint8Array }> {
  const gpxHead = strToU8('<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>');
  const elements = strToU8('<x/>'.repeat(MiB / 4));
  const fitHeader = new Uint8Array(14);
  fitHeader.set([14, 0x20, 0x34, 0x08, 0, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54]); // size 0: "read to the end"
  return [
    {
      name: 'run.gpx',
      what: 'a sound 10-minute GPX (baseline)',
      bytes: strToU8(toGpx(track(steadyPlan(600, 3)))),
    },
    {
      name: 'zeros.gpx.gz',
      what: '300 MiB of zeros named .gpx.gz',
      bytes: gzipSync(new Uint8Array(INFLATED)),
    },
    {
      name: 'elements.gpx.gz',
      what: 'a GPX header, then 300 MiB of empty elements',
      bytes: gzipSync(concatBytes([gpxHead, ...Array.from({ length: 300 }, () => elements)])),
    },
    {
      name: 'fit.fit.gz',
      what: 'a FIT header (no size), then 300 MiB of zeros',
      bytes: gzipSync(concatBytes([fitHeader, new Uint8Array(INFLATED)])),
    },
  ];
}

function inspect(root: string, path: string): Promise<{ maxRssMiB: number; said: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', PROBE, 'bin/hipcheck.js', 'inspect', path], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', () => {
      const kib = Number(/max-rss-kib (\d+)/.exec(err)?.[1] ?? Number.NaN);
      done({ maxRssMiB: kib / 1024, said: (out + err).split('\n')[0] ?? '' });
    });
  });
}

async function main(): Promise<void> {
  const versions = [{ name: 'this checkout', root: resolve(HERE, '..') }];
  if (reference) versions.unshift({ name: `reference (${reference})`, root: resolve(reference) });
  const dir = await mkdtemp(join(tmpdir(), 'hc-bombs-'));
  try {
    const cases = files();
    for (const c of cases) await writeFile(join(dir, c.name), c.bytes);
    const peaks = new Map<string, number[]>();
    const said = new Map<string, string>();
    for (let run = 1; run <= runs; run++) {
      for (const c of cases) {
        for (const v of versions) {
          const r = await inspect(v.root, join(dir, c.name));
          const key = `${v.name}|${c.name}`;
          peaks.set(key, [...(peaks.get(key) ?? []), r.maxRssMiB]);
          said.set(key, r.said);
        }
      }
    }
    process.stdout.write(
      `hipcheck inspect as a whole process, peak RSS (MiB), median of ${runs} runs (${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}):\n\n`,
    );
    process.stdout.write(`| file | ${versions.map((v) => v.name).join(' | ')} |\n`);
    process.stdout.write(`|---${'|---:'.repeat(versions.length)}|\n`);
    for (const c of cases) {
      const cells = versions.map((v) => median(peaks.get(`${v.name}|${c.name}`) ?? []).toFixed(0));
      process.stdout.write(
        `| ${c.what} (${(c.bytes.length / 1024).toFixed(0)} KB) | ${cells.join(' | ')} |\n`,
      );
    }
    process.stdout.write('\nwhat each said:\n');
    for (const [key, text] of said) process.stdout.write(`  ${key}: ${text}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
