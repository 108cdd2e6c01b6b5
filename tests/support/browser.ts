// Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser).
// Where Chromium is missing they are skipped with a message, except under CI=true.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium && process.env.CI === 'true') {
  throw new Error(
    `CI=true but Chromium is missing at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}

export function describeWithBrowser(name: string, fn: () => void): void {
  if (hasChromium) describe(name, fn);
  else describe.skip(`${name} (skipped: no Chromium at ${chromiumPath}; set CHROMIUM_PATH)`, fn);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Where browser tests write their screenshots: a temporary folder, so that a test run never changes
 * the checkout. docs/screenshots is refreshed from the demo by `npm run screenshots`.
 */
export const screenshotsDir = join(tmpdir(), 'hipcheck-screenshots');
