// Issue 18 in real Chromium: a runner at stage 1 who ran 7 of the 10 run intervals and walked home
// reads the same thing on the decision card and on the session's activity page — "7 of 10 run
// intervals, then walked" — and the session does not count toward the next stage.
import { beforeAll, expect, it } from 'vitest';
import { toGpx, track, walkRunSessionPlan } from '../fixtures/generate-activity.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { morningDaysAgo, signUp, useBrowserPage } from './e2e-env.ts';

const day = (offset: number): string =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeWithBrowser('a partly done session, on the card and on its page', () => {
  // Playwright's own default viewport, 1280 × 720.
  const { env, page, errors } = useBrowserPage({
    viewport: { width: 1280, height: 720 },
    stepTimeoutMs: 15_000,
  });

  beforeAll(async () => {
    await signUp(page, env.url, 'seven-of-ten@example.com', 'runner');
  });

  it('says "7 of 10 run intervals, then walked" in both places', async () => {
    const gpx = toGpx(track(walkRunSessionPlan(7, 60, 120, 540), { startMs: morningDaysAgo(1) }), {
      name: 'Walk-run, stopped early',
      type: 'running',
    });
    // The runner's own session: the stage, the upload and the check-ins through the page's fetch.
    const id = await page.evaluate(
      async ({ gpx, before, yesterday, today }) => {
        const post = (path: string, body: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        await post('/api/progression/stage', { stage: 1, date: before });
        const form = new FormData();
        form.append('file', new Blob([gpx]), 'session.gpx');
        const up = (await (await fetch('/api/uploads', { method: 'POST', body: form })).json()) as {
          uploads: Array<{ id: string }>;
        };
        let ids: string[] = [];
        for (let i = 0; i < 400 && ids.length === 0; i++) {
          await new Promise((r) => setTimeout(r, 50));
          const u = (await (await fetch(`/api/uploads/${up.uploads[0]?.id}`)).json()) as {
            status: string;
            activityIds: string[];
          };
          if (u.status === 'done') ids = u.activityIds;
        }
        const activityId = ids[0] ?? '';
        await post('/api/checkins', { date: yesterday, painDuring: 1, painAfter: 1, activityId });
        await post('/api/checkins', { date: today, painMorning: 1 });
        return activityId;
      },
      { gpx, before: day(-3), yesterday: day(-1), today: day(0) },
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await page.goto('/');
    const card = page.locator('#reasons');
    await card.getByText(/partly done/).waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain('partly done: 7 of 10 run intervals, then walked.');

    await page.goto(`/activities/${id}`);
    const compare = page.locator('#prescription-compare');
    await compare.waitFor();
    const pageText = await compare.innerText();
    expect(pageText).toBe(
      'Partly done: 7 of 10 run intervals, then walked. It does not count toward the next stage.',
    );
    // The card's sentence carries the page's reason word for word.
    const said = /^Partly done: (.*)\. It does not/.exec(pageText)?.[1] ?? '-';
    expect(cardText).toContain(said);
    expect(errors).toEqual([]);
  });
});
