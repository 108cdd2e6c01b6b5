// A new runner's trends in real Chromium, before any run and after the first: every empty chart
// says what will appear and how to get it there (no empty axes, no '000000' ticks), and once a run
// is in, the drawn charts have readable ticks and month labels inside the plot. Form is read against
// intervals.icu's zones only on a load built like theirs: not on session-RPE, but on rTSS.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { screenshot, signUp, steadyRunGpx, useBrowserPage, waitForMetrics } from './e2e-env.ts';

const RUN_CHARTS = ['#weekly-chart', '#spike-chart', '#acwr-chart', '#fitness-chart'];
/** The names of intervals.icu's form zones. */
const ZONE_NAMES = /High risk|Optimal|Grey zone|Fresh|Transition/;

/** Every tick label of the chart's plots, and whether each lies inside its svg. */
function ticksOf(page: Page, card: string) {
  return page.locator(`${card} svg text`).evaluateAll((els) =>
    els.map((e) => {
      const svg = e.closest('svg');
      const r = e.getBoundingClientRect();
      const box = svg?.getBoundingClientRect();
      const inside =
        !!box && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5;
      return { text: e.textContent ?? '', inside };
    }),
  );
}

describeWithBrowser('a new runner’s charts', () => {
  const { env, page, errors } = useBrowserPage({ viewport: { width: 1440, height: 900 } });

  it('before any run: each chart says what will appear and links to the import page', async () => {
    await signUp(page, env.url, 'first-charts@example.com', 'runner');
    await page.locator('#cross-chart').waitFor();
    for (const card of RUN_CHARTS) {
      const empty = page.locator(`${card} .chart-empty`);
      expect(await empty.innerText()).toMatch(/will appear here/);
      const link = empty.getByRole('link', { name: 'Upload a run or connect Strava' });
      expect(await link.getAttribute('href')).toBe('/import');
      // No empty axes: nothing drawn, and the summary still says what the chart holds.
      expect(await page.locator(`${card} svg`).count()).toBe(0);
      expect(await page.locator(`${card} .chart-summary`).innerText()).toMatch(/^No \w+/);
    }
    expect(await page.locator('#pain-chart .chart-empty').innerText()).toMatch(/check-in/);
    expect(await page.locator('#cross-chart .chart-empty').innerText()).toMatch(/cross-training/);
    // The stage in force (0) is drawn, with its month labels inside the plot, and named as where
    // the plan starts (not as begun on the window's first day).
    expect(await page.locator('#stage-chart .chart-summary').innerText()).toMatch(
      /^Stage 0 \(.+\): where the plan starts/,
    );
    expect(await page.locator('#stage-chart .stage-label text').first().textContent()).toBe('0');
    const stageTicks = await ticksOf(page, '#stage-chart');
    // Two-line ticks: the day over the month ('13' over 'Sep').
    expect(stageTicks.some((t) => /^\d+[A-Z][a-z]{2}$/.test(t.text))).toBe(true);
    expect(stageTicks.filter((t) => !t.inside)).toEqual([]);

    await page.locator('#fitness-chart .chart-empty a').click();
    await page.waitForURL(/\/import$/);
  });

  it(
    'after the first run: the run charts are drawn, with readable ticks inside the plot',
    {
      timeout: 60_000,
    },
    async () => {
      await page.getByLabel(/choose files/).setInputFiles([
        {
          name: 'first.gpx',
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(steadyRunGpx(3, 25)),
        },
      ]);
      await page.locator('#upload-done').waitFor({ timeout: 30_000 });
      await waitForMetrics(page);
      await page.getByRole('link', { name: 'Today' }).click();
      await page.locator('#spike-chart svg').waitFor({ timeout: 20_000 });
      for (const card of ['#weekly-chart', '#spike-chart', '#fitness-chart']) {
        expect(await page.locator(`${card} .chart-empty`).count()).toBe(0);
        const ticks = await ticksOf(page, card);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.filter((t) => /^0{3,}/.test(t.text))).toEqual([]);
        expect(ticks.filter((t) => !t.inside)).toEqual([]);
      }
      // The first run has nothing to compare with: its × is drawn in a colour, not white on white.
      const cross = page.locator('#spike-chart svg [data-mark="dot"] path').first();
      expect(await cross.getAttribute('stroke')).not.toBe('white');
      // Fitness, fatigue and form of the last day as a readout, with the model's caveat in view.
      // The load is session-RPE (the default): form is drawn without intervals.icu's zones, which
      // were made for power-based load, and a line says why.
      const readout = await page.locator('#fitness-readout').innerText();
      expect(readout).toMatch(/Fitness \(CTL\)\s+\d+/);
      expect(readout).toMatch(/Fatigue \(ATL\)\s+\d+/);
      expect(readout).toMatch(/Form \(TSB\)\s+[+−]?\d+/);
      expect(readout).not.toMatch(ZONE_NAMES);
      expect(await page.locator('#fitness-chart svg.form-zones').count()).toBe(0);
      const form = page.locator('#fitness-chart svg.form-panel');
      expect(await form.locator('[data-mark="line"]').count()).toBe(1);
      expect(await form.innerHTML()).not.toMatch(ZONE_NAMES);
      expect(await form.getAttribute('aria-label')).toMatch(
        /^Form each day; the latest [+−]?\d+\.$/,
      );
      expect(await page.locator('#form-zones-note').innerText()).toMatch(
        /^No form zones: .+power-based load.+session-RPE/,
      );
      expect(await page.locator('#form-zones-source').count()).toBe(0);
      expect(await page.locator('#fitness-chart .caveat').innerText()).toMatch(/not of hip health/);
      // 28 days of history are still missing for the ratio: it keeps its empty state.
      expect(await page.locator('#acwr-chart .chart-empty').count()).toBe(1);
      expect(errors).toEqual([]);
    },
  );

  it(
    'on rTSS load: form is drawn against the zones, and the readout names the zone',
    { timeout: 60_000 },
    async () => {
      // A threshold pace gives the run its rTSS; rTSS as the load basis rebuilds fitness from it.
      const athlete = await page.request.put('/api/athlete', {
        data: { thresholdPaceSPerKm: 300 },
      });
      expect(athlete.status()).toBe(200);
      const basis = await page.request.put('/api/progression', {
        data: { thresholds: { loadMeasure: 'rtss' } },
      });
      expect(basis.status()).toBe(200);
      await waitForMetrics(page);
      await page.reload();
      const zones = page.locator('#fitness-chart svg.form-zones');
      await zones.waitFor({ timeout: 20_000 });
      expect(await page.locator('#fitness-readout').innerText()).toMatch(
        new RegExp(`Form \\(TSB\\)\\s+[+−]?\\d+ · (${ZONE_NAMES.source})`),
      );
      expect(await zones.getAttribute('aria-label')).toMatch(/intervals\.icu zones; the latest/);
      // The five bands are drawn, each zone named where its band has room.
      expect(await zones.locator('[data-mark="rect"] rect').count()).toBe(5);
      expect(await zones.innerHTML()).toMatch(ZONE_NAMES);
      expect(await page.locator('#form-zones-source').innerText()).toMatch(
        /intervals\.icu.+optimal −30 to −10.+the load is rTSS/,
      );
      expect(await page.locator('#form-zones-note').count()).toBe(0);
      await screenshot(page, 'form-zones-rtss.png');
      expect(errors).toEqual([]);
    },
  );
});
