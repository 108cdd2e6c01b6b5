// A Strava export's results on the Import page, in real Chromium: each file goes by its activity's
// name from activities.csv (not its path inside the ZIP), and a broken file's reason is said once,
// without the path repeated in front of it.
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeWithBrowser } from '../support/browser.ts';
import { dropFiles, signUp, steadyRunGpx, useBrowserPage } from './e2e-env.ts';

/** activities.csv as Strava writes it, one good run and one FIT file that is not a FIT file. */
function exportWithBrokenFit(): Uint8Array {
  const csv = [
    'Activity ID,Activity Date,Activity Name,Activity Type,Filename',
    '1004,"Nov 20, 2026, 7:00:00 AM",Tempo by the river,Run,activities/1004.gpx',
    '1005,"Nov 22, 2026, 7:00:00 AM",Hill repeats,Run,activities/1005.fit',
  ].join('\n');
  return zipSync({
    'activities.csv': strToU8(csv),
    'activities/1004.gpx': strToU8(steadyRunGpx(9, 30)),
    'activities/1005.fit': strToU8('this is no FIT file at all, only text'),
  });
}

describeWithBrowser('the results of an export ZIP', () => {
  const { env, page, errors } = useBrowserPage();

  it(
    'name each file by its activity and say a failure’s reason once',
    { timeout: 60_000 },
    async () => {
      await signUp(page, env.url, 'export-names@example.com', 'runner');
      await page.goto('/import');
      await dropFiles(page, '#dropzone', [
        { name: 'export_77.zip', bytes: exportWithBrokenFit(), type: 'application/zip' },
      ]);
      await page.locator('#upload-done').waitFor({ timeout: 30_000 });
      const done = page.locator('#upload-results li.status-done');
      expect(await done.locator('.file').innerText()).toBe('Tempo by the river');
      const failed = page.locator('#upload-results li.status-failed');
      expect(await failed.locator('.file').innerText()).toBe('Hill repeats');
      // The path stays at hand as the name's tooltip, and out of the line.
      expect(await failed.locator('.file').getAttribute('title')).toBe('activities/1005.fit');
      const line = await failed.innerText();
      expect(line).not.toContain('1005.fit');
      const reason = await failed.locator('.result').innerText();
      expect(reason).toMatch(/^Failed: \S.+/);
      // Said once: no part of the reason repeats itself.
      const said = reason.replace(/^Failed: /, '');
      expect(said.indexOf(said.slice(0, 12), 1)).toBe(-1);
      expect(errors).toEqual([]);
    },
  );
});
