// The coach's flow in real Chromium — invite, accept in the runner's own browser, roster, athlete
// page, change the stage, a note — and the access tests: a coach without a grant and another
// runner get the "not found" page and a 404 from every athlete route.
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import {
  newContext,
  screenshot,
  signUp,
  steadyRunGpx,
  useBrowserPage,
  usePage,
  waitForMetrics,
  walkRunGpx,
} from './e2e-env.ts';

describeWithBrowser('the coach in the browser', () => {
  const { env, context: coachCtx, page: coach, errors } = useBrowserPage();
  // The runner in a browser of their own; their page's errors count too.
  const { page: runner } = usePage(env, { errors });
  let athleteId = '';
  let activityId = '';
  const runnerEmail = 'coached-runner@example.com';
  const coachEmail = 'the-coach@example.com';

  describe('invite, accept, roster, athlete page', () => {
    it('a coach signs up, lands on the roster and creates an invite link', async () => {
      await signUp(coach, env.url, coachEmail, 'coach');
      await coach.locator('#roster-empty').waitFor();
      await coach.getByRole('button', { name: 'Create an invite link' }).click();
      const url = await coach.locator('#invite-url').inputValue();
      expect(url).toMatch(/\/invite\/[\w-]+$/);
      await coach.getByRole('button', { name: 'Copy link' }).waitFor();

      // The runner, in another browser context, with a few runs, opens the link and accepts.
      await signUp(runner, env.url, runnerEmail, 'runner');
      await runner.goto(`${env.url}/import`);
      await runner.getByLabel(/choose files/).setInputFiles([
        {
          name: 'a.gpx',
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(steadyRunGpx(9, 20)),
        },
        {
          name: 'b.gpx',
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(steadyRunGpx(5, 24)),
        },
        { name: 'c.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(walkRunGpx(2)) },
      ]);
      await runner.locator('#upload-done').waitFor({ timeout: 30_000 });
      await waitForMetrics(runner);
      const token = url.split('/invite/')[1] ?? '';
      await runner.goto(`${env.url}/invite/${token}`);
      await runner.locator('#invite-page').getByText(coachEmail).first().waitFor();
      await runner.getByRole('button', { name: `Share my data with ${coachEmail}` }).click();
      await runner
        .locator('#invite-page')
        .getByText(/can now see your data/)
        .waitFor();
    });

    it('the roster shows the runner with a sparkline and today’s decision', async () => {
      await coach.reload();
      const row = coach.locator('#roster tbody tr', { hasText: runnerEmail });
      await row.waitFor();
      athleteId = (await row.getAttribute('data-athlete-id')) ?? '';
      expect(athleteId).not.toBe('');
      expect(await row.locator('svg').count()).toBe(1);
      expect(await row.innerText()).toMatch(/Walk|Run|Cross|Strength|Rest|clinician/);
      await screenshot(coach, 'coach-roster.png');
    });

    it(
      'the coach opens the athlete page, sets the stage, edits the plan and leaves a note; the runner sees them',
      { timeout: 60_000 },
      async () => {
        await coach.getByRole('link', { name: runnerEmail }).click();
        await coach.waitForURL(new RegExp(`/coach/athletes/${athleteId}$`));
        await coach.locator('#decision').waitFor();
        await coach.locator('#weekly-chart svg').waitFor({ timeout: 20_000 });
        activityId =
          (await coach.locator('#activities tbody tr').first().getAttribute('data-activity-id')) ??
          '';
        await coach.getByLabel('Stage from today').selectOption('3');
        await coach.getByLabel(/Reason/).fill('Cleared by the physio');
        await coach.getByRole('button', { name: 'Set stage' }).click();
        await coach
          .locator('#stage-status')
          .getByText(/Stage 3 set/)
          .waitFor();
        await coach
          .locator('#decision .eyebrow')
          .getByText(/Stage 3/)
          .waitFor();
        await coach.getByLabel(/New note/).fill('Nice steady week. Keep the walk breaks honest.');
        await coach.getByRole('button', { name: 'Add note' }).click();
        await coach.locator('#coach-notes').getByText('Nice steady week').waitFor();

        // The plan: stage 1 becomes 8 repeats instead of 10, then the default comes back. Saving
        // redraws the page with the new plan.
        const progression = () =>
          coach.evaluate(
            async (id) =>
              (await (await fetch(`/api/athletes/${id}/progression`)).json()) as {
                customPlan: boolean;
                plan: Array<{ stage: number; repeats: number; runMin: number; walkMin: number }>;
              },
            athleteId,
          );
        await coach.locator('#coach-tools summary', { hasText: 'Plan' }).click();
        await coach.getByLabel('Stage 1 repeats').fill('8');
        await coach.getByRole('button', { name: 'Save plan' }).click();
        await expect
          .poll(async () => (await progression()).customPlan, { timeout: 10_000 })
          .toBe(true);
        expect((await progression()).plan[1]).toMatchObject({
          stage: 1,
          repeats: 8,
          runMin: 1,
          walkMin: 2,
        });
        // The editor may have been redrawn closed: open it (again) without toggling it shut.
        await coach
          .locator('#coach-tools details', { has: coach.locator('summary', { hasText: 'Plan' }) })
          .evaluate((el) => ((el as HTMLDetailsElement).open = true));
        await expect(coach.getByLabel('Stage 1 repeats').inputValue()).resolves.toBe('8');
        await coach.getByRole('button', { name: 'Restore the default plan' }).click();
        await expect
          .poll(async () => (await progression()).customPlan, { timeout: 10_000 })
          .toBe(false);
        expect((await progression()).plan[1]).toMatchObject({ repeats: 10 });
        // The editor shows the restored numbers.
        await expect(coach.getByLabel('Stage 1 repeats').inputValue()).resolves.toBe('10');
        await screenshot(coach, 'coach-athlete.png');

        await runner.goto(env.url);
        await runner
          .locator('#decision .eyebrow')
          .getByText(/Stage 3/)
          .waitFor();
        await runner.locator('#notes').getByText('Nice steady week').waitFor();
      },
    );

    it('the runner replies under the note; the coach’s roster shows it unread until the athlete page is opened', async () => {
      const thread = runner.locator('#runner-notes .note-thread', { hasText: 'Nice steady week' });
      await thread.getByLabel('Your reply').fill('Thanks, the breaks felt easy.');
      await thread.getByRole('button', { name: 'Reply' }).click();
      await runner
        .locator('#runner-notes .note-reply')
        .getByText('Thanks, the breaks felt easy.')
        .waitFor();
      await coach.goto(`${env.url}/coach`);
      const row = coach.locator(`#roster tbody tr[data-athlete-id="${athleteId}"]`);
      await row.locator('.badge.unread').getByText('1 new reply').waitFor();
      await coach.goto(`${env.url}/coach/athletes/${athleteId}`);
      const reply = coach.locator('#coach-notes .note-reply', { hasText: 'the breaks felt easy' });
      await reply.locator('.note-new').waitFor();
      await expect
        .poll(async () =>
          coach.evaluate(async () =>
            (
              (await (await fetch('/api/coach/athletes')).json()) as Array<{
                unreadReplies: number;
              }>
            )
              .map((r) => r.unreadReplies)
              .reduce((a, b) => a + b, 0),
          ),
        )
        .toBe(0);
    });
  });

  describe('a red flag on the coach’s page', () => {
    it('the coach sees the hold and records the clinician’s clearance for the athlete', async () => {
      // The runner reports the hip giving way this morning.
      const date = await runner.evaluate(async () => {
        const t = (await (await fetch('/api/today')).json()) as { date: string };
        await fetch('/api/checkins', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ date: t.date, painMorning: 1, givingWay: true }),
        });
        return t.date;
      });
      await coach.reload();
      const hold = coach.locator('#hold');
      await hold.waitFor();
      expect(await coach.locator('#decision-action').innerText()).toBe('See a clinician');
      expect(await hold.innerText()).toMatch(/giving way/i);
      await hold.getByText(/record it/).click();
      const form = coach.locator('#clearance-form');
      // The athlete is named as the reasons name them (the part of the email before the @).
      await form.getByLabel(`Date a clinician saw ${runnerEmail.split('@')[0]}’s hip`).fill(date);
      await form.getByLabel('Restart at').selectOption('2');
      const posted = coach.waitForRequest((r) =>
        r.url().endsWith(`/athletes/${athleteId}/clearances`),
      );
      await form.getByRole('button', { name: 'Record the clearance' }).click();
      expect((await posted).postDataJSON()).toEqual({ date, stage: 2 });
      await coach
        .locator('#decision .eyebrow')
        .getByText(/Stage 2/)
        .waitFor();
      expect(await coach.locator('#hold').count()).toBe(0);
      const mine = await runner.evaluate(
        async () =>
          (await (await fetch('/api/clearances')).json()) as Array<{ by: string; stage: number }>,
      );
      expect(mine[0]).toMatchObject({ by: 'coach', stage: 2 });
    });
  });

  describe('units', () => {
    it("reads the athlete's runs in the athlete's units: miles on the roster, the page and a run", async () => {
      // The runner reads miles and shares each run's details (the coach's way to a run's page).
      const saved = await runner.evaluate(async () => {
        const send = (method: string, path: string, body: unknown) =>
          fetch(path, {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }).then((r) => r.status);
        const grants = (await (await fetch('/api/grants')).json()) as Array<{ coachId: string }>;
        return [
          await send('PUT', '/api/athlete', { units: 'mi' }),
          await send('PATCH', `/api/grants/${grants[0]?.coachId}`, { shareActivityDetails: true }),
        ];
      });
      expect(saved).toEqual([200, 200]);
      await coach.goto(`${env.url}/coach`);
      const row = coach.locator('#roster tbody tr', { hasText: runnerEmail });
      await expect
        .poll(() => row.locator('.spark-scale').innerText())
        .toMatch(/^bars: mi a day, top \d+\.\d mi$/);
      await coach.goto(`${env.url}/coach/athletes/${athleteId}`);
      await coach.locator('#activities tbody tr').first().waitFor();
      expect(await coach.locator('#activities').innerText()).toMatch(/\d mi\b/);
      expect(await coach.locator('#activities').innerText()).not.toMatch(/\d km\b/);
      await coach.goto(`${env.url}/coach/athletes/${athleteId}/activities/${activityId}`);
      await expect
        .poll(() => coach.locator('#activity-stats [data-stat="distance"] dd').innerText())
        .toMatch(/^\d+\.\d\d mi$/);
    });
  });

  describe('access', () => {
    const athleteRoutes = () => [
      ['GET', 'today'],
      ['GET', 'metrics/daily'],
      ['GET', 'metrics/weekly'],
      ['GET', 'activities'],
      ['GET', `activities/${activityId}`],
      ['GET', 'checkins'],
      ['GET', 'cross-training'],
      ['GET', 'progression'],
      ['PUT', 'progression'],
      ['POST', 'progression/stage'],
      ['GET', 'notes'],
      ['POST', 'notes'],
      ['GET', 'clearances'],
      ['POST', 'clearances'],
    ];

    const bodies: Record<string, unknown> = {
      progression: { startStage: 0 },
      'progression/stage': { stage: 1 },
      notes: { body: 'hello' },
      clearances: { date: '2026-01-01' },
    };

    async function expectNoAccess(ctx: BrowserContext): Promise<void> {
      const page = await ctx.newPage();
      await page.goto(`${env.url}/coach/athletes/${athleteId}`);
      await page.locator('#not-found').waitFor();
      expect(await page.locator('#decision').count()).toBe(0);
      await page.goto(`${env.url}/coach/athletes/${athleteId}/activities/${activityId}`);
      await page.locator('#not-found').waitFor();
      for (const [method, path] of athleteRoutes()) {
        const res = await ctx.request.fetch(`/api/athletes/${athleteId}/${path}`, {
          method: method ?? 'GET',
          ...(method === 'GET' ? {} : { data: bodies[path ?? ''] ?? {} }),
        });
        expect(`${method} ${path}: ${res.status()}`).toBe(`${method} ${path}: 404`);
      }
      await page.close();
    }

    it('a coach without a grant gets the not-found page and 404 on every athlete route', async () => {
      const other = await newContext(env);
      const page = await other.newPage();
      await signUp(page, env.url, 'other-coach@example.com', 'coach');
      await page.close();
      await expectNoAccess(other);
      await other.close();
    });

    it('another runner gets the not-found page and 404 on every athlete route', async () => {
      const other = await newContext(env);
      const page = await other.newPage();
      await signUp(page, env.url, 'another-runner@example.com', 'runner');
      await page.close();
      await expectNoAccess(other);
      await other.close();
    });

    it('after the runner revokes access in Settings, the coach gets the not-found page', async () => {
      runner.on('dialog', (d) => void d.accept());
      await runner.getByRole('link', { name: 'Settings' }).click();
      await runner.getByRole('button', { name: `Revoke ${coachEmail}` }).click();
      await runner
        .locator('#coaches')
        .getByText(/No coach can see your data/)
        .waitFor();
      await expectNoAccess(coachCtx);
      expect(errors).toEqual([]);
    });
  });
});
