// What every browser test needs: a fresh database, BullMQ workers running the real processors on
// the real Redis (under a prefix of the test's own), the HTTP app serving the built dashboard, and
// Chromium. Plus small helpers shared by the flows.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppDeps } from '#services/api/app';
import { createBullQueue, startBullWorkers, type BullWorkers } from '#services/queue/bullmq-queue';
import { createProcessors } from '#workers/processors';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/app.ts';
import { launchBrowser, screenshotsDir } from '../support/browser.ts';
import { ensureDashboardBuilt } from '../support/dashboard-build.ts';
import { redisUrl } from '../support/pipeline.ts';
import { steadyPlan, toGpx, track, walkRunPlan } from '../fixtures/generate-activity.ts';

export interface E2eEnv {
  url: string;
  browser: Browser;
  /** The test database, for tests that seed more history than a browser could upload. */
  pool: TestDatabase['pool'];
  close(): Promise<void>;
}

/** `extra`: more of the app's dependencies (a mailer, a logger) for tests that need them. */
export async function startE2e(extra: Partial<AppDeps> = {}): Promise<E2eEnv> {
  const dashboardDir = await ensureDashboardBuilt();
  const db: TestDatabase = await createTestDatabase();
  const prefix = `hc-e2e-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;
  const queue = createBullQueue({ redisUrl, prefix });
  const workers: BullWorkers = startBullWorkers({
    redisUrl,
    prefix,
    processors: createProcessors({ pool: db.pool, queue, now: () => new Date() }),
    log: () => undefined,
  });
  const server: TestServer = await startTestServer({
    ...extra,
    pool: db.pool,
    queue,
    dashboardDir,
  });
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    pool: db.pool,
    async close() {
      await browser.close();
      await workers.close();
      await server.close();
      await queue.close();
      await db.drop();
    },
  };
}

export const DAY_MS = 86_400_000;

/** 07:00 UTC on the day `daysAgo` days before today (tests run with TZ=UTC). */
export function morningDaysAgo(daysAgo: number): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7) - daysAgo * DAY_MS;
}

/** A steady run of `minutes` at ~5:33/km, `daysAgo` days before today, as GPX text. */
export function steadyRunGpx(daysAgo: number, minutes: number, speedMps = 3): string {
  return toGpx(
    track(steadyPlan(minutes * 60, speedMps), { startMs: morningDaysAgo(daysAgo), eleSwingM: 6 }),
    {
      name: `Easy run ${minutes} min`,
      type: 'running',
    },
  );
}

/** The stage-1 walk-run session, 10 × (run 1:00 / walk 2:00), `daysAgo` days before today. */
export function walkRunGpx(daysAgo: number): string {
  return toGpx(track(walkRunPlan(), { startMs: morningDaysAgo(daysAgo), eleSwingM: 4 }), {
    name: 'Walk-run 10 × 1:00',
    type: 'running',
  });
}

/** A Strava bulk export: activities.csv, two good runs, one duplicate of `duplicate`, one broken file. */
export function stravaExportZip(duplicate: string): Uint8Array {
  const csv = [
    'Activity ID,Activity Date,Activity Name,Activity Type,Filename',
    '101,"",Walk-run,Run,activities/101.gpx',
    '102,"",Steady 25,Run,activities/102.gpx',
    '103,"",Same run again,Run,activities/103.gpx',
    '104,"",Broken watch,Run,activities/104.gpx',
  ].join('\n');
  return zipSync({
    'activities.csv': strToU8(csv),
    'activities/101.gpx': strToU8(walkRunGpx(1)),
    'activities/102.gpx': strToU8(steadyRunGpx(13, 25)),
    'activities/103.gpx': strToU8(duplicate),
    'activities/104.gpx': strToU8('<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="x"></trkpt>'),
  });
}

/** Drop files on an element the way a browser does (a DataTransfer carrying File objects). */
export async function dropFiles(
  page: Page,
  selector: string,
  files: Array<{ name: string; bytes: Uint8Array; type?: string }>,
): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    b64: Buffer.from(f.bytes).toString('base64'),
    type: f.type ?? '',
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const f of items) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

export async function signUp(
  page: Page,
  url: string,
  email: string,
  role: 'runner' | 'coach',
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Password/).fill('a good long password');
  await page.getByLabel('I am a').selectOption(role);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Attached, not visible: a phone-sized page hides the address in the menu bar.
  await page.locator('#who').getByText(email).waitFor({ state: 'attached' });
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, name), fullPage });
}

/** Errors thrown in the page, collected (into `errors`, or a new list) for a test to assert none. */
export function collectPageErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Wait until the runner's metrics are computed (the home page's "updating" banner is gone). */
export async function waitForMetrics(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const me = (await (await page.request.get('/api/me')).json()) as {
      athlete: { metricsPending: boolean } | null;
    };
    if (!me.athlete?.metricsPending) return;
    await page.waitForTimeout(200);
  }
  throw new Error('metrics still pending after 20 s');
}

export const newContext = (env: E2eEnv, width = 1200, height = 900): Promise<BrowserContext> =>
  env.browser.newContext({ viewport: { width, height }, timezoneId: 'UTC', baseURL: env.url });

export const PHONE = { width: 390, height: 844 };

/** A phone: 390 × 844 at twice the pixels, touch, and the page's mobile viewport honoured. */
export const newPhoneContext = (env: E2eEnv): Promise<BrowserContext> =>
  env.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    baseURL: env.url,
    timezoneId: 'UTC',
  });

/**
 * A stand-in for an object that a beforeAll hook creates, so that a describe block can name it at
 * once: every use inside hooks and tests reaches the object created; a use before it throws.
 */
function lateBound<T extends object>(
  what: string,
): {
  handle: T;
  get(): T | undefined;
  set(value: T): void;
} {
  let current: T | undefined;
  const handle = new Proxy({} as T, {
    get(_, key) {
      if (!current) throw new Error(`${what} is used before the beforeAll that creates it has run`);
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(current)
        : value;
    },
  });
  return { handle, get: () => current, set: (value) => (current = value) };
}

/** The app, its workers and Chromium for the enclosing describe block: started before, closed after. */
export function useE2eEnv(
  deps: () => Partial<AppDeps> | Promise<Partial<AppDeps>> = () => ({}),
): E2eEnv {
  const env = lateBound<E2eEnv>('the e2e environment');
  beforeAll(async () => env.set(await startE2e(await deps())), 120_000);
  afterAll(async () => {
    await env.get()?.close();
  });
  return env.handle;
}

export interface PageOptions {
  /** 1200 × 900 unless given; 'phone' is newPhoneContext's. */
  viewport?: { width: number; height: number } | 'phone';
  /** Each step's time limit, so that a step fails with its locator inside the test's own limit. */
  stepTimeoutMs?: number;
  /** Where the page's errors are collected: a list of its own unless given (two pages, one list). */
  errors?: string[];
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** The messages of errors thrown in the page. */
  errors: string[];
}

/** A page in a context of its own (UTC, the app as base URL), opened before and closed after. */
export function usePage(env: E2eEnv, options: PageOptions = {}): BrowserPage {
  const context = lateBound<BrowserContext>('the browser context');
  const page = lateBound<Page>('the page');
  const errors = options.errors ?? [];
  beforeAll(async () => {
    const { viewport, stepTimeoutMs } = options;
    context.set(
      viewport === 'phone'
        ? await newPhoneContext(env)
        : await newContext(env, viewport?.width, viewport?.height),
    );
    const opened = await context.handle.newPage();
    if (stepTimeoutMs !== undefined) opened.setDefaultTimeout(stepTimeoutMs);
    collectPageErrors(opened, errors);
    page.set(opened);
  }, 120_000);
  afterAll(async () => {
    await context.get()?.close();
  });
  return { context: context.handle, page: page.handle, errors };
}

/**
 * What most browser tests start from: the app (with `deps`, more of its dependencies, made before
 * it starts), Chromium and one page whose errors are collected. Call it at the top of a describe.
 */
export function useBrowserPage(
  options: PageOptions & { deps?: () => Partial<AppDeps> | Promise<Partial<AppDeps>> } = {},
): BrowserPage & { env: E2eEnv } {
  const env = useE2eEnv(options.deps);
  return { env, ...usePage(env, options) };
}
