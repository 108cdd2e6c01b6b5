// The daily loop on a 390 × 844 phone, in real Chromium: where a runner starts (the starting
// questions, or "Use stage N" after importing runs), the morning check-in (morning first, Save in
// view, one entry a day that an edit updates, the done state), a morning score that changes today's
// card, a red flag that holds until a clinician's clearance is recorded, and the "How is this
// decided?" page every reason links to. Screenshots at 390 × 844 and 1440 × 900 go to a temporary
// folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import {
  collectPageErrors,
  newPhoneContext,
  PHONE,
  signUp,
  steadyRunGpx,
  useBrowserPage,
  waitForMetrics,
} from './e2e-env.ts';

const shotsDir = join(tmpdir(), 'hipcheck-daily-loop');
const DESKTOP = { width: 1440, height: 900 };

/** A screenshot of what is in view at the phone size, then at the desktop size. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}-390.png`) });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(shotsDir, `${name}-1440.png`) });
  await page.setViewportSize(PHONE);
}

/** Tap a 0–10 score in the check-in dialog. */
const tapScore = (dialog: Locator, question: RegExp, score: number) =>
  dialog
    .getByRole('group', { name: question })
    .getByRole('radio', { name: `${score} of 10`, exact: true })
    .check();

/** Whether the element lies wholly inside the 390 × 844 viewport, as it stands (no scrolling). */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  if (!box) return false;
  const vw = page.viewportSize();
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= (vw?.width ?? 0) &&
    box.y + box.height <= (vw?.height ?? 0)
  );
}

const todayOf = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/today')).json()) as { date: string }).date);

