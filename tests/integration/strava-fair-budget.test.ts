// Strava's budget shared fairly, through the real pipeline (API, BullMQ, the Redis limiter,
// PostgreSQL) and the fake Strava: a runner's new run from a webhook arrives the same day even
// when another runner's history has used up the backfills' share of the daily budget, that runner
// is told honestly how long the rest takes, and two histories take turns instead of one waiting
// for the other to finish.
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/pipeline.ts';
import type { TestClient } from '../support/http-client.ts';
import {
  connectStrava,
  startStravaPipeline,
  waitForBackfill,
  type StravaPipeline,
} from '../support/strava-pipeline.ts';

interface Status {
  backfill: {
    state: string;
    done: number;
    total: number;
    nextBatchAt: string | null;
    estimate: string | null;
  };
}

const pipelines: StravaPipeline[] = [];
afterAll(async () => {
  for (const p of pipelines) await p.close();
});

async function connected(p: StravaPipeline, email: string, activities: number) {
  const runner: TestClient = p.client();
  await runner.signup(email);
  const athlete = p.fake.addAthlete();
  if (activities > 0) p.fake.generateActivities(athlete.id, activities, { sports: ['Run'] });
  p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
  expect((await connectStrava(runner)).status).toBe(302);
  return { runner, athlete };
}

describe('new activities before any backfill', () => {
  it('a webhook’s run arrives while another runner’s backfill waits for tomorrow, and that runner sees how long it takes', async () => {
    // 50 reads a day (windows of real length: the day does not end during the test).
    const limits = { shortLimit: 1000, dailyLimit: 1000, readShortLimit: 1000, readDailyLimit: 50 };
    const p = await startStravaPipeline({ fake: { rateLimits: limits }, limits, maxWaitMs: 200 });
    pipelines.push(p);
    const bea = await connected(p, 'bea@example.com', 0);
    await waitForBackfill(bea.runner);
    const abe = await connected(p, 'abe@example.com', 60);
    // A day: 50 − 5 % margin = 47.5 → 47 reads; backfills may use 80 %: 37.6 → 37. The app's
    // subscription check (a GET: 1 read; Strava counts it, and the limiter learns it from the
    // headers), Bea's listing (1) and Abe's (1) leave 34: 17 activities of 2 reads each.
    // (Waiting for the 17th to be stored too: its reads may be taken before the others defer.)
    let status: Status | undefined;
    await eventually(
      async () => {
        status = (await abe.runner.get<Status>('/api/strava/status')).body;
        return status.backfill.nextBatchAt !== null && status.backfill.done >= 17;
      },
      20_000,
      'the backfill waiting for tomorrow',
    );
    expect(status?.backfill).toMatchObject({ done: 17, total: 60 });
    // The subscription's GET and POST, two listings, 17 × 2 fetches.
    expect(p.fake.stats().requests).toBe(2 + 1 + 1 + 17 * 2);
    // 43 left × 2 = 86 reads; today leaves 37 − 37 = 0, then 37 a day: 86 / 37 = 2.3 → 3 days.
    expect(status?.backfill.estimate).toBe('about 3 more days at today’s budget');

    const { delivery } = await p.fake.publishActivity(bea.athlete.id, {
      sportType: 'Run',
      name: 'Morning run',
      startDate: new Date(Date.now() - 3_600_000),
    });
    expect(delivery?.status).toBe(200);
    await eventually(
      async () => (await bea.runner.get<unknown[]>('/api/activities')).body.length === 1,
      20_000,
      'the new run stored today',
    );
    // Abe's backfill still waits: the new run took the reserve, not his share.
    const after = (await abe.runner.get<Status>('/api/strava/status')).body;
    expect(after.backfill.done).toBe(17);
    expect(p.fake.stats().rateLimited).toBe(0);
  }, 60_000);
});

describe('backfills take turns', () => {
  it('a second runner’s history starts at once and alternates with the first one’s', async () => {
    // 1-s windows of 10 reads (9.5 → 9 after the margin: 4 activities a second): Cai's 40
    // activities take about 10 s, long enough for Dee's 20 to start while they run.
    const limits = {
      shortLimit: 1000,
      dailyLimit: 100_000,
      readShortLimit: 10,
      readDailyLimit: 100_000,
    };
    const p = await startStravaPipeline({
      fake: { rateLimits: limits, shortWindowMs: 1000, dailyWindowMs: 3_600_000 },
      limits,
      shortWindowMs: 1000,
      dailyWindowMs: 3_600_000,
      backfillInFlight: 2,
      concurrency: { 'strava-activity': 2 },
    });
    pipelines.push(p);
    const cai = await connected(p, 'cai@example.com', 40);
    await eventually(
      async () => (await cai.runner.get<Status>('/api/strava/status')).body.backfill.done >= 4,
      20_000,
      'the first backfill under way',
    );
    const dee = await connected(p, 'dee@example.com', 20);
    await waitForBackfill(cai.runner, 40_000);
    await waitForBackfill(dee.runner, 40_000);

    const owners = p.fake
      .requests()
      .filter((r) => r.route === 'GET /api/v3/activities/:id')
      .map((r) => (r.athleteId === cai.athlete.id ? 'c' : 'd'));
    const firstDee = owners.indexOf('d');
    const lastDee = owners.lastIndexOf('d');
    const lastCai = owners.lastIndexOf('c');
    // Dee's history began before Cai's was finished, and, though half as long and started later,
    // ended first: it was never queued behind the whole of Cai's.
    expect(firstDee).toBeGreaterThan(0);
    expect(lastDee).toBeLessThan(lastCai);
    // While both ran they took turns: items are handed out alternately, two at a time, so Cai got
    // about as many fetches as Dee's 20 (a retried fetch or two may shift a turn).
    const caiMeanwhile = owners.slice(firstDee, lastDee + 1).filter((o) => o === 'c').length;
    expect(caiMeanwhile).toBeGreaterThanOrEqual(20 - 4);
    expect(caiMeanwhile).toBeLessThanOrEqual(20 + 4);
  }, 90_000);
});
