// The coach's alerts in real Chromium: a red flag of an athlete (night pain, reported in the
// athlete's check-in) reaches the coach's bell as an unread count; the bell, drawn as an inline
// SVG rather than an emoji, opens the inbox; "Mark read" clears the alert and the count. The
// browser tests' workers run without mail, so the test raises the alerts as the recompute job does
// once the athlete's metrics are in (mail off: the inbox fills without it).
import { expect, it } from 'vitest';
import { raiseAlerts } from '#services/coaching/raise-alerts';
import { createMailer } from '#services/mail/mailer';
import { describeWithBrowser } from '../support/browser.ts';
import { newContext, signUp, useBrowserPage, waitForMetrics } from './e2e-env.ts';

describeWithBrowser('the coach’s alert bell and inbox', () => {
  const { env, page: coach, errors } = useBrowserPage({ viewport: { width: 1440, height: 900 } });

  it(
    'a red flag shows on the bell, opens in the inbox and is marked read',
    { timeout: 90_000 },
    async () => {
      await signUp(coach, env.url, 'alert-coach@example.com', 'coach');
      await coach.locator('#alert-bell').waitFor();
      // The bell is a drawn icon, readable without an emoji font, and says there is nothing unread.
      expect(await coach.locator('#alert-bell svg.bell-icon path').count()).toBeGreaterThan(0);
      expect(await coach.locator('#alert-bell').innerText()).not.toMatch(
        /\p{Extended_Pictographic}/u,
      );
      expect(await coach.locator('#alert-bell').getAttribute('aria-label')).toBe('Alerts');
      const invite = await coach.evaluate(
        async () =>
          (
            (await (await fetch('/api/coach/invites', { method: 'POST' })).json()) as {
              token: string;
            }
          ).token,
      );

      // The athlete, in their own browser: accepts the invite, reports night pain this morning.
      const athlete = await (await newContext(env)).newPage();
      await signUp(athlete, env.url, 'alert-athlete@example.com', 'runner');
      const status = await athlete.evaluate(async (token) => {
        await fetch('/api/me/name', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'Maja' }),
        });
        const accepted = await fetch(`/api/invites/${token}/accept`, { method: 'POST' });
        const t = (await (await fetch('/api/today')).json()) as { date: string };
        const checkin = await fetch('/api/checkins', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ date: t.date, painAtRest: 1, nightPain: true }),
        });
        return [accepted.status, checkin.status];
      }, invite);
      expect(status).toEqual([201, 201]);

      await waitForMetrics(athlete);
      const athleteId = await athlete.evaluate(
        async () =>
          ((await (await fetch('/api/me')).json()) as { athlete: { id: string } }).athlete.id,
      );
      const mailer = createMailer({
        smtpUrl: undefined,
        from: 'hipcheck@example.com',
        log: () => {},
      });
      await raiseAlerts(
        { pool: env.pool, mailer, now: () => new Date(), publicUrl: env.url },
        athleteId,
      );

      // The coach's bell counts it on the next page.
      await coach.reload();
      await coach.locator('#alert-count').filter({ hasText: '1' }).waitFor();
      expect(await coach.locator('#alert-bell').getAttribute('aria-label')).toBe(
        'Alerts: 1 unread',
      );

      await coach.locator('#alert-bell').click();
      await coach.waitForURL(/\/coach\/alerts$/);
      const item = coach.locator('#alerts li.alert-item.unread');
      await item.waitFor();
      expect(await item.locator('.alert-kind').innerText()).toBe('Red flag');
      expect(await item.innerText()).toContain('Maja');

      await item.getByRole('button', { name: 'Mark read' }).click();
      await coach.locator('#alerts li.alert-item.unread').waitFor({ state: 'detached' });
      await coach.waitForFunction(() => document.getElementById('alert-count')?.textContent === '');
      expect(await coach.locator('#alert-bell').getAttribute('aria-label')).toBe('Alerts');
      // Read stays read: the server answers no unread alert.
      const after = await coach.evaluate(
        async () =>
          ((await (await fetch('/api/coach/alerts')).json()) as { unread: number }).unread,
      );
      expect(after).toBe(0);
      expect(errors).toEqual([]);
    },
  );
});
