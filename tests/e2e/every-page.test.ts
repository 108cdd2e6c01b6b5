// Every page of the dashboard (tests/support/page-tour.ts: a visitor, a new runner, the demo runner
// and the demo coach) in real Chromium at 1440 × 900 and 390 × 844: axe-core finds no serious or
// critical WCAG 2.2 A/AA violation, no visible text shows an ISO date (YYYY-MM-DD) where a person
// reads a day, and on a phone no page is wider than the screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoCommand } from '#app/cli/demo';
import { startHipcheck, type Running } from '#app/runtime';
import { loadConfig } from '#services/config';
import { seriousAxeViolations } from '../support/axe.ts';
import { describeWithBrowser, launchBrowser } from '../support/browser.ts';
import { ensureDashboardBuilt } from '../support/dashboard-build.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { contextsFor, DESKTOP, PHONE, settle, TOUR } from '../support/page-tour.ts';
import { DEMO_PASSWORD, DEMO_RUNNER_EMAIL } from '#shared/demo/demo-story';

/** Visible text holding a YYYY-MM-DD day, outside form fields and download links. */
function isoDatesShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent ?? '';
      if (!el || !/\b\d{4}-\d{2}-\d{2}\b/.test(text)) continue;
      if (el.closest('input, textarea, select, script, style, a[download]')) continue;
      if (!el.checkVisibility()) continue;
      out.push(text.trim().slice(0, 80));
    }
    return out;
  });
}

describeWithBrowser('every page, as the demo’s people see it', () => {
  let db: TestDatabase;
  let dataDir: string;
  let running: Running;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'hipcheck-every-page-'));
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    running = await startHipcheck(config, 'all', { log: () => undefined });
    const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
    const code = await demoCommand([], { stdout: quiet, stderr: quiet }, config);
    if (code !== 0) throw new Error('the demo could not be loaded');
    url = (running.url ?? '').replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [size, viewport] of [
    ['1440 × 900', DESKTOP],
    ['390 × 844', PHONE],
  ] as const) {
    it(
      `at ${size}: no serious or critical axe violation, no ISO date shown${viewport === PHONE ? ', nothing wider than the screen' : ''}`,
      { timeout: 240_000 },
      async () => {
        const pages = await contextsFor(browser, url, viewport);
        const found: string[] = [];
        try {
          for (const stop of TOUR) {
            const page = pages[stop.who];
            await stop.open(page);
            // Days are written for people ('Mon 30 Nov'); ISO days only in inputs and exports.
            for (const text of await isoDatesShown(page))
              found.push(`${stop.name}: an ISO date shown: "${text}"`);
            for (const v of await seriousAxeViolations(page))
              found.push(
                `${stop.name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`,
              );
            if (viewport === PHONE) {
              const wide = await page.evaluate(() => {
                const client = document.documentElement.clientWidth;
                // The deepest elements that reach past the right edge: what to fix.
                const past = [...document.querySelectorAll('body *')]
                  .filter((e) => e.getBoundingClientRect().right > client + 0.5)
                  .filter(
                    (e) =>
                      ![...e.children].some((c) => c.getBoundingClientRect().right > client + 0.5),
                  )
                  .slice(0, 3)
                  .map(
                    (e) =>
                      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`,
                  );
                return { scroll: document.documentElement.scrollWidth, client, past };
              });
              if (wide.scroll > wide.client)
                found.push(
                  `${stop.name}: ${wide.scroll} px wide in a ${wide.client} px viewport (${wide.past.join(', ')})`,
                );
            }
          }
        } finally {
          await pages.close();
        }
        expect(found).toEqual([]);
      },
    );
  }

  it('on a phone, the stage band answers a tap, and its labels do not overlap over 52 weeks', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      baseURL: url,
      timezoneId: 'UTC',
    });
    try {
      const page = await context.newPage();
      const res = await page.request.post('/api/auth/login', {
        data: { email: DEMO_RUNNER_EMAIL, password: DEMO_PASSWORD },
      });
      expect(res.ok()).toBe(true);
      await page.goto('/');
      await settle(page);
      await page.locator('#window-weeks').selectOption('52');
      await page.locator('#stage-chart .stage-label text').first().waitFor();
      const boxes = await page
        .locator('#stage-chart .stage-label text')
        .evaluateAll((els) =>
          els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
        );
      expect(boxes.length).toBeGreaterThan(0);
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]?.left ?? -Infinity).toBeGreaterThanOrEqual(boxes[i - 1]?.right ?? Infinity);
      const band = page.locator('#stage-chart svg rect').last();
      const readout = page.locator('#stage-chart .stage-readout');
      expect(await readout.innerText()).not.toMatch(/^Stage \d/);
      await band.tap();
      expect(await readout.innerText()).toMatch(/^Stage \d+ .+: .+ to .+/);
    } finally {
      await context.close();
    }
  });
});
