// In real Chromium: the home page lists the last 90 days of activities, 20 rows at first, and
// "Show older activities" goes on past them, reading the server's next page, until there are no
// more.
import { expect, it } from 'vitest';
import type { Activity } from '#shared/activity/activity';
import { insertActivity } from '#services/db/activities.repository';
import { withTransaction } from '#services/db/database';
import { describeWithBrowser } from '../support/browser.ts';
import { morningDaysAgo, signUp, useBrowserPage } from './e2e-env.ts';

const run = (startMs: number): Activity => ({
  format: 'gpx',
  sport: 'run',
  startAt: new Date(startMs),
  samples: [],
  laps: [],
  intervals: [],
  summary: { distanceM: 5000, movingS: 1800, elapsedS: 1800, elevationGainM: 0 },
  warnings: [],
});

/** The UTC day `d` days ago (tests run with TZ=UTC). */
const dayOf = (d: number) => new Date(morningDaysAgo(d)).toISOString().slice(0, 10);

describeWithBrowser('the activity list', () => {
  const { env, page } = useBrowserPage();

  it('shows 20 recent activities, then older ones on request until there are none', async () => {
    await signUp(page, env.url, 'older-runs@example.com', 'runner');
    const me = (await (await page.request.get('/api/me')).json()) as { athlete: { id: string } };
    // 23 runs in the last 90 days (every fourth day, days 0 … 88), 20 before (days 100 … 290).
    const daysAgo = [
      ...Array.from({ length: 23 }, (_, i) => 4 * i),
      ...Array.from({ length: 20 }, (_, i) => 100 + 10 * i),
    ];
    await withTransaction(env.pool, async (tx) => {
      for (const d of daysAgo)
        await insertActivity(tx, {
          athleteId: me.athlete.id,
          source: 'file',
          sourceId: `older-${d}`,
          uploadId: null,
          localDate: dayOf(d),
          activity: run(morningDaysAgo(d)),
        });
    });
    await page.reload();
    const rows = page.locator('#activities tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    const older = page.getByRole('button', { name: 'Show older activities' });
    await older.click();
    await rows.nth(39).waitFor();
    expect(await rows.count()).toBe(40);
    const day = (n: number) => rows.nth(n).locator('td time').first().getAttribute('datetime');
    expect(await day(23)).toBe(dayOf(100));
    await older.click();
    await rows.nth(42).waitFor();
    expect(await rows.count()).toBe(43);
    expect(await day(42)).toBe(dayOf(290));
    await older.waitFor({ state: 'hidden' });
  }, 120_000);
});
