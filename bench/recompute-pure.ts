// Pure engine speed: 5 years of daily history for one athlete (generated runs, check-ins and
// cross-training) through runEngine in-process. Goal: under 50 ms per 5-year athlete.
// Run: npx tsx bench/recompute-pure.ts
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runEngine } from '../shared/engine/run-engine.ts';
import { addDays, daysBetween } from '../shared/local-date.ts';
import { generateHistory } from '../tests/fixtures/engine-scenarios.ts';
import { median } from './support.ts';

const START = '2021-01-04';
const DAYS = 5 * 365 + 1;
const TODAY = addDays(START, DAYS - 1);
const RUNS = 15;

const builder = generateHistory(START, DAYS);
const input = builder.input(TODAY);

const cpu: number[] = [];

/** Wall-clock ms; the process CPU ms (all threads, GC included) go to `cpu`. */
function time(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return wall;
}

for (let k = 0; k < 3; k++) runEngine(input); // warm-up (JIT)
const full: number[] = [];
for (let k = 0; k < RUNS; k++) full.push(time(() => runEngine(input)));
const fullCpu = cpu.splice(0);

const out = runEngine(input);
const days = out.days.length;
const from = addDays(TODAY, -6);
const carry = out.days[daysBetween(out.firstDate, from) - 1]?.carry;
if (!carry) throw new Error('no carry');
const incremental: number[] = [];
for (let k = 0; k < RUNS; k++)
  incremental.push(time(() => runEngine({ ...input, resume: { from, carry } })));

const fullMs = median(full);
const [load1] = loadavg();
console.log(
  `machine: ${cpus().length} CPUs, load average ${load1?.toFixed(2)} (other processes inflate the wall-clock figures)`,
);
console.log(
  `history: ${days} days, ${input.runs.length} runs, ${input.checkins.length} check-ins, ${input.crossTraining.length} cross-training sessions`,
);
console.log(
  `full recompute:        median ${fullMs.toFixed(1)} ms over ${RUNS} runs (min ${Math.min(...full).toFixed(1)}, max ${Math.max(...full).toFixed(1)}), ${((fullMs * 1000) / days).toFixed(1)} µs per day`,
);
console.log(
  `full recompute, CPU:   median ${median(fullCpu).toFixed(1)} ms (min ${Math.min(...fullCpu).toFixed(1)}): less sensitive to other processes than wall-clock`,
);
console.log(`last 7 days from carry: median ${median(incremental).toFixed(1)} ms`);
console.log(
  `goal < 50 ms per 5-year athlete: ${fullMs < 50 ? 'met' : Math.min(...full) < 50 ? 'met by the fastest run only (busy machine?)' : 'NOT met'}`,
);
