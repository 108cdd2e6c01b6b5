// The intensity line on the trends, in real Chromium: a new runner reads the empty state; after an
// easy run with 6 × 20 s strides at 5 m/s and a threshold pace of 4:00/km, the chart says 2 min
// above threshold (6 × 20 s) and 6 strides, and its caption names the threshold it used.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { stridesPlan, toGpx, track } from '../fixtures/generate-activity.ts';
import { describeWithBrowser } from '../support/browser.ts';
import {
  collectPageErrors,
  morningDaysAgo,
  screenshot,
  signUp,
  startE2e,
  waitForMetrics,
  type E2eEnv,
} from './e2e-env.ts';

describeWithBrowser('the intensity chart on the trends', () => {
  let env: E2eEnv;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    env = await startE2e();
    context = await env.browser.newContext({ baseURL: env.url, timezoneId: 'UTC' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    errors = collectPageErrors(page);
    await signUp(page, env.url, 'strides@example.com', 'runner');
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await env?.close();
  });

  it('shows the empty state, then 2 min above the threshold pace and 6 strides', async () => {
    const chart = page.locator('#intensity-chart');
    await chart.locator('.chart-empty').waitFor();
    expect(await chart.innerText()).toContain('strides and hill repeats will appear here');

    const gpx = toGpx(track(stridesPlan(6, 20), { startMs: morningDaysAgo(1) }), {
      type: 'running',
    });
    const status = await page.evaluate(async (gpx) => {
      await fetch('/api/athlete', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ thresholdPaceSPerKm: 240 }),
      });
      const form = new FormData();
      form.append('file', new Blob([gpx]), 'strides.gpx');
      const up = (await (await fetch('/api/uploads', { method: 'POST', body: form })).json()) as {
        uploads: Array<{ id: string }>;
      };
      for (let i = 0; i < 400; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const u = (await (await fetch(`/api/uploads/${up.uploads[0]?.id}`)).json()) as {
          status: string;
        };
        if (u.status !== 'queued' && u.status !== 'processing') return u.status;
      }
      return 'timeout';
    }, gpx);
    expect(status).toBe('done');
    await waitForMetrics(page);
    await page.goto('/');
    await chart.locator('svg[role="img"]').waitFor({ timeout: 20_000 });
    const summary = await chart.locator('.chart-summary').innerText();
    expect(summary).toMatch(
      /^2 min above threshold in 1 day of running, 6 strides and 0 hill repeats; the most in a week 2 min \(week of /,
    );
    // The text alternative is the same sentence.
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toBe(summary);
    expect(await chart.innerText()).toContain('minutes above the threshold pace (4:00/km)');
    await screenshot(page, 'intensity-chart.png');
    expect(errors).toEqual([]);
  });
});
