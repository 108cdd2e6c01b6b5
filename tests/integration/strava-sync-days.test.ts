// A backfill larger than a day's budget: with the fake Strava's "day" shortened to 3 s and 30
// reads a day, 40 activities (81 reads) need four days. The jobs defer themselves to the next
// day instead of hitting 429, the runner sees when the next batch comes, and the backfill
// finishes by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectStrava,
  startStravaPipeline,
  type StravaPipeline,
  type StravaStatus,
} from '../support/strava-pipeline.ts';

const SHORT_MS = 500;
const DAY_MS = 3000;
const LIMITS = { shortLimit: 1000, dailyLimit: 1000, readShortLimit: 100, readDailyLimit: 30 };

let p: StravaPipeline;

beforeAll(async () => {
  p = await startStravaPipeline({
    fake: { shortWindowMs: SHORT_MS, dailyWindowMs: DAY_MS, rateLimits: LIMITS },
    shortWindowMs: SHORT_MS,
    dailyWindowMs: DAY_MS,
    limits: LIMITS,
    // Wait in place at most 200 ms: a longer wait (the next "day") defers the job.
    maxWaitMs: 200,
  });
});

afterAll(async () => {
  await p.close();
});

describe('a backfill larger than a day of rate limit', () => {
  it('finishes on later days by itself, with zero 429s, showing the next batch time', async () => {
    const runner = p.client();
    await runner.signup('many-days@example.com');
    const athlete = p.fake.addAthlete();
    p.fake.generateActivities(athlete.id, 40, { spacingHours: 12 });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    p.fake.resetStats();
    const started = Date.now();
    expect((await connectStrava(runner)).status).toBe(302);

    const seen = new Set<string>();
    let final: StravaStatus | undefined;
    while (Date.now() - started < 40_000) {
      const s = await runner.get<
        StravaStatus & { backfill: { progress: string | null; nextBatchAt: string | null } }
      >('/api/strava/status');
      if (s.body.backfill.progress) seen.add(s.body.backfill.progress);
      if (s.body.backfill.state === 'done') {
        final = s.body;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const elapsedMs = Date.now() - started;
    const stats = p.fake.stats();
    console.log(
      `40 activities over ${(elapsedMs / DAY_MS).toFixed(1)} shortened days: ${stats.requests} requests, ${stats.rateLimited} × 429; ` +
        `progress seen: ${[...seen]
          .filter((x) => x.includes('next batch'))
          .slice(0, 2)
          .join(' | ')}`,
    );
    expect(final?.backfill).toMatchObject({ done: 40, total: 40 });
    expect(stats.rateLimited).toBe(0);
    // 1 list page (40 < 200) + 40 × (activity + streams) = 81 reads. A day allows 30 − 5 %
    // margin = 28.5 → 28, of which a backfill may use 80 % (the rest is kept for new activities):
    // 22.4 → 22, so it needs ⌈81 / 22⌉ = 4 days. An activity's two reads are taken together, so
    // none is paid twice when a day runs out between them: exactly 81 requests.
    expect(stats.requests).toBe(81);
    expect(elapsedMs).toBeGreaterThan(2 * DAY_MS);
    expect([...seen].some((x) => /^\d+ of 40 activities, next batch at \d\d:\d\d/.test(x))).toBe(
      true,
    );
  }, 60_000);
});
