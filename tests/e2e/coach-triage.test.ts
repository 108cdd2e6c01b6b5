// The coach's morning in real Chromium, at a desktop size (1440×900) and a phone's (390×844):
// a newcomer opens the invite link in a fresh browser and signs up and accepts in one go; the
// roster names them and shows today's decision with its first reason, the same sentence as the
// athlete page; on a phone each athlete is one card, name, decision and reason first. An activity
// the athlete shares only as derived load (the default) is a plain row that says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithBrowser } from '../support/browser.ts';
import { newContext, signUp, steadyRunGpx, useBrowserPage } from './e2e-env.ts';

const SIZES = [
  { label: 'desktop', width: 1440, height: 900 },
  { label: 'phone', width: 390, height: 844 },
] as const;

describeWithBrowser('the coach’s triage in the browser', () => {
  // The coach's page errors, and those of every athlete's page below.
  const { env, page: coach, errors } = useBrowserPage({ viewport: { width: 1440, height: 900 } });

  beforeAll(async () => {
    await signUp(coach, env.url, 'kari-coach@example.com', 'coach');
    await coach.locator('#roster-empty').waitFor();
  });

  async function inviteUrl(): Promise<string> {
    return coach.evaluate(
      async () =>
        ((await (await fetch('/api/coach/invites', { method: 'POST' })).json()) as { url: string })
          .url,
    );
  }

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height}`, () => {
      const name = `Maja ${size.label}`;
      let athleteId = '';

      it('a newcomer in a fresh browser signs up and accepts from the invite link in one go', async () => {
        const url = new URL(await inviteUrl());
        const ctx = await newContext(env, size.width, size.height);
        const page = await ctx.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${env.url}${url.pathname}`);
        await page.locator('#invite-intro').getByText('kari-coach@example.com').waitFor();
        await page.getByLabel(/Your name/).fill(name);
        await page.getByLabel('Email').fill(`maja-${size.label}@example.com`);
        await page.getByLabel(/Password/).fill('a good long password');
        await page.getByRole('button', { name: 'Create my account and share' }).click();
        await page
          .locator('#invite-accepted')
          .getByText(/can now see your data/)
          .waitFor();
        // Pain this morning: the decision's first reason is about it.
        athleteId = await page.evaluate(async () => {
          const me = (await (await fetch('/api/me')).json()) as {
            athlete: { id: string; timezone: string };
          };
          const t = (await (await fetch('/api/today')).json()) as { date: string };
          await fetch('/api/checkins', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ date: t.date, painMorning: 4, painAtRest: 2 }),
          });
          return me.athlete.id;
        });
        // Yesterday's run, uploaded as the athlete: the coach's list shows it as derived load.
        const uploaded = await page.evaluate(
          async (gpx) => {
            const form = new FormData();
            form.append('file', new Blob([gpx]), 'easy.gpx');
            const res = await fetch('/api/uploads', { method: 'POST', body: form });
            const id = ((await res.json()) as { uploads: Array<{ id: string }> }).uploads[0]?.id;
            for (let i = 0; i < 300; i++) {
              const u = (await (await fetch(`/api/uploads/${id}`)).json()) as { status: string };
              if (u.status !== 'queued' && u.status !== 'processing') return u.status;
              await new Promise((r) => setTimeout(r, 100));
            }
            return 'timed out';
          },
          steadyRunGpx(1, 20),
        );
        expect(uploaded).toBe('done');
        // The link is used now: a second browser gets the same "cannot be used" page.
        const other = await ctx.browser()!.newContext({ baseURL: env.url });
        const again = await other.newPage();
        await again.goto(`${env.url}${url.pathname}`);
        await again.locator('#invite-gone').waitFor();
        await other.close();
        await ctx.close();
      });

      it('the roster names the athlete and shows the decision with the athlete page’s first reason', async () => {
        await coach.setViewportSize({ width: size.width, height: size.height });
        await coach.goto(`${env.url}/coach/athletes/${athleteId}`);
        const firstReason = coach.locator('#reasons li').first();
        await firstReason.waitFor();
        const reason = (
          await firstReason.evaluate((li) => li.firstChild?.textContent ?? '')
        ).trim();
        expect(reason).toMatch(/Maja/);
        expect(reason).not.toMatch(/\byour?\b/i);
        await coach.goto(`${env.url}/coach`);
        const row =
          size.label === 'desktop'
            ? coach.locator(`#roster tbody tr[data-athlete-id="${athleteId}"]`)
            : coach.locator(`#roster-cards li[data-athlete-id="${athleteId}"]`);
        await row.waitFor();
        expect(await row.locator('.roster-name').innerText()).toBe(name);
        expect(await row.locator('.roster-reason').innerText()).toBe(reason);
        expect(await row.locator('.roster-decision .pill').innerText()).toBeTruthy();
        await coach.screenshot({ path: `/tmp/coach-roster-${size.label}.png`, fullPage: true });
      });

      if (size.label === 'phone')
        it('below 600 px: one card per athlete, name then decision then reason, no sideways scroll', async () => {
          expect(await coach.locator('#roster').isVisible()).toBe(false);
          const cards = coach.locator('#roster-cards > li');
          expect(await cards.count()).toBe(2);
          const card = coach.locator(`#roster-cards li[data-athlete-id="${athleteId}"]`);
          const top = async (sel: string) => (await card.locator(sel).boundingBox())?.y ?? -1;
          const [n, d, r] = [
            await top('.roster-name'),
            await top('.pill'),
            await top('.roster-reason'),
          ];
          expect(n).toBeGreaterThan(0);
          expect(n).toBeLessThan(d);
          expect(d).toBeLessThan(r);
          const overflow = await coach.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
        });
      else
        it('at desktop width the table shows, the cards do not', async () => {
          expect(await coach.locator('#roster').isVisible()).toBe(true);
          expect(await coach.locator('#roster-cards').isVisible()).toBe(false);
        });

      it('an activity shared only as derived load: a row without a link that says what is shared', async () => {
        await coach.goto(`${env.url}/coach/athletes/${athleteId}`);
        const row = coach.locator('#activities tbody tr').first();
        await row.waitFor();
        expect(await row.locator('a').count()).toBe(0);
        const cells = await row.locator('td').allInnerTexts();
        // The athlete's own name for it ("Easy run 20 min") is a detail: the row says "Run", once.
        expect(cells[1]).toBe('Run');
        expect((await row.innerText()).toLowerCase()).not.toMatch(/run\s+run/);
        expect(cells[2]).toMatch(/^\d+\.\d\d km$/);
        expect(await coach.locator('#activities-shared').innerText()).toMatch(
          new RegExp(`^${name} shares only derived load with you: .*not its details`),
        );
        const overflow = await coach.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await coach.screenshot({ path: `/tmp/coach-derived-${size.label}.png`, fullPage: true });
      });
    });
  }

  it('search and the status filter narrow the roster', async () => {
    await coach.setViewportSize({ width: 1440, height: 900 });
    await coach.goto(`${env.url}/coach`);
    await coach.locator('#roster tbody tr').first().waitFor();
    expect(await coach.locator('#roster tbody tr').count()).toBe(2);
    await coach.getByLabel('Search').fill('phone');
    expect(await coach.locator('#roster tbody tr').count()).toBe(1);
    await coach.getByLabel('Search').fill('');
    await coach.getByLabel('Show').selectOption('replies');
    await coach.getByText('No athlete matches this search.').waitFor();
    expect(errors).toEqual([]);
  });
});
