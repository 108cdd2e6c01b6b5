// The runner's home page in Chromium, from navigation to every chart drawn, for a runner with ten
// years of history (2,086 runs, 3,651 daily rows written by the real recompute processor) against
// the same page for a runner with no history, in the same run: the two alternate in paired runs,
// each in a fresh browser context (no cache, as a first visit), after a warm-up of each. The app is
// the real express app serving the built dashboard over PostgreSQL. "Drawn": each of the charts
// panel's eight cards holds its chart (an svg) or its empty state; the time is the page's own clock
// (performance.now(), from the start of navigation) at the first frame where that holds.
// Goal: under 1 s for the ten-year runner on a quiet machine.
// Run: npm run bench:home [-- --runs N]   (default 7; bench:dashboard runs the coach API bench
// after it; DATABASE_URL as for the tests; creates and drops its own database)
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { localDateOf } from '../shared/local-date.ts';
import { hashPassword } from '../services/api/passwords.ts';
import { insertAthlete } from '../services/db/athletes.repository.ts';
import { requestRecompute } from '../services/db/recompute.repository.ts';
import { insertUser } from '../services/db/users.repository.ts';
import { FROM_THE_START } from '../services/engine/request-recompute.ts';
import { createRecomputeProcessor } from '../workers/recompute.processor.ts';
import { noJobsQueue, startTestServer } from '../tests/support/app.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { ensureDashboardBuilt } from '../tests/support/dashboard-build.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { seedFiveYears } from './five-years.ts';
import { median, option } from './support.ts';

const RUNS = Number(option('--runs') ?? 7);
const YEARS = 10;
const PASSWORD = 'bench-password';
const TODAY = localDateOf(new Date(), 'UTC');
/** The charts panel's cards (views/charts-panel.ts), the wellness card left out. */
const CHARTS = 8;

/** Milliseconds from navigation until every chart card holds its chart, in a fresh context. */
async function homePage(browser: Browser, url: string, email: string): Promise<number> {
  const context = await browser.newContext({ baseURL: url, timezoneId: 'UTC' });
  try {
    const login = await context.request.post('/api/auth/login', {
      data: { email, password: PASSWORD },
    });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    await page.goto('/', { waitUntil: 'commit' });
    // Checked by the page at every frame; the page's clock when every chart is there.
    const handle = await page.waitForFunction(
      (count: number) => {
        // The wellness card stays hidden for a runner without wellness values (these two).
        const cards = [...document.querySelectorAll<HTMLElement>('.card.chart')].filter(
          (c) => !c.hidden,
        );
        const drawn =
          cards.length >= count &&
          cards.every((c) => c.querySelector('.chart-body svg, .chart-empty') !== null);
        return drawn ? performance.now() : false;
      },
      CHARTS,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

const db = await createTestDatabase();
const dashboardDir = await ensureDashboardBuilt();
const server = await startTestServer({ pool: db.pool, queue: noJobsQueue(), dashboardDir });
const browser = await launchBrowser();
try {
  process.stderr.write(`seeding ${YEARS} years…\n`);
  const longId = await seedFiveYears(db.pool, 'ten-years@example.com', PASSWORD, TODAY, YEARS);
  const newUser = await insertUser(db.pool, {
    email: 'new@example.com',
    passwordHash: await hashPassword(PASSWORD),
    role: 'runner',
  });
  await insertAthlete(db.pool, newUser.id, 'UTC');
  await requestRecompute(db.pool, longId, FROM_THE_START);
  await createRecomputeProcessor({ pool: db.pool, now: () => new Date() })(
    { athleteId: longId },
    { attempt: 1 },
  );
  const { rows } = await db.pool.query<{ days: string; runs: string }>(
    `SELECT (SELECT count(*) FROM daily_metrics) AS days, (SELECT count(*) FROM activities) AS runs`,
  );
  await homePage(browser, server.url, 'ten-years@example.com');
  await homePage(browser, server.url, 'new@example.com');
  const long: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`pair ${i + 1}/${RUNS}\r`);
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const isLong of order) {
      const ms = await homePage(
        browser,
        server.url,
        isLong ? 'ten-years@example.com' : 'new@example.com',
      );
      (isLong ? long : fresh).push(ms);
    }
  }
  const ratios = long.map((l, i) => l / (fresh[i] as number));
  console.log(
    `home page, navigation to all ${CHARTS} charts drawn, Chromium (headless), fresh context per run; ${RUNS} paired runs after a warm-up; ${rows[0]?.days} daily rows, ${rows[0]?.runs} runs; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('\n| runner | median ms | min ms | max ms |');
  console.log('|---|---:|---:|---:|');
  const row = (label: string, xs: number[]) =>
    console.log(
      `| ${label} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`,
    );
  row(`${YEARS} years of history`, long);
  row('no history (reference)', fresh);
  const m = median(long);
  console.log(
    `\nten years / no history: median of the paired ratios ${median(ratios).toFixed(2)}×; goal: under 1,000 ms (${m < 1000 ? 'met' : 'MISSED'} at ${m.toFixed(0)} ms)`,
  );
} finally {
  await browser.close();
  await server.close();
  await db.drop();
}
