// The unit tests that cover shared/engine and shared/activity, for mutation testing
// (`npm run test:mutation`, stryker.config.mjs): pure code, so no database, Redis or browser, and
// no global set-up that waits for them.
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Set by stryker.config.mjs: 'engine', 'activity' or 'all'.
const scope = process.env.MUTATION_SCOPE ?? 'all';
const include = [
  ...(scope === 'activity' ? [] : ['tests/unit/engine/**/*.test.ts']),
  ...(scope === 'engine' ? [] : ['tests/unit/activity/**/*.test.ts']),
];
// MUTATION_STORIES=skip leaves out the day-by-day stories and the property tests over whole
// histories, which take minutes for each mutant that survives them on a busy machine: a quicker,
// stricter run (fewer tests can kill a mutant), reported as such.
const STORIES = [
  'tests/unit/engine/scenarios.test.ts',
  'tests/unit/engine/daily-loop-stories.test.ts',
  'tests/unit/engine/holds-property.test.ts',
  'tests/unit/engine/run-engine.test.ts',
];
const exclude = process.env.MUTATION_STORIES === 'skip' ? STORIES : [];

export default defineConfig({
  root: resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    include,
    exclude,
    setupFiles: ['tests/mutation/fast-check-runs.ts'],
    // Instrumented for coverage, the largest ZIP and gzip cases take minutes on a busy machine.
    testTimeout: 300_000,
    env: { TZ: 'UTC' },
  },
});
