// `npm run screenshots`: refreshes docs/screenshots from the demo, never from test data. Loads the
// demo (`hipcheck demo`) into a fresh database on the PostgreSQL the tests use (DATABASE_URL, or
// postgres://postgres@127.0.0.1:5432), starts Hipcheck on it in one process (jobs in-process, no
// Strava), and photographs every page of tests/support/page-tour.ts in Chromium at 1440 × 900
// (NAME.png) and 390 × 844 (NAME-phone.png). The database is dropped afterwards.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCommand } from '../app/cli/demo.ts';
import { startHipcheck } from '../app/runtime.ts';
import { loadConfig } from '../services/config.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { ensureDashboardBuilt } from '../tests/support/dashboard-build.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { contextsFor, DESKTOP, PHONE, TOUR } from '../tests/support/page-tour.ts';

const outDir = join(process.cwd(), 'docs', 'screenshots');

async function main(): Promise<void> {
  await ensureDashboardBuilt();
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'hipcheck-screenshots-data-'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
  const running = await startHipcheck(config, 'all', { log: () => undefined });
  const browser = await launchBrowser();
  try {
    if ((await demoCommand([], { stdout: quiet, stderr: process.stderr }, config)) !== 0)
      throw new Error('the demo could not be loaded');
    const url = running.url?.replace('localhost', '127.0.0.1');
    if (!url) throw new Error('Hipcheck did not start its web server');
    mkdirSync(outDir, { recursive: true });
    for (const [suffix, viewport] of [
      ['', DESKTOP],
      ['-phone', PHONE],
    ] as const) {
      const pages = await contextsFor(browser, url, viewport);
      try {
        for (const stop of TOUR) {
          const page = pages[stop.who];
          await stop.open(page);
          const file = join(outDir, `${stop.name}${suffix}.png`);
          // A dialog is shown as it is in view; a page whole.
          await page.screenshot({ path: file, fullPage: stop.name !== 'checkin' });
          process.stdout.write(`${file}\n`);
        }
      } finally {
        await pages.close();
      }
    }
  } finally {
    await browser.close();
    await running.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
