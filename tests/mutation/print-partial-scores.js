// Scores of a mutation run so far, from the events Stryker's event-recorder reporter writes as each
// mutant is tested (.tmp/stryker/events): a run stopped before its end still says what it measured.
// Per file: mutants planned, tested, score (killed and timed out over killed, timed out, survived
// and not covered), survivors, uncovered, time-outs; then the totals, with time-outs counted both
// ways. Run: node tests/mutation/print-partial-scores.js [EVENTS_DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.tmp/stryker/events';
const shortName = (f) => f.replace(/^.*?shared\//, 'shared/');
const planned = new Map();
const tested = new Map();
const add = (map, key, status) => {
  const c = map.get(key) ?? {};
  c[status] = (c[status] ?? 0) + 1;
  map.set(key, c);
};
for (const name of readdirSync(dir).sort()) {
  const event = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  if (name.endsWith('-onMutationTestingPlanReady.json')) {
    for (const p of event.mutantPlans) add(planned, shortName(p.mutant.fileName), 'all');
  } else if (name.endsWith('-onMutantTested.json')) {
    add(tested, shortName(event.fileName), event.status);
  }
}
const count = (c, s) => c[s] ?? 0;
const valid = (c) =>
  count(c, 'Killed') + count(c, 'Timeout') + count(c, 'Survived') + count(c, 'NoCoverage');
const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
const total = {};
const whole = {};
console.log('| file | planned | tested | score | survived | not covered | timed out |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [file, p] of [...planned].sort()) {
  const c = tested.get(file) ?? {};
  const n = Object.values(c).reduce((a, b) => a + b, 0);
  if (n === 0) continue;
  const done = n >= p.all;
  for (const [s, v] of Object.entries(c)) {
    total[s] = (total[s] ?? 0) + v;
    if (done) whole[s] = (whole[s] ?? 0) + v;
  }
  const score = pct(count(c, 'Killed') + count(c, 'Timeout'), valid(c));
  console.log(
    `| ${file} | ${p.all} | ${n}${done ? '' : ' (partly)'} | ${score} | ${count(c, 'Survived')} | ${count(c, 'NoCoverage')} | ${count(c, 'Timeout')} |`,
  );
}
for (const [label, c] of [
  ['every mutant tested', total],
  ['files tested whole', whole],
]) {
  console.log(
    `${label}: ${valid(c)} mutants, ${pct(count(c, 'Killed') + count(c, 'Timeout'), valid(c))} killed (${pct(count(c, 'Killed'), valid(c))} with time-outs counted as survivors)`,
  );
}
