// In real Chromium: the dashboard runs under its Content-Security-Policy without a single violation
// (sign-in, today's charts drawn by Plot, an activity, import, settings), while an inline script is
// blocked; and "Forgot password?" → the email → the link → a new password, signed in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Mailer } from '#services/mail/mailer';
import { describeWithBrowser } from '../support/browser.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { screenshot, signUp, steadyRunGpx, useBrowserPage, waitForMetrics } from './e2e-env.ts';

describeWithBrowser('security in the browser', () => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  const problems: string[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = smtp.mailer();
  });
  // Registered first, so run last: the app is closed before its mailer.
  afterAll(async () => {
    await mailer?.close();
    await smtp?.close();
  });
  const { env, context, page } = useBrowserPage({ deps: () => ({ mailer }) });

  beforeAll(async () => {
    // Every CSP violation the page reports, and every console error (Chromium logs refusals too).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    // (A 401 from /api/me while signed out is logged as a failed load: that is not a problem.)
    page.on('console', (m) => {
      if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  });

  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

  it('draws every runner page under the CSP without a violation', async () => {
    const first = await page.goto(env.url);
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signUp(page, env.url, 'csp-runner@example.com', 'runner');
    const upload = await page.request.post('/api/uploads', {
      multipart: {
        file: {
          name: 'easy.gpx',
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(steadyRunGpx(2, 30)),
        },
      },
    });
    expect(upload.status()).toBe(202);
    const today = new Date().toISOString().slice(0, 10);
    await page.request.post('/api/checkins', {
      data: { date: today, painAtRest: 1, stiffness: 2 },
    });
    await waitForMetrics(page);
    await page.reload();
    await page.locator('#weekly-chart svg').waitFor({ timeout: 20_000 });
    await page.locator('#stage-chart svg').first().waitFor();
    expect(await violations()).toEqual([]);

    await page.locator('#activities tbody tr a').first().click();
    await page.locator('svg').first().waitFor();
    expect(await violations()).toEqual([]);
    for (const link of ['Import', 'Settings']) {
      await page.getByRole('link', { name: link }).click();
      await page.waitForURL(new RegExp(`/${link.toLowerCase()}$`));
      await page.locator('main h1').first().waitFor();
      expect(await violations()).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('blocks an injected inline script (the policy is enforced, not only sent)', async () => {
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    problems.length = 0;
  });

  it('resets a forgotten password from the sign-in page through the emailed link', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'I already have an account' }).click();
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    // The URL changes before the page is drawn (the router asks /api/me first), and the sign-in
    // form still on screen has an Email field too: fill the form of the page that asked for it.
    const forgot = page.locator('#forgot-password-page');
    await forgot.waitFor();
    await forgot.getByLabel('Email').fill('csp-runner@example.com');
    await forgot.getByRole('button', { name: 'Send me a link' }).click();
    await page
      .locator('#forgot-status')
      .getByText(/Check your inbox/)
      .waitFor();
    await screenshot(page, 'forgot-password.png', false);
    await expect.poll(() => smtp.inbox.length, { timeout: 10_000 }).toBe(1);
    const link =
      /http:\/\/\S+\/reset-password#token=[A-Za-z0-9_-]+/.exec(smtp.inbox[0]?.text ?? '')?.[0] ??
      '';
    expect(link).not.toBe('');

    await page.goto(link.replace(/^http:\/\/[^/]+/, env.url));
    await page.getByLabel(/New password/).fill('my brand new password');
    await screenshot(page, 'reset-password.png', false);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.locator('#who').getByText('csp-runner@example.com').waitFor();
    expect(new URL(page.url()).hash).toBe('');

    // The same link again: refused, with a way to ask for a new one.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(link.replace(/^http:\/\/[^/]+/, env.url));
    await page.getByLabel(/New password/).fill('another new password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page
      .locator('#reset-password-page .error')
      .getByText(/unknown, used or expired/)
      .waitFor();
    expect(await violations()).toEqual([]);
  });
});
