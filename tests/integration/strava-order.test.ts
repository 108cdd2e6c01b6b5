// The backfill against Strava's lists in either order (the fake lists newest first, or oldest
// first for every query): more than 200 activities in the window arrive most recent first, and all
// of them in the end. And the shape of what is stored: a run on a treadmill (`trainer: true`) or a
// VirtualRun is a treadmill run, as its file would be; a manual entry is stored from its summary
// without asking for streams it cannot have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeActivity, ListOrder } from '../fake-strava/fake-strava.ts';
import {
  connectStrava,
  ROOMY_LIMITS,
  startStravaPipeline,
  waitForBackfill,
  type StravaPipeline,
} from '../support/strava-pipeline.ts';

const IN_FLIGHT = 4;

let p: StravaPipeline;

beforeAll(async () => {
  p = await startStravaPipeline({
    fake: { rateLimits: ROOMY_LIMITS },
    limits: ROOMY_LIMITS,
    backfillInFlight: IN_FLIGHT,
    concurrency: { 'strava-activity': IN_FLIGHT },
  });
});

afterAll(async () => {
  await p.close();
});

interface ActivityJson {
  id: string;
  sport: string;
  name: string | null;
  distanceM: number;
  movingS: number;
  sampleCount: number;
}

/** The Strava activities fetched for `athleteId`, in the order the fake served them. */
function fetchOrder(athleteId: number): number[] {
  return p.fake
    .requests()
    .filter((r) => r.route === 'GET /api/v3/activities/:id' && r.athleteId === athleteId)
    .map((r) => r.activityId ?? 0);
}

describe.each<ListOrder>(['oldest-first', 'newest-first'])(
  'a backfill of 260 activities when Strava lists %s',
  (order) => {
    it('fetches the most recent weeks first and every activity in the end', async () => {
      const runner = p.client();
      await runner.signup(`order-${order}@example.com`);
      const athlete = p.fake.addAthlete();
      // 260 activities 12 hours apart: 130 days, inside the 180-day window; two pages of 200.
      const made: FakeActivity[] = p.fake.generateActivities(athlete.id, 260, {
        spacingHours: 12,
        sports: ['Run'],
      });
      p.fake.setListOrder(order);
      p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
      expect((await connectStrava(runner)).status).toBe(302);
      const status = await waitForBackfill(runner, 60_000);
      p.fake.setListOrder('newest-first');

      expect(status.backfill).toMatchObject({ done: 260, total: 260 });
      const fetched = fetchOrder(athlete.id);
      expect(new Set(fetched)).toEqual(new Set(made.map((a) => a.id)));
      // generateActivities makes them newest first: made[0] is the most recent. With at most
      // IN_FLIGHT items handed out at a time, the k-th fetch is among the k + IN_FLIGHT newest.
      const rank = new Map(made.map((a, i) => [a.id, i]));
      const ranks = fetched.map((id) => rank.get(id) ?? Number.POSITIVE_INFINITY);
      for (let k = 0; k < 40; k++) expect(ranks[k]).toBeLessThan(k + IN_FLIGHT + 1);
      // The listing asked Strava with before= and after= (the 180-day window) only.
      const lists = p.fake
        .requests()
        .filter((r) => r.route === 'GET /api/v3/athlete/activities' && r.athleteId === athlete.id);
      expect(lists.length).toBeGreaterThanOrEqual(2);
      for (const l of lists) expect(l.query.per_page).toBe('200');
    }, 90_000);
  },
);

describe('what a Strava activity becomes', () => {
  it('a trainer run and a VirtualRun are treadmill runs; a manual entry is stored from its summary, with no streams request', async () => {
    const runner = p.client();
    await runner.signup('shapes@example.com');
    const athlete = p.fake.addAthlete();
    const day = 86_400_000;
    const indoor = p.fake.addActivity(athlete.id, {
      sportType: 'Run',
      trainer: true,
      name: 'Treadmill intervals',
      startDate: new Date(Date.now() - 3 * day),
    });
    p.fake.addActivity(athlete.id, {
      sportType: 'VirtualRun',
      name: 'Zwift run',
      startDate: new Date(Date.now() - 2 * day),
    });
    p.fake.addActivity(athlete.id, {
      sportType: 'Run',
      name: 'Park run',
      startDate: new Date(Date.now() - 1 * day),
    });
    const manual = p.fake.addActivity(athlete.id, {
      sportType: 'Run',
      name: 'Logged by hand',
      manual: { distanceM: 5000, elapsedS: 1800 },
      startDate: new Date(Date.now() - 4 * day),
    });
    expect(indoor.points.every((pt) => pt.lat === undefined)).toBe(true);
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    expect((await connectStrava(runner)).status).toBe(302);
    await waitForBackfill(runner);

    const list = (await runner.get<ActivityJson[]>('/api/activities')).body;
    const byName = new Map(list.map((a) => [a.name, a]));
    expect(byName.get('Treadmill intervals')?.sport).toBe('treadmill_run');
    expect(byName.get('Zwift run')?.sport).toBe('treadmill_run');
    expect(byName.get('Park run')?.sport).toBe('run');
    expect(byName.get('Logged by hand')).toMatchObject({
      sport: 'run',
      distanceM: 5000,
      movingS: 1800,
      sampleCount: 0,
    });
    const streams = p.fake
      .requests()
      .filter((r) => r.route === 'GET /api/v3/activities/:id/streams');
    expect(streams.some((r) => r.activityId === manual.id)).toBe(false);
    expect(streams.some((r) => r.activityId === indoor.id)).toBe(true);
  });
});
