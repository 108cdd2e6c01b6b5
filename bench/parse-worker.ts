// One measurement in a fresh process, so that its peak RSS belongs to one parse of one file:
// `node --import tsx bench/parse-worker.ts FILE`. The real path: the file read from disk in 1 MiB
// chunks into createActivityFileReader() (what `hipcheck inspect` runs), every sample kept (as
// columns) and the Activity built, intervals and all. Prints one JSON line like bench/saxes-pass.js.
import { closeSync, openSync, readSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { createActivityFileReader } from '../shared/activity/parse-activity-file.ts';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: parse-worker.ts FILE\n');
  process.exit(2);
}
const baselineRssB = process.memoryUsage.rss();
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const reader = createActivityFileReader(file);
const buf = new Uint8Array(1 << 20);
const fd = openSync(file, 'r');
try {
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    reader.push(buf.subarray(0, n));
  }
} finally {
  closeSync(fd);
}
const parsed = reader.end();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const activity = parsed.activities[0];
const points = activity?.columns?.length ?? activity?.samples.length ?? 0;
const peakRssB = resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({ points, seconds, cpuSeconds, baselineRssB, peakRssB }) + '\n',
);
