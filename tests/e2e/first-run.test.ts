// A newcomer's first minutes, in real Chromium: sign up, upload a GPX run (an old one, from 2012),
// see it in the list and in the weekly-distance chart, which then ends at the run's week.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createBullQueue, startBullWorkers, type BullWorkers } from '#services/queue/bullmq-queue';
import { createProcessors } from '#workers/processors';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/app.ts';
import { describeWithBrowser, launchBrowser, screenshotsDir } from '../support/browser.ts';
import { ensureDashboardBuilt } from '../support/dashboard-build.ts';
import { redisUrl } from '../support/pipeline.ts';
import { activityFile, hasSharedData } from '../support/shared-data.ts';

const describeE2e = hasSharedData
  ? describeWithBrowser
  : (name: string, fn: () => void) => describeWithBrowser(`${name} (needs ../shared/data)`, fn);

describeE2e('first run in the browser', () => {
  let db: TestDatabase;
  let server: TestServer;
  let workers: BullWorkers;
  let queue: ReturnType<typeof createBullQueue>;
  let browser: Browser;

  beforeAll(async () => {
    const dashboardDir = await ensureDashboardBuilt();
    db = await createTestDatabase();
    const prefix = `hc-e2e-${Date.now()}`;
    queue = createBullQueue({ redisUrl, prefix });
    workers = startBullWorkers({
      redisUrl,
      prefix,
      processors: createProcessors({ pool: db.pool, queue, now: () => new Date() }),
      log: () => undefined,
    });
    server = await startTestServer({ pool: db.pool, queue, dashboardDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await workers?.close();
    await server?.close();
    await queue?.close();
    await db?.drop();
  });

  it(
    'signs up, uploads run.gpx and shows the run and the weekly chart',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.getByLabel('Email').fill('newcomer@example.com');
      await page.getByLabel(/Password/).fill('a good long password');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('#who').getByText('newcomer@example.com').waitFor();

      await page.getByRole('link', { name: 'Import' }).click();
      await page.locator('input[type=file]').setInputFiles(activityFile('togeojson--run.gpx'));
      await page.locator('#upload-results li.status-done').waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Today' }).click();
      // The numbers are recomputed by a worker; the page redraws once they are ready.
      await page.locator('#decision').waitFor();
      await page.locator('#metrics-pending').waitFor({ state: 'detached', timeout: 30_000 });

      const row = page.locator('#activities tbody tr');
      await row.first().waitFor({ timeout: 30_000 });
      expect(await row.count()).toBe(1);
      const text = await row.first().innerText();
      expect(text).toMatch(/\d+\.\d\d km/);
      expect(text).toContain('run');

      // One bar per week of the window; the run's week has a visible height.
      const bars = page.locator('#weekly-chart svg g[data-mark="rect"] rect');
      await bars.first().waitFor({ state: 'attached', timeout: 30_000 });
      const heights = await bars.evaluateAll((els) =>
        els.map((e) => Number(e.getAttribute('height'))),
      );
      expect(heights.length).toBeGreaterThanOrEqual(1);
      expect(heights.filter((hgt) => hgt > 0).length).toBe(1);
      expect(errors).toEqual([]);

      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'first-run.png'), fullPage: true });

      // Reloading keeps the session and the data.
      await page.reload();
      await page.locator('#activities tbody tr').first().waitFor();
      await page.close();
    },
  );
});
