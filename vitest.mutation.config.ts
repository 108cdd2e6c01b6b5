// The unit tests that cover shared/engine and shared/activity, for mutation testing
// (`npm run test:mutation`, stryker.config.mjs): pure code, so no database, Redis or browser, and
// no global set-up that waits for them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/engine/**/*.test.ts', 'tests/unit/activity/**/*.test.ts'],
    setupFiles: ['tests/mutation/fast-check-runs.ts'],
    // Instrumented for coverage, the largest ZIP and gzip cases take minutes on a busy machine.
    testTimeout: 300_000,
    // Wall-clock bounds (tests/support/time-limit.ts) say nothing about instrumented code.
    env: { TZ: 'UTC', HIPCHECK_TIME_LIMIT_FACTOR: '50' },
  },
});