describeWithBrowser('the daily loop on a phone', () => {
  const { env, page, errors } = useBrowserPage({ viewport: 'phone', stepTimeoutMs: 15_000 });

  describe('a new runner', () => {
    it('answers the starting questions and gets a stage with its reason', async () => {
      await signUp(page, env.url, 'new-runner@example.com', 'runner');
      const start = page.locator('#start-card');
      await start.waitFor();
      expect(await page.locator('#decision .eyebrow').innerText()).toMatch(/Stage 0/);
      await start.getByRole('link', { name: 'Tell Hipcheck where you are' }).click();
      await page.waitForURL(/\/start$/);
      await page.getByLabel(/running well and want to stay well/).check();
      await page.getByLabel('Minutes').fill('30');
      await page.getByLabel('Distance (km)').fill('5');
      await page.getByLabel('Runs a week').fill('3');
      await screenshots(page, 'onboarding-form');
      const posted = page.waitForRequest((r) => r.url().endsWith('/api/onboarding'));
      await page.getByRole('button', { name: 'Set my starting stage' }).click();
      expect((await posted).postDataJSON()).toEqual({
        situation: 'running_well',
        typicalRunMin: 30,
        typicalRunKm: 5,
        runsPerWeek: 3,
      });
      const title = await page.locator('#start-stage').innerText();
      const stage = Number(/stage: (\d+)/.exec(title)?.[1]);
      // Someone who runs 5 km comfortably three times a week is not told to walk.
      expect(stage).toBeGreaterThan(0);
      expect((await page.locator('#start-reason').innerText()).length).toBeGreaterThan(10);
      await screenshots(page, 'onboarding');

      await page.getByRole('button', { name: 'See today’s plan' }).click();
      await page
        .locator('#decision .eyebrow')
        .getByText(new RegExp(`Stage ${stage}:`))
        .waitFor();
      expect(await page.locator('#start-card').count()).toBe(0);
    });

    it('checks in on waking: the morning question first and Save in view without scrolling', async () => {
      await page.locator('#open-checkin').click();
      const dialog = page.locator('dialog#checkin');
      await dialog.waitFor();
      // The first question of the dialog is the morning one.
      const first = dialog.locator('.sheet-body > *').first();
      expect(await first.locator('legend').innerText()).toBe('Pain this morning, on waking');
      const save = dialog.getByRole('button', { name: 'Save check-in' });
      expect(await inView(page, save)).toBe(true);
      expect(await inView(page, first)).toBe(true);
      // The run questions name the run they belong to.
      expect(await dialog.locator('#checkin-run-title').innerText()).toMatch(/Your run today/);
      await screenshots(page, 'checkin');

      await tapScore(dialog, /Pain this morning, on waking/, 2);
      expect(await inView(page, save)).toBe(true);
      const posted = page.waitForRequest((r) => /\/api\/checkins/.test(r.url()));
      await save.click();
      const body = (await posted).postDataJSON() as Record<string, unknown>;
      expect(body).toMatchObject({ date: await todayOf(page), painMorning: 2 });
      expect(body).not.toHaveProperty('painNextMorning');

      // Done: the card says so, shows the entry, and focus is back on its button.
      await page.locator('#open-checkin').getByText('Checked in — edit').waitFor();
      expect(await page.locator('#checkin-today').innerText()).toMatch(/Pain on waking 2\/10/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-checkin');
      await screenshots(page, 'home');
    });

    it('a morning score of 6 changes today’s card to rest, editing the same day’s entry', async () => {
      const before = await page.locator('#decision-action').innerText();
      expect(before).not.toMatch(/^Rest/);
      await page.getByRole('button', { name: 'Checked in — edit' }).click();
      const dialog = page.locator('dialog#checkin');
      await dialog.waitFor();
      expect(await dialog.locator('#checkin-title').innerText()).toBe('Edit today’s check-in');
      // Filled in with the entry.
      const morning = dialog.getByRole('group', { name: /Pain this morning, on waking/ });
      expect(await morning.getByRole('radio', { name: '2 of 10', exact: true }).isChecked()).toBe(
        true,
      );
      await tapScore(dialog, /Pain this morning, on waking/, 6);
      const sent = page.waitForRequest((r) => /\/api\/checkins/.test(r.url()));
      await dialog.getByRole('button', { name: 'Save check-in' }).click();
      const body = (await sent).postDataJSON() as Record<string, unknown>;
      expect(body.painMorning).toBe(6);
      expect(body.painNextMorning ?? null).toBeNull();

      await page.locator('#decision-action').getByText(/^Rest/).waitFor();
      expect(await page.locator('#checkin-today').innerText()).toMatch(/Pain on waking 6\/10/);
      // One entry for the day, updated.
      const today = await todayOf(page);
      const rows = (await page.evaluate(
        async (d) => (await fetch(`/api/checkins?from=${d}&to=${d}`)).json(),
        today,
      )) as Array<{ painMorning: number }>;
      expect(rows).toHaveLength(1);
      expect(rows[0]?.painMorning).toBe(6);
    });

    it('a red flag holds running, says how to clear it, and the clearance form lifts the hold', async () => {
      await page.getByRole('button', { name: 'Checked in — edit' }).click();
      const dialog = page.locator('dialog#checkin');
      await dialog.waitFor();
      await tapScore(dialog, /Pain this morning, on waking/, 1);
      await dialog.getByLabel('The hip giving way').check();
      await dialog.getByRole('button', { name: 'Save check-in' }).click();

      const hold = page.locator('#hold');
      await hold.waitFor();
      expect(await page.locator('#decision-action').innerText()).toBe('See a clinician');
      expect(await hold.innerText()).toMatch(/giving way/i);
      expect(await page.locator('#how-to-clear').innerText()).toMatch(/clinician/i);
      const planned = await page.locator('#plan .plan-action').allInnerTexts();
      expect(planned.filter((a) => /^(Run|Walk)/.test(a))).toEqual([]);
      await hold.getByText(/record it/).click();
      await hold.scrollIntoViewIfNeeded();
      await screenshots(page, 'hold');

      const form = page.locator('#clearance-form');
      expect(await form.getByLabel(/Date a clinician saw your hip/).inputValue()).toBe(
        await todayOf(page),
      );
      await form.getByLabel('Note (optional)').fill('Physio: no fracture signs, build up slowly');
      const posted = page.waitForRequest((r) => r.url().endsWith('/api/clearances'));
      await form.getByRole('button', { name: 'Record the clearance' }).click();
      expect((await posted).postDataJSON()).toEqual({
        date: await todayOf(page),
        note: 'Physio: no fracture signs, build up slowly',
      });
      await page
        .locator('#home-status')
        .getByText(/Clearance recorded/)
        .waitFor();
      expect(await page.locator('#hold').count()).toBe(0);
      expect(await page.locator('#decision-action').innerText()).not.toBe('See a clinician');
    });

    it('each reason links to its section of "How is this decided?", and the card cites no formulas', async () => {
      const card = await page.locator('#decision').innerText();
      expect(card).not.toMatch(/science\.md|§|hazard ratio|ACWR =/i);
      const links = await page
        .locator('#reasons a.why-link')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash));
      expect(links.length).toBeGreaterThan(0);
      await page.getByRole('link', { name: 'How is this decided?' }).click();
      await page.waitForURL(/\/how$/);
      await page.locator('#order').waitFor();
      for (const hash of links) expect(await page.locator(hash).count()).toBe(1);
      await screenshots(page, 'how');
      await page.goBack();
      await page.locator('#decision').waitFor();
    });
  });

  describe('settings', () => {
    it('a self-coached runner sets their stage, and a surgery date holds running until cleared', async () => {
      const ctx = await newPhoneContext(env);
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors = collectPageErrors(page);
      await signUp(page, env.url, 'self-coached@example.com', 'runner');
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.locator('#stage-form').waitFor();
      await page.getByLabel('Stage from today').selectOption('3');
      expect(await page.locator('#stage-about').innerText()).toMatch(/run 3 min/);
      await page.getByRole('button', { name: 'Set my stage' }).click();
      await page
        .locator('#stage-status')
        .getByText(/Stage 3 set/)
        .waitFor();

      // Surgery three weeks ago: no running before the clinician's clearance (science.md §4).
      const today = await todayOf(page);
      const surgery = new Date(Date.parse(`${today}T00:00:00Z`) - 21 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      await page.getByLabel('Date of hip surgery').fill(surgery);
      const put = page.waitForRequest((r) => r.url().endsWith('/api/athlete'));
      await page.getByRole('button', { name: 'Save settings' }).click();
      expect((await put).postDataJSON()).toMatchObject({ surgeryDate: surgery });
      await page.locator('#profile-form .status').getByText(/Saved/).waitFor();
      await page.getByRole('link', { name: 'Today', exact: true }).click();
      const hold = page.locator('#hold');
      await hold.waitFor();
      expect(await hold.innerText()).toMatch(/after surgery/);
      expect(await hold.locator('#clearance').count()).toBe(1);
      const planned = await page.locator('#plan .plan-action').allInnerTexts();
      expect(planned.filter((a) => /^Run/.test(a))).toEqual([]);

      // No surgery after all: the date is cleared and the hold with it.
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByLabel('Date of hip surgery').fill('');
      const cleared = page.waitForRequest((r) => r.url().endsWith('/api/athlete'));
      await page.getByRole('button', { name: 'Save settings' }).click();
      expect((await cleared).postDataJSON()).toMatchObject({ surgeryDate: null });
      await page.locator('#profile-form .status').getByText(/Saved/).waitFor();
      await page.getByRole('link', { name: 'Today', exact: true }).click();
      await page
        .locator('#decision .eyebrow')
        .getByText(/Stage 3:/)
        .waitFor();
      expect(await page.locator('#hold').count()).toBe(0);
      expect(pageErrors).toEqual([]);
      await ctx.close();
    });
  });

  describe('a runner with imported runs', () => {
    it(
      'is offered the stage of their last four weeks and takes it with one tap',
      { timeout: 90_000 },
      async () => {
        const ctx = await newPhoneContext(env);
        const p = await ctx.newPage();
        const pageErrors = collectPageErrors(p);
        await signUp(p, env.url, 'nine-k@example.com', 'runner');
        await p.getByRole('link', { name: 'Import' }).click();
        // 9 km runs (50 min at 3 m/s), three a week for four weeks.
        const days = [2, 4, 6, 9, 11, 13, 16, 18, 20, 23, 25, 27];
        await p.getByLabel(/choose files/).setInputFiles(
          days.map((d) => ({
            name: `run-${d}.gpx`,
            mimeType: 'application/gpx+xml',
            buffer: Buffer.from(steadyRunGpx(d, 50)),
          })),
        );
        await p.locator('#upload-done').waitFor({ timeout: 60_000 });
        await waitForMetrics(p);
        await p.getByRole('link', { name: 'Today' }).click();
        const use = p.locator('#use-proposed-stage');
        await use.waitFor();
        const stage = Number(/Use stage (\d+)/.exec(await use.innerText())?.[1]);
        expect(stage).toBeGreaterThan(0);
        expect(await p.locator('#proposed-stage').innerText()).toMatch(/last 4 weeks/);
        await use.click();
        await p
          .locator('#decision .eyebrow')
          .getByText(new RegExp(`Stage ${stage}:`))
          .waitFor();
        expect(await p.locator('#start-card').count()).toBe(0);
        const progression = (await p.evaluate(async () =>
          (await fetch('/api/progression')).json(),
        )) as { stageChosen: boolean };
        expect(progression.stageChosen).toBe(true);
        expect(pageErrors).toEqual([]);
        await ctx.close();
      },
    );
  });

  it('threw no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
