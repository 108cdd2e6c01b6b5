// A folder's mutation score measured in parts: a whole run of shared/activity takes longer than a
// working session on two cores, so each run's files that were tested whole are recorded here with
// the commit and a hash of their source, and the next run mutates only the files still to do.
//
//   node tests/mutation/ledger.js record [EVENTS_DIR]   add the files the run tested whole
//   node tests/mutation/ledger.js status                 per file, the totals, and what is left
//
// A file's entry stands while its source is the one measured: once the file changes, it is listed
// as changed and counted out of the totals until it is measured again. Tests added since can only
// kill more of its mutants, so an entry is a floor for the file as the tests are now, unless tests
// were removed. The ledger: tests/mutation/ledger.json (committed, so the next session has it).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LEDGER = 'tests/mutation/ledger.json';
const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage'];
const shortName = (f) => f.replace(/^.*?shared\//, 'shared/');
const hashOf = (file) =>
  existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;

function readLedger() {
  return existsSync(LEDGER) ? JSON.parse(readFileSync(LEDGER, 'utf8')) : { planned: {}, files: {} };
}

/** Planned mutants per file and each file's results, from the event-recorder's events. */
function readEvents(dir) {
  const planned = {};
  const results = {};
  for (const name of readdirSync(dir).sort()) {
    const event = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (name.endsWith('-onMutationTestingPlanReady.json')) {
      for (const p of event.mutantPlans) {
        const f = shortName(p.mutant.fileName);
        planned[f] = (planned[f] ?? 0) + 1;
      }
    } else if (name.endsWith('-onMutantTested.json')) {
      const r = (results[shortName(event.fileName)] ??= { tested: 0 });
      r.tested++;
      r[event.status] = (r[event.status] ?? 0) + 1;
    }
  }
  return { planned, results };
}

function record(dir) {
  const ledger = readLedger();
  const { planned, results } = readEvents(dir);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const date = new Date().toISOString().slice(0, 10);
  let added = 0;
  for (const [file, count] of Object.entries(planned)) {
    ledger.planned[file] = count;
    const r = results[file];
    if (!r || r.tested < count) continue;
    const counts = Object.fromEntries(STATUSES.map((s) => [s, r[s] ?? 0]));
    ledger.files[file] = { commit, date, sha256: hashOf(file), mutants: count, ...counts };
    added++;
  }
  const sorted = (o) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(
    LEDGER,
    `${JSON.stringify({ planned: sorted(ledger.planned), files: sorted(ledger.files) }, null, 2)}\n`,
  );
  console.log(`recorded ${added} files tested whole (commit ${commit}) in ${LEDGER}`);
}

const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

function status() {
  const ledger = readLedger();
  const folders = new Map();
  const folderOf = (f) => f.split('/').slice(0, 2).join('/');
  const left = [];
  const changed = [];
  console.log('| file | mutants | score | survived | not covered | timed out | commit |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const file of Object.keys(ledger.planned).sort()) {
    const e = ledger.files[file];
    if (!e) {
      left.push(file);
      continue;
    }
    if (e.sha256 !== hashOf(file)) {
      changed.push(file);
      continue;
    }
    const valid = STATUSES.reduce((a, s) => a + e[s], 0);
    const t = folders.get(folderOf(file)) ?? { files: 0, valid: 0, Killed: 0, Timeout: 0 };
    t.files++;
    t.valid += valid;
    t.Killed += e.Killed;
    t.Timeout += e.Timeout;
    folders.set(folderOf(file), t);
    console.log(
      `| ${file} | ${e.mutants} | ${pct(e.Killed + e.Timeout, valid)} | ${e.Survived} | ${e.NoCoverage} | ${e.Timeout} | ${e.commit} |`,
    );
  }
  for (const [folder, t] of folders) {
    const all = Object.keys(ledger.planned).filter((f) => folderOf(f) === folder).length;
    console.log(
      `${folder}: ${t.files} of ${all} files measured whole, ${t.valid} mutants, ${pct(t.Killed + t.Timeout, t.valid)} killed (${pct(t.Killed, t.valid)} with time-outs counted as survivors)`,
    );
  }
  if (changed.length > 0) console.log(`changed since measured: ${changed.join(', ')}`);
  const todo = [...left, ...changed];
  if (todo.length === 0) console.log('every file measured whole');
  else {
    const mutants = todo.reduce((a, f) => a + ledger.planned[f], 0);
    // Only the folder's own tests, when every file left is in one folder (stryker.config.mjs).
    const scopes = new Set(todo.map((f) => f.split('/')[1]));
    const [only] = scopes;
    const env =
      scopes.size === 1 && ['engine', 'activity'].includes(only) ? `MUTATION_SCOPE=${only} ` : '';
    console.log(`still to measure: ${todo.length} files, ${mutants} mutants; run them with`);
    console.log(`  ${env}npx stryker run --mutate "${todo.join(',')}"`);
  }
}

const [command = 'status', dir = '.tmp/stryker/events'] = process.argv.slice(2);
if (command === 'record') record(dir);
else if (command === 'status') status();
else {
  console.error('usage: node tests/mutation/ledger.js record [EVENTS_DIR] | status');
  process.exit(2);
}
