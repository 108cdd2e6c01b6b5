// Preloaded into a Hipcheck process by bench/upload-event-loop.ts (node --import …): measures the
// process's own event-loop delay with monitorEventLoopDelay, and counts the stalls of 100 ms or
// more (one long stall is a single sample of the histogram, so its p99 can hide it). SIGUSR1
// starts a window; SIGUSR2 prints it as one line `event-loop {…}` on stdout. Plain JavaScript, so
// that it loads into any version of Hipcheck, the reference one included.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setInterval } from 'node:timers';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();

const TICK_MS = 5;
let stalls = 0;
let stalledMs = 0;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - TICK_MS;
  if (late >= 100) {
    stalls += 1;
    stalledMs += late;
  }
  last = now;
}, TICK_MS).unref();

process.on('SIGUSR1', () => {
  histogram.reset();
  stalls = 0;
  stalledMs = 0;
});
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
  const line = {
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
    samples: histogram.count,
    stalls100Ms: stalls,
    stalledMs: Math.round(stalledMs),
  };
  process.stdout.write(`event-loop ${JSON.stringify(line)}\n`);
});
