// Strava as a runner and their coach meet it in real Chromium, against the fake Strava: connecting
// from the Import page (it says 180 days, as the server does), a page in words for each way a
// connection fails (never JSON) and for Strava's own athlete-limit page, "Strava last synced" and
// the warning while syncing fails on the Today page and the coach's roster, the day Strava was
// disconnected with a way to reconnect, and the whole history with an honest estimate.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser } from '../support/browser.ts';
import { ensureDashboardBuilt } from '../support/dashboard-build.ts';
import { eventually } from '../support/pipeline.ts';
import { startStravaPipeline, type StravaPipeline } from '../support/strava-pipeline.ts';
import { collectPageErrors, screenshot, signUp } from './e2e-env.ts';

// 100 reads a day (95 after the margin; backfills may use 76): enough for the flow, and too
// little for the whole history at the end, which then waits for tomorrow with an estimate.
const LIMITS = { shortLimit: 1000, dailyLimit: 1000, readShortLimit: 1000, readDailyLimit: 100 };
const DAY = 86_400_000;

describeWithBrowser('Strava in the browser', () => {
  let p: StravaPipeline;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let athleteId = 0;

  beforeAll(async () => {
    p = await startStravaPipeline({
      fake: { rateLimits: LIMITS },
      limits: LIMITS,
      maxWaitMs: 200,
      dashboardDir: await ensureDashboardBuilt(),
    });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      timezoneId: 'UTC',
      baseURL: p.url,
    });
    page = await context.newPage();
    errors = collectPageErrors(page);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await p?.close();
  });

  /** A fresh browser context: another runner. */
  async function otherRunner(email: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 900, height: 800 }, baseURL: p.url });
    const other = await ctx.newPage();
    await signUp(other, p.url, email, 'runner');
    return other;
  }

  async function connectFromImport(on: Page): Promise<void> {
    await on.goto('/import');
    await on.locator('#strava-connect:visible').click();
    await on.waitForURL(/\/strava\/callback\?outcome=/);
    await on.locator('#strava-callback').waitFor();
  }

  const outcomeOf = (on: Page) => on.locator('#strava-callback').getAttribute('data-outcome');

  it('connects from the Import page, which says 180 days as the server does', async () => {
    await signUp(page, p.url, 'strava-runner@example.com', 'runner');
    const athlete = p.fake.addAthlete({ firstname: 'Robin' });
    athleteId = athlete.id;
    p.fake.generateActivities(athlete.id, 10, { sports: ['Run'], spacingHours: 30 });
    // A longer history, older than the 180 days imported on connecting.
    p.fake.generateActivities(athlete.id, 60, {
      sports: ['Run'],
      spacingHours: 40,
      endAt: new Date(Date.now() - 200 * DAY),
    });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    await page.goto('/settings');
    await page.locator('#settings-strava-status').getByText('Not connected.').waitFor();
    expect(await page.locator('#settings-strava-connect').isEnabled()).toBe(true);
    await page.goto('/import');
    await page.locator('#strava-intro').getByText('your last 180 days').waitFor();
    // Strava is configured on this server: the button is live, with no reason against it.
    expect(await page.locator('#strava-connect').isEnabled()).toBe(true);
    expect(await page.locator('#strava-off').isHidden()).toBe(true);
    await connectFromImport(page);
    expect(await outcomeOf(page)).toBe('connected');
    expect(await page.locator('h1').innerText()).toBe('Strava is connected');
    await page.locator('#strava-callback-status').getByText('The last 180 days').waitFor();
  });

  it('shows “Strava last synced” under today’s decision', async () => {
    await eventually(
      async () =>
        (await p.db.pool.query("SELECT 1 FROM strava_accounts WHERE backfill_state = 'done'")).rows
          .length === 1,
      20_000,
      'the backfill',
    );
    await page.goto('/');
    await page
      .locator('#strava-last-synced')
      .getByText(/^Strava last synced (just now|\d+ minutes? ago)\.$/)
      .waitFor();
    expect(await page.locator('#strava-warning').count()).toBe(0);
  });

  it('warns on Today and on the coach’s roster while Strava sync fails', async () => {
    // A coach the runner gave access.
    const coachContext = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      baseURL: p.url,
    });
    const coach = await coachContext.newPage();
    await signUp(coach, p.url, 'strava-coach@example.com', 'coach');
    const invite = await coach.request.post('/api/coach/invites');
    const { token } = (await invite.json()) as { token: string };
    expect((await page.request.post(`/api/invites/${token}/accept`)).status()).toBe(201);

    p.fake.injectFault({ path: '/api/v3/athlete/activities', status: 503, times: 1000 });
    // Back after two hours: opening the app asks for a catch-up, which fails.
    await p.db.pool.query(
      "UPDATE strava_accounts SET catch_up_requested_at = now() - interval '2 hours' WHERE strava_athlete_id = $1",
      [athleteId],
    );
    await page.goto('/');
    await eventually(
      async () => {
        await page.reload();
        await page.locator('#strava-sync').waitFor({ state: 'attached' });
        return (await page.locator('#strava-warning').count()) === 1;
      },
      20_000,
      'the warning on Today',
    );
    expect(await page.locator('#strava-warning').innerText()).toMatch(
      /^Strava sync has been failing since .+\. Runs recorded since then may be missing here, so today’s decision may be computed without them\.$/,
    );
    await screenshot(page, 'today-strava-warning.png', false);

    await coach.goto('/coach');
    await coach.locator('#roster-strava').getByText('Strava sync has been failing since').waitFor();
    expect(await coach.locator('#roster-strava li strong').innerText()).toBe(
      'strava-runner@example.com',
    );
    // At this width the roster is a table; each athlete's phone card (hidden here) has its line too.
    await coach
      .locator('tr .strava-sync-line')
      .getByText(/^Strava last synced/)
      .waitFor();
    await screenshot(coach, 'coach-roster-strava.png');
    await coachContext.close();
    p.fake.clearFaults();
    // The catch-up's retry goes through, and the warning goes away.
    await eventually(
      async () => {
        const s = (await (await page.request.get('/api/strava/status')).json()) as {
          sync: { warning: string | null };
        };
        return s.sync.warning === null;
      },
      30_000,
      'the sync working again',
    );
  }, 90_000);

  it('says on Today on which day Strava was disconnected, and reconnects from there', async () => {
    expect((await p.fake.deauthorizeAthlete(athleteId))?.status).toBe(200);
    await eventually(
      async () => {
        await page.goto('/');
        await page.locator('#strava-sync').waitFor({ state: 'attached' });
        return (await page.locator('#strava-disconnected').count()) === 1;
      },
      20_000,
      'the disconnection on Today',
    );
    const today = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
      .formatToParts(new Date())
      .map((x) => x.value)
      .join('')
      .replace(',', '');
    expect(await page.locator('#strava-disconnected').innerText()).toBe(
      `Strava was disconnected on ${today} (Hipcheck’s access was removed on Strava). Runs recorded since then are not in Hipcheck, so today’s decision does not count them.`,
    );
    await screenshot(page, 'today-strava-disconnected.png', false);
    await page.getByRole('button', { name: 'Reconnect Strava' }).click();
    await page.waitForURL(/\/strava\/callback\?outcome=connected/);
    await page.goto('/');
    await page.locator('#strava-last-synced').waitFor();
    expect(await page.locator('#strava-disconnected').count()).toBe(0);
  });

  it.each([
    ['denied', { deny: true }, 'Strava was not connected'],
    ['scope_missing', { scope: 'read,activity:read' }, 'Hipcheck needs to see all your activities'],
  ] as const)(
    'a page for %s, in words, with a way to try again',
    async (outcome, behaviour, title) => {
      const other = await otherRunner(`callback-${outcome}@example.com`);
      p.fake.setAuthorizeBehaviour({ athleteId: p.fake.addAthlete().id, ...behaviour });
      await connectFromImport(other);
      expect(await outcomeOf(other)).toBe(outcome);
      expect(await other.locator('h1').innerText()).toBe(title);
      const text = await other.locator('main').innerText();
      expect(text).not.toContain('{');
      expect(await other.getByRole('button', { name: 'Connect with Strava' }).isVisible()).toBe(
        true,
      );
      if (outcome === 'scope_missing') {
        expect(text).toContain('View data about your private activities');
        await screenshot(other, 'strava-callback.png');
      }
      await other.context().close();
    },
  );

  it('a page for a link used twice, and for one that expired', async () => {
    const other = await otherRunner('callback-twice@example.com');
    p.fake.setAuthorizeBehaviour({ athleteId: p.fake.addAthlete().id });
    let callback = '';
    other.on('request', (r) => {
      if (r.url().includes('/api/strava/callback')) callback = r.url();
    });
    await connectFromImport(other);
    expect(await outcomeOf(other)).toBe('connected');
    await other.goto(callback);
    await other.locator('#strava-callback').waitFor();
    expect(await outcomeOf(other)).toBe('state_used');
    await other.locator('#strava-callback-status').getByText('Your Strava is connected.').waitFor();
    await other.goto('/strava/callback?outcome=state_expired');
    expect(await other.locator('h1').innerText()).toBe('The Strava link expired');
    await other.context().close();
  });

  it('Strava’s own page for an unreviewed app’s athlete limit: back on Import, the runner is told what it means', async () => {
    const other = await otherRunner('over-the-limit@example.com');
    const connected = await p.db.pool.query(
      "SELECT 1 FROM strava_accounts WHERE status = 'connected'",
    );
    p.fake.setAthleteCapacity(connected.rows.length);
    p.fake.setAuthorizeBehaviour({ athleteId: p.fake.addAthlete().id });
    await other.goto('/import');
    await other.locator('#strava-connect:visible').click();
    await other.getByText('Error 403: Limit of connected athletes exceeded').waitFor();
    await other.goBack();
    await other.waitForURL(/\/import$/);
    await other
      .locator('#strava-stranded')
      .getByText('Limit of connected athletes exceeded')
      .waitFor();
    await screenshot(other, 'strava-athlete-limit.png');
    p.fake.setAthleteCapacity(undefined);
    await other.context().close();
  });

  it('offers the whole history on the Import page and says how long it will take at today’s budget', async () => {
    await page.goto('/import');
    await page.getByRole('button', { name: 'Import my whole Strava history' }).click();
    // The estimate shows as soon as the activities are listed; the next batch once the worker has
    // spent today's read budget and deferred the rest (on a busy machine, a few polls later).
    const settled =
      /^Connected\. \d+ of 70 activities, next batch at \d\d:\d\d tomorrow — about \d+ more days? at today’s budget$/;
    await eventually(
      async () => settled.test(await page.locator('#strava-status').innerText()),
      30_000,
      'the next batch and the estimate',
    );
    await screenshot(page, 'import-strava.png');
    expect(errors).toEqual([]);
  }, 60_000);
});
