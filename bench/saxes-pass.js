// The reference pass for the parse benchmarks: a bare Node process that reads a GPX file in 1 MiB
// chunks, decodes it and runs it through saxes (a conforming streaming XML parser), counting the
// track points and reading each point's lat/lon attributes and element text, and nothing more.
// Prints one JSON line: points, seconds of the pass, and peak RSS above the baseline before it.
// Usage: node bench/saxes-pass.js FILE
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/saxes-pass.js FILE\n');
  process.exit(1);
}
const baselineRssB = process.memoryUsage.rss();
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const parser = new SaxesParser();
let points = 0;
let textChars = 0;
let coordinates = 0;
parser.on('opentag', (tag) => {
  if (tag.name === 'trkpt') {
    points++;
    coordinates += Number(tag.attributes.lat) + Number(tag.attributes.lon);
  }
});
parser.on('text', (text) => {
  textChars += text.length;
});
parser.on('error', (err) => {
  throw err;
});
const fd = openSync(file, 'r');
const buffer = Buffer.alloc(1 << 20);
const decoder = new TextDecoder('utf-8');
for (;;) {
  const n = readSync(fd, buffer, 0, buffer.length, null);
  if (n === 0) break;
  parser.write(decoder.decode(buffer.subarray(0, n), { stream: true }));
}
parser.write(decoder.decode());
parser.close();
closeSync(fd);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssB = resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    points,
    seconds,
    cpuSeconds,
    baselineRssB,
    peakRssB,
    check: coordinates + textChars,
  }) + '\n',
);
