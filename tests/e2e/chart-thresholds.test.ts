// The charts draw the athlete's own thresholds, as GET /api/progression answers them: a runner
// whose coach set tighter spike bands and pain zones reads those numbers on the charts,
// not the defaults of science.md.
import { expect, it } from 'vitest';
import { describeWithBrowser } from '../support/browser.ts';
import { signUp, useBrowserPage } from './e2e-env.ts';

describeWithBrowser('the charts in the browser', () => {
  const { env, page, errors } = useBrowserPage();

  it('words the spike bands and pain zones from the runner’s own thresholds', async () => {
    await signUp(page, env.url, 'own-thresholds@example.com', 'runner');
    await page.locator('#spike-chart').waitFor({ timeout: 20_000 });
    expect(await page.locator('#spike-chart').innerText()).toContain(
      '≤10 % ok (green), 10–30 % caution (amber), 30–100 % high (red)',
    );
    expect(await page.locator('#pain-chart').innerText()).toContain(
      'Zones: 0–2 green, 3–5 amber (do not progress), ≥6 red',
    );

    const put = await page.request.put('/api/progression', {
      data: {
        thresholds: {
          spikeCaution: 0.05,
          spikeHigh: 0.2,
          spikeVeryHigh: 0.5,
          painGreenMax: 1,
          painAmberMax: 3,
        },
      },
    });
    expect(put.status()).toBe(200);
    await page.reload();
    await page.locator('#spike-chart').waitFor({ timeout: 20_000 });
    expect(await page.locator('#spike-chart').innerText()).toContain(
      '≤5 % ok (green), 5–20 % caution (amber), 20–50 % high (red)',
    );
    expect(await page.locator('#pain-chart').innerText()).toContain(
      'Zones: 0–1 green, 2–3 amber (do not progress), ≥4 red',
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
