// Tests that read the team's real activity files find them in ../shared/data beside the checkout.
// Where the folder is absent they skip with a message, except under CI=true, where that is a failure.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const sharedDataDir = process.env.HIPCHECK_SHARED_DATA ?? join(root, '..', 'shared', 'data');
export const activitiesDir = join(sharedDataDir, 'activities');
export const hasSharedData = existsSync(activitiesDir);

if (!hasSharedData && process.env.CI === 'true') {
  throw new Error(`CI=true but the shared test data is missing: expected ${activitiesDir}`);
}

/** Path of a file in ../shared/data/activities. */
export function activityFile(name: string): string {
  return join(activitiesDir, name);
}

/** A describe() that is skipped, with a message saying why, when ../shared/data is absent. */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (hasSharedData) {
    describe(name, fn);
  } else {
    describe.skip(`${name} (skipped: ${activitiesDir} not found)`, fn);
  }
}
