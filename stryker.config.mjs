// Mutation testing of the pure core (`npm run test:mutation`): every mutant of shared/engine and
// shared/activity is run against the unit tests of those folders (tests/mutation/vitest.config.ts).
// Incremental: a rerun tests again only the mutants whose code or covering tests changed.
// Scores and what they cover: README, "Mutation testing".
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
// The sandbox is a copy of the checkout one level deeper: point the tests at the real shared data.
process.env.HIPCHECK_SHARED_DATA ??= join(root, '..', 'shared', 'data');
// MUTATION_SCOPE=engine or =activity mutates one folder and runs only its tests (one half of the
// run, e.g. after a change to one of them); unset, both.
const scope = process.env.MUTATION_SCOPE ?? 'all';
const FOLDERS = { engine: ['shared/engine'], activity: ['shared/activity'] };
const folders = FOLDERS[scope] ?? ['shared/engine', 'shared/activity'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  mutate: folders.map((f) => `${f}/**/*.ts`),
  ignorePatterns: ['.tmp', 'data', 'docs', 'dashboard', 'bench', 'dist', 'test-results'],
  // Two cores are shared with everything else on a development machine.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The first run, with coverage, takes minutes when the cores are busy.
  dryRunTimeoutMinutes: 40,
  // A mutant of a module-level constant (the thresholds, the plan table, the red-flag list, the
  // metric texts) is live from import on, so Stryker would rerun every test for each one: they are
  // left out here, and the rules that live in such constants are mutated by hand (README).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: '.tmp/stryker/incremental.json',
  // event-recorder keeps each mutant's result as it comes (tests/mutation/print-partial-scores.js
  // reads them), so a run stopped before its end still says what it measured.
  reporters: ['clear-text', 'progress-append-only', 'json', 'html', 'event-recorder'],
  eventReporter: { baseDir: '.tmp/stryker/events' },
  jsonReporter: { fileName: '.tmp/stryker/mutation.json' },
  htmlReporter: { fileName: '.tmp/stryker/mutation.html' },
  clearTextReporter: { allowColor: false, maxTestsToLog: 0, reportMutants: false },
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.tmp/stryker/sandboxes',
  cleanTempDir: 'always',
};
