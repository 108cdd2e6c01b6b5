// One benchmark measurement in a fresh process, so that its peak RSS belongs to one parser and one
// file: `node --import tsx bench/parse-worker.ts hipcheck|togeojson FILE RUNS`. Prints one JSON line.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { createGpxParser } from '../shared/activity/parse-gpx.ts';

const [parser, file, runsArg] = process.argv.slice(2);
if ((parser !== 'hipcheck' && parser !== 'togeojson') || file === undefined) {
  process.stderr.write('usage: parse-worker.ts hipcheck|togeojson FILE [RUNS]\n');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);

/** Streaming: 1 MiB reads straight into the parser, summary only. */
function parseStreaming(path: string): number {
  const p = createGpxParser({ keepSamples: false });
  const buf = new Uint8Array(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      p.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return p.end().clean.points;
}

function parseTogeojson(path: string): number {
  const doc = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/xml');
  let points = 0;
  for (const f of gpx(doc as unknown as Document).features) {
    const g = f.geometry;
    if (g?.type === 'LineString') points += g.coordinates.length;
    else if (g?.type === 'MultiLineString') for (const line of g.coordinates) points += line.length;
  }
  return points;
}

const baselineRssB = process.memoryUsage().rss;
const seconds: number[] = [];
let points = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  points = parser === 'hipcheck' ? parseStreaming(file) : parseTogeojson(file);
  seconds.push((performance.now() - started) / 1000);
}
const peakRssB = resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    parser,
    file,
    bytes: statSync(file).size,
    seconds,
    points,
    baselineRssB,
    peakRssB,
  }) + '\n',
);
