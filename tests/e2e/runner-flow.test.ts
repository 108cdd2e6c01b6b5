// The runner's flow in real Chromium: sign up, import a GPX and a Strava export ZIP (dropped on the
// page), read today's decision and the charts, check in, open an activity, change settings, and a
// night-pain check-in that turns the decision into "see a clinician". Screenshots of each page.
import { expect, it } from 'vitest';
import { describeWithBrowser } from '../support/browser.ts';
import {
  collectPageErrors,
  dropFiles,
  screenshot,
  signUp,
  steadyRunGpx,
  stravaExportZip,
  useBrowserPage,
  waitForMetrics,
} from './e2e-env.ts';

describeWithBrowser('the runner in the browser', () => {
  const { env, context, page, errors } = useBrowserPage();
  const email = 'morning-runner@example.com';

  it('signs up and lands on today’s decision with the check-in one tap away', async () => {
    await signUp(page, env.url, email, 'runner');
    await page.locator('#decision').waitFor();
    expect(await page.locator('#decision-action').innerText()).not.toBe('');
    expect(await page.locator('#plan li').count()).toBe(7);
    await page.locator('#getting-started').waitFor();
    expect(await page.getByRole('button', { name: /check-in/ }).isVisible()).toBe(true);
  });

  it(
    'imports a GPX with the file picker and a Strava export ZIP by drag and drop, with each file’s result',
    { timeout: 60_000 },
    async () => {
      await page.getByRole('link', { name: 'Import' }).click();
      await page.waitForURL(/\/import$/);
      const gpx = steadyRunGpx(4, 20);
      await page.getByLabel(/choose files/).setInputFiles([
        { name: 'easy-20.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx) },
        {
          name: 'easy-22.gpx',
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(steadyRunGpx(8, 22)),
        },
        {
          name: 'easy-18.gpx',
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(steadyRunGpx(20, 18)),
        },
      ]);
      await page.locator('#upload-done').waitFor({ timeout: 30_000 });
      expect(await page.locator('#upload-results li.status-done').count()).toBe(3);

      await dropFiles(page, '#dropzone', [
        { name: 'export_1234.zip', bytes: stravaExportZip(gpx), type: 'application/zip' },
      ]);
      await page.locator('#upload-done').waitFor({ timeout: 30_000 });
      const items = page.locator('#upload-results li');
      expect(await items.count()).toBe(4);
      expect(await page.locator('#upload-results li.status-done').count()).toBe(2);
      // An export's files go by their activities' names from activities.csv.
      expect(await page.locator('#upload-results li.status-duplicate').innerText()).toContain(
        'Same run again',
      );
      const failed = await page.locator('#upload-results li.status-failed').innerText();
      expect(failed).toContain('Broken watch');
      expect(failed).toMatch(/Failed: .+/);
      expect(await page.locator('#upload-progress').getAttribute('value')).toBe('1');

      // Strava is not configured on the test server: the button is off, and the page says why.
      await page.locator('#strava-status').getByText('Strava is off on this Hipcheck.').waitFor();
      expect(await page.locator('#strava-connect').isDisabled()).toBe(true);
      const off = page.locator('#strava-off');
      expect(await off.innerText()).toMatch(/no Strava app configured.+STRAVA_CLIENT_ID/);
      expect(await page.locator('#strava-connect').getAttribute('aria-describedby')).toBe(
        'strava-off',
      );
      // Settings says the same.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.locator('#settings-strava-status').getByText('Strava is off').waitFor();
      expect(await page.locator('#settings-strava-connect').isDisabled()).toBe(true);
      expect(await page.locator('#settings-strava-off').innerText()).toMatch(/STRAVA_CLIENT_ID/);
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await page.locator('#strava-status').getByText('Strava is off on this Hipcheck.').waitFor();
      await screenshot(page, 'import.png');
    },
  );

  it('shows the runs in the charts on one time axis, with the ACWR caveat in view', async () => {
    await waitForMetrics(page);
    await page.getByRole('link', { name: 'Today' }).click();
    await page.locator('#weekly-chart svg').waitFor({ timeout: 20_000 });
    expect(await page.locator('#activities tbody tr').count()).toBe(5);
    const bars = await page
      .locator('#weekly-chart svg g[data-mark="rect"] rect')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    expect(bars.filter((v) => v > 0).length).toBeGreaterThanOrEqual(2);
    for (const id of ['stage-chart', 'spike-chart', 'fitness-chart'])
      await page.locator(`#${id} svg`).first().waitFor();
    // Too little history for a ratio, and nothing logged yet: said in words, not an empty frame.
    expect(await page.locator('#acwr-chart').innerText()).toMatch(/28 days of history/);
    expect(await page.locator('#pain-chart').innerText()).toMatch(/No pain scores/);
    expect(await page.locator('#acwr-chart .caveat').innerText()).toMatch(/never the sole reason/i);
    expect(await page.locator('#weekly-chart').innerText()).toContain('(km)');
    // Same x domain everywhere: the first and last x tick labels match across charts.
    const ticks = await page
      .locator('.chart svg g[data-mark="x-axis tick label"]')
      .evaluateAll((gs) =>
        gs.map((g) =>
          [g.firstElementChild?.textContent, g.lastElementChild?.textContent].join('…'),
        ),
      );
    expect(new Set(ticks).size).toBe(1);
    await page.locator('#window-weeks').selectOption('4');
    await page.locator('#weekly-chart svg').waitFor();
    await page.locator('#window-weeks').selectOption('12');
    await page.locator('#weekly-chart svg').waitFor();
  });

  it('logs a check-in from the dialog and refreshes the decision', async () => {
    await page.locator('#open-checkin').click();
    const dialog = page.locator('dialog#checkin');
    await dialog.waitFor();
    const score = (question: RegExp, n: number) =>
      dialog
        .getByRole('group', { name: question })
        .getByRole('radio', { name: `${n} of 10`, exact: true })
        .check();
    await score(/Pain this morning, on waking/, 1);
    await score(/Hip stiffness this morning/, 2);
    await dialog.locator('#checkin-more summary').click();
    await score(/^Pain at rest/, 0);
    await dialog.getByLabel('Notes').fill('Felt fine on the stairs.');
    await screenshot(page, 'checkin.png', false);
    await dialog.getByRole('button', { name: 'Save check-in' }).click();
    await page
      .locator('#home-status')
      .getByText(/Check-in saved/)
      .waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.locator('#pain-chart svg').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'home.png');
  });

  it('logs a cross-training session that reaches the cross-training chart, not the running distance', async () => {
    await page.locator('#open-cross-training').click();
    const dialog = page.locator('dialog#cross-training');
    await dialog.waitFor();
    await dialog.getByLabel('Kind').selectOption('ride');
    await dialog.getByLabel('Minutes').fill('45');
    await dialog.getByLabel(/RPE/).fill('5');
    await dialog.getByRole('button', { name: 'Save session' }).click();
    await page
      .locator('#home-status')
      .getByText(/Cross-training saved/)
      .waitFor();
    const rows = await page.evaluate(async () => (await fetch('/api/cross-training')).json());
    expect(rows).toEqual([expect.objectContaining({ kind: 'ride', minutes: 45, rpe: 5 })]);
    // Once recomputed, today's row holds the 45 minutes (load), and no running distance from them.
    const date = (rows as Array<{ date: string }>)[0]?.date ?? '';
    await expect
      .poll(
        async () =>
          page.evaluate(async (d) => {
            const days = (await (
              await fetch(`/api/metrics/daily?from=${d}&to=${d}`)
            ).json()) as Array<{
              load?: { crossTrainingMin: number };
            }>;
            return days[0]?.load?.crossTrainingMin ?? 0;
          }, date),
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(45);
    await page.locator('#cross-chart svg').first().waitFor({ timeout: 15_000 });
  });

  it('opens an activity with its streams, bouts and the comparison with the stage', async () => {
    await page.locator('#activities a', { hasText: 'Walk-run' }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]+$/);
    await page.locator('#pace-chart svg').waitFor();
    await page.locator('#hr-chart svg').waitFor();
    await page.locator('#ele-chart svg').waitFor();
    expect(await page.locator('#intervals tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#prescription-compare').innerText()).toMatch(/run bouts|prescribe/);
    await screenshot(page, 'activity.png');
    await page.goBack();
    await page.locator('#decision').waitFor();
  });

  it('saves settings: miles change the axes', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Units').selectOption('mi');
    await page.getByLabel('Maximum heart rate (bpm)').fill('188');
    await page.getByLabel('Resting heart rate (bpm)').fill('52');
    await page.getByLabel(/Threshold pace/).fill('4:50');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('#profile-form .status').getByText(/Saved/).waitFor();
    expect(await page.locator('#coaches').innerText()).toMatch(/No coach can see your data/);
    expect(await page.locator('#export-link').getAttribute('href')).toBe('/api/export');
    await screenshot(page, 'settings.png');
    await waitForMetrics(page);
    await page.getByRole('link', { name: 'Today' }).click();
    await page.locator('#weekly-chart svg').waitFor();
    expect(await page.locator('#weekly-chart').innerText()).toContain('(mi)');
  });

  it('turns to "see a clinician" after a night-pain check-in, naming the red flag and suggesting no run', async () => {
    await page.locator('#open-checkin').click();
    const dialog = page.locator('dialog#checkin');
    await dialog.getByLabel(/Hip pain at night/).check();
    await dialog.getByRole('button', { name: 'Save check-in' }).click();
    await page.locator('#decision-action').getByText('See a clinician').waitFor();
    expect(await page.locator('#hold').innerText()).toMatch(/night/i);
    expect(await page.locator('#how-to-clear').innerText()).toMatch(/clinician/i);
    const planned = await page.locator('#plan .plan-action').allInnerTexts();
    expect(planned[0]).toBe('See a clinician');
    expect(planned.filter((a) => a.startsWith('Run'))).toEqual([]);
  });

  it('fits a 390 × 844 phone: no sideways scrolling, the decision first', async () => {
    const phone = await env.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
      baseURL: env.url,
      timezoneId: 'UTC',
    });
    const p = await phone.newPage();
    const phoneErrors = collectPageErrors(p);
    await p.goto(env.url);
    await p.locator('#weekly-chart svg').waitFor({ timeout: 20_000 });
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // First the decision, or, while the runner has not chosen a stage, the question of where they
    // start ("Use stage N") with the decision still on the first half of the screen.
    const box = await p.locator('#decision').boundingBox();
    const asked = (await p.locator('#start-card').count()) > 0;
    if (asked) expect((await p.locator('#start-card').boundingBox())?.y ?? 999).toBeLessThan(200);
    expect(box?.y ?? 999).toBeLessThan(asked ? 844 / 2 : 200);
    await screenshot(p, 'home-phone.png', false);
    expect(phoneErrors).toEqual([]);
    await phone.close();
    expect(errors).toEqual([]);
  });
});
