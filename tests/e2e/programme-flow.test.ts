// The rehab programme on a 390 × 844 phone, in real Chromium: today's session as a checklist (the
// description one tap away, a tap per set starting the rest timer), saved with RPE and pain, and
// the next session stepping up; the week's adherence on the home page. Screenshots go to a
// temporary folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWithBrowser } from '../support/browser.ts';
import { signUp, useBrowserPage } from './e2e-env.ts';

const shotsDir = join(tmpdir(), 'hipcheck-programme');

describeWithBrowser('the rehab programme on a phone', () => {
  const { env, page, errors } = useBrowserPage({ viewport: 'phone', stepTimeoutMs: 15_000 });

  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    await signUp(page, env.url, 'phone-lifter@example.com', 'runner');
  });

  it('logs Strength A set by set and sees the next session step up', async () => {
    await page.goto('/programme');
    await page.getByRole('button', { name: 'Strength A', exact: true }).click();
    const bridge = page.locator('.exercise[data-id="bridge"]');
    await expect(bridge.locator('.dose').textContent()).resolves.toBe('3×10');
    // The description is one tap away.
    await bridge.getByText('How to do it').click();
    await expect(bridge.getByText(/Squeeze the buttocks/).isVisible()).resolves.toBe(true);
    // Targets big enough for a thumb.
    const box = await bridge.locator('.set-btn').first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    // A set starts the rest timer.
    await bridge.locator('.set-btn').first().click();
    await expect(page.locator('#rest-timer').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(shotsDir, 'checklist-rest-390.png') });
    await page.locator('#rest-skip').click();
    await bridge.locator('.set-btn').nth(1).click();
    await bridge.locator('.set-btn').nth(2).click();
    const deadBug = page.locator('.exercise[data-id="dead-bug"]');
    await deadBug.getByRole('button', { name: /all 3 sets done/ }).click();
    await page.locator('#session-rpe').selectOption('6');
    await page.locator('#session-pain').selectOption('1');
    await page.locator('#save-session').click();
    await expect
      .poll(() => page.locator('#programme-status').textContent())
      .toMatch(/Session saved\. 2 of 2 exercises step up\. Next time: Bridge 3×11/);
    await page.getByRole('button', { name: 'Strength A', exact: true }).click();
    await expect.poll(() => bridge.locator('.dose').textContent()).toBe('3×11');
    await expect(page.locator('#programme-summary').textContent()).resolves.toMatch(
      /this week 1 of 3 sessions done/,
    );
    await page.screenshot({ path: join(shotsDir, 'after-save-390.png'), fullPage: true });
  }, 60_000);

  it('shows the week’s adherence beside running on the home page', async () => {
    await page.goto('/');
    await expect.poll(() => page.locator('#adherence-strength').textContent()).toBe('1 of 3');
    await page.locator('#adherence').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shotsDir, 'home-adherence-390.png') });
    expect(errors).toEqual([]);
  }, 60_000);

  it('names the strength days of the week’s plan: Strength B after today’s A, a tap from the session', async () => {
    await page.goto('/');
    const named = page.locator('#plan .plan-session');
    await expect.poll(() => named.count()).toBeGreaterThanOrEqual(1);
    const texts = await named.allTextContents();
    // Stage 0 keeps heavy hip flexion out: B opens with the single-leg bridge, not the deadlift.
    expect(texts.find((t) => t.startsWith('Strength'))).toMatch(
      /^Strength B: single-leg bridge 3×8 each side, /,
    );
    await named.filter({ hasText: /^Strength B/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/programme$/);
    expect(errors).toEqual([]);
  }, 60_000);
});
