// Imports in real Chromium: an Apple Health export and a ZIP of activity files dropped on the import
// page, each export's line and each file's result as the workers finish them, the warning of a
// recovered file in the results and on its activity page, and the resting heart rate and HRV on the
// trends with the line saying the decision does not use them. Screenshots of each.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshotsDir } from '../support/browser.ts';
import { appleHealthExportZip } from '../fixtures/generate-exports.ts';
import { toCutFit } from '../fixtures/generate-fit-files.ts';
import {
  dropFiles,
  morningDaysAgo,
  screenshot,
  signUp,
  steadyRunGpx,
  useBrowserPage,
  waitForMetrics,
} from './e2e-env.ts';

// A run cut 10:00 in, 3 days ago at 07:00 UTC: the file ends at 07:10 on the runner's clock (UTC).
const cutRun = () => toCutFit([{ durationS: 1800, speedMps: 3 }], 601, morningDaysAgo(3));

describeWithBrowser('importing files and exports in the browser', () => {
  const { env, page, errors } = useBrowserPage();

  beforeAll(async () => {
    await signUp(page, env.url, 'exports-runner@example.com', 'runner');
  });

  it(
    'shows each export and each file as it is read, with a recovered file’s warning',
    { timeout: 90_000 },
    async () => {
      await page.getByRole('link', { name: 'Import' }).click();
      await page.waitForURL(/\/import$/);
      const myRuns = zipSync({
        'watch/cut.fit': cutRun(),
        'watch/easy.gpx': strToU8(steadyRunGpx(5, 20)),
        'watch/broken.gpx': strToU8('<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="x">'),
      });
      await dropFiles(page, '#dropzone', [
        { name: 'export.zip', bytes: appleHealthExportZip(), type: 'application/zip' },
        { name: 'my-runs.zip', bytes: myRuns, type: 'application/zip' },
      ]);
      await page.locator('#upload-done').waitFor({ timeout: 60_000 });

      // One line per export, saying what it was recognised as.
      const exportsText = await page.locator('#upload-exports').innerText();
      expect(exportsText).toContain(
        'Apple Health export: 7 items, 3 days of resting heart rate and HRV',
      );
      expect(exportsText).toContain('ZIP of activity files: 3 items');
      // The fixture's six readable workouts, the three files of the plain ZIP (one broken), and
      // the Apple workout whose end date cannot be read.
      expect(await page.locator('#upload-results > li').count()).toBe(10);
      expect(await page.locator('#upload-results > li.status-done').count()).toBe(8);
      expect(await page.locator('#upload-results > li.status-failed').count()).toBe(2);
      expect(await page.locator('#upload-progress-text').innerText()).toBe(
        '10 of 10 files processed',
      );
      const cut = page.locator('#upload-results > li', { hasText: 'watch/cut.fit' });
      expect(await cut.locator('.file-warnings').innerText()).toBe(
        'Warning: the file ends early at 07:10 (10:00 into the activity): anything recorded after that is missing',
      );
      await screenshot(page, 'import-exports.png');

      await cut.getByRole('link', { name: 'View activity' }).click();
      await page.waitForURL(/\/activities\//);
      await page.locator('#file-warnings').waitFor();
      expect(await page.locator('#file-warnings').innerText()).toContain(
        'the file ends early at 07:10 (10:00 into the activity)',
      );
      await screenshot(page, 'activity-recovered.png');
    },
  );

  it('draws resting heart rate and HRV on the trends, saying the decision does not use them', async () => {
    await waitForMetrics(page);
    await page.getByRole('link', { name: 'Today' }).click();
    await page.locator('#weekly-chart svg').waitFor({ timeout: 20_000 });
    // The Apple Health values are from March 2026: the 52-week window holds them.
    await page.locator('#window-weeks').selectOption('52');
    await page.locator('#wellness-chart svg').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#wellness-chart svg').count()).toBe(2);
    expect(await page.locator('#wellness-not-used').innerText()).toContain(
      'today’s decision and the plan do not use resting heart rate or HRV yet',
    );
    mkdirSync(screenshotsDir, { recursive: true });
    await page.locator('#wellness-chart').screenshot({
      path: join(screenshotsDir, 'wellness.png'),
    });
    expect(errors).toEqual([]);
  });
});
