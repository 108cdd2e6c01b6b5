// Every page of the dashboard as the demo's people see it: a visitor, a runner who has just signed
// up, the demo runner (12 weeks of data) and the demo coach. Used by the browser test that checks
// every page (accessibility, no sideways overflow on a phone) and by `npm run screenshots`, which
// refreshes docs/screenshots from the demo. The demo must be loaded (demoCommand) before a tour.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DEMO_COACH_EMAIL,
  DEMO_PASSWORD,
  DEMO_RUNNER_EMAIL,
  DEMO_RUNNER_NAME,
} from '#shared/demo/demo-story';

export type Visitor = 'visitor' | 'newRunner' | 'runner' | 'coach';

export interface TourStop {
  /** File-name friendly: "home", "coach-athlete". */
  name: string;
  who: Visitor;
  /** Brings the page up from wherever the previous stop left it. */
  open(page: Page): Promise<void>;
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

/** Network quiet and the page drawn: the charts are in once their data has arrived. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => (document.getElementById('app')?.innerText.trim() ?? '') !== '');
  // The charts load after the page: wait for them ("Loading charts…" gone).
  await page.waitForFunction(() => !document.getElementById('app')?.innerText.includes('Loading'));
  await page.waitForTimeout(150);
}

async function go(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

async function clickThrough(page: Page, from: string, link: string): Promise<void> {
  await go(page, from);
  // The visible one: the roster draws a table row and a phone card per athlete, one of them hidden.
  await page.locator(link).filter({ visible: true }).first().click();
  await settle(page);
}

export const TOUR: TourStop[] = [
  { name: 'sign-in', who: 'visitor', open: (p) => go(p, '/') },
  { name: 'forgot-password', who: 'visitor', open: (p) => go(p, '/forgot-password') },
  { name: 'how', who: 'visitor', open: (p) => go(p, '/how') },
  { name: 'not-found', who: 'visitor', open: (p) => go(p, '/no-such-page') },
  { name: 'first-run', who: 'newRunner', open: (p) => go(p, '/') },
  { name: 'start', who: 'newRunner', open: (p) => go(p, '/start') },
  { name: 'import-empty', who: 'newRunner', open: (p) => go(p, '/import') },
  { name: 'home', who: 'runner', open: (p) => go(p, '/') },
  {
    name: 'checkin',
    who: 'runner',
    async open(p) {
      await go(p, '/');
      await p.locator('#open-checkin').click();
      await p.locator('dialog#checkin').waitFor();
    },
  },
  { name: 'activity', who: 'runner', open: (p) => clickThrough(p, '/', '#activities tbody a') },
  { name: 'import', who: 'runner', open: (p) => go(p, '/import') },
  { name: 'settings', who: 'runner', open: (p) => go(p, '/settings') },
  { name: 'programme', who: 'runner', open: (p) => go(p, '/programme') },
  { name: 'how-signed-in', who: 'runner', open: (p) => go(p, '/how') },
  { name: 'coach-roster', who: 'coach', open: (p) => go(p, '/coach') },
  {
    name: 'coach-athlete',
    who: 'coach',
    open: (p) => clickThrough(p, '/coach', `a:text-is("${DEMO_RUNNER_NAME}")`),
  },
  {
    name: 'coach-activity',
    who: 'coach',
    async open(p) {
      await clickThrough(p, '/coach', `a:text-is("${DEMO_RUNNER_NAME}")`);
      // An athlete who shares only derived load has no activity page to open.
      const link = p.locator('#activities tbody a').first();
      if ((await link.count()) === 0) return;
      await link.click();
      await settle(p);
    },
  },
  { name: 'coach-settings', who: 'coach', open: (p) => go(p, '/settings') },
];

async function signIn(page: Page, email: string): Promise<void> {
  const res = await page.request.post('/api/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`signing in as ${email}: HTTP ${res.status()}`);
}

async function signUpNew(page: Page): Promise<void> {
  const email = `new-runner-${Date.now()}@hipcheck.local`;
  const res = await page.request.post('/api/auth/signup', {
    data: { email, password: DEMO_PASSWORD, role: 'runner', timezone: 'UTC' },
  });
  if (!res.ok()) throw new Error(`signing up ${email}: HTTP ${res.status()}`);
}

/** One signed-in browser context per visitor, each with the viewport given. */
export async function contextsFor(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number },
): Promise<Record<Visitor, Page> & { close(): Promise<void> }> {
  const contexts: BrowserContext[] = [];
  const pageFor = async (login?: (p: Page) => Promise<void>): Promise<Page> => {
    const context = await browser.newContext({ viewport, baseURL, timezoneId: 'UTC' });
    contexts.push(context);
    const page = await context.newPage();
    if (login) await login(page);
    return page;
  };
  return {
    visitor: await pageFor(),
    newRunner: await pageFor(signUpNew),
    runner: await pageFor((p) => signIn(p, DEMO_RUNNER_EMAIL)),
    coach: await pageFor((p) => signIn(p, DEMO_COACH_EMAIL)),
    async close() {
      for (const c of contexts) await c.close();
    },
  };
}
