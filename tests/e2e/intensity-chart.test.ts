// The intensity line on the trends, in real Chromium: a new runner reads the empty state; after an
// easy run with 6 × 20 s strides at 5 m/s and a threshold pace of 4:00/km, the chart says 2 min
// above threshold (6 × 20 s) and 6 strides, and its caption names the threshold it used; at stage
// 8 the activity page recognises the strides.
import { beforeAll, expect, it } from 'vitest';
import { stridesPlan, toGpx, track } from '../fixtures/generate-activity.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { morningDaysAgo, screenshot, signUp, useBrowserPage, waitForMetrics } from './e2e-env.ts';

describeWithBrowser('the intensity chart on the trends', () => {
  // Playwright's own default viewport, 1280 × 720.
  const { env, page, errors } = useBrowserPage({
    viewport: { width: 1280, height: 720 },
    stepTimeoutMs: 15_000,
  });

  beforeAll(async () => {
    await signUp(page, env.url, 'strides@example.com', 'runner');
  });

  it('shows the empty state, then 2 min above the threshold pace and 6 strides', async () => {
    const chart = page.locator('#intensity-chart');
    await chart.locator('.chart-empty').waitFor();
    expect(await chart.innerText()).toContain('strides and hill repeats will appear here');

    const gpx = toGpx(track(stridesPlan(6, 20), { startMs: morningDaysAgo(1) }), {
      type: 'running',
    });
    const before = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const done = await page.evaluate(
      async ({ gpx, before }) => {
        const send = (method: string, path: string, body: unknown) =>
          fetch(path, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        await send('PUT', '/api/athlete', { thresholdPaceSPerKm: 240 });
        await send('POST', '/api/progression/stage', { stage: 8, date: before });
        const form = new FormData();
        form.append('file', new Blob([gpx]), 'strides.gpx');
        const up = (await (await fetch('/api/uploads', { method: 'POST', body: form })).json()) as {
          uploads: Array<{ id: string }>;
        };
        for (let i = 0; i < 400; i++) {
          await new Promise((r) => setTimeout(r, 50));
          const u = (await (await fetch(`/api/uploads/${up.uploads[0]?.id}`)).json()) as {
            status: string;
            activityIds: string[];
          };
          if (u.status !== 'queued' && u.status !== 'processing')
            return { status: u.status, id: u.activityIds[0] ?? '' };
        }
        return { status: 'timeout', id: '' };
      },
      { gpx, before },
    );
    expect(done.status).toBe('done');
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

    // The activity page's comparison with stage 8 recognises the strides.
    await page.goto(`/activities/${done.id}`);
    await page
      .locator('#prescription-compare')
      .getByText(/33 min with 6 strides/)
      .waitFor();
    expect(await page.locator('#prescription-intensity').innerText()).toBe(
      'Fast running found in this session: 6 strides.',
    );
    expect(errors).toEqual([]);
  });
});
