// No silent gaps: a run whose webhook never came is found by the catch-up (on the schedule, and
// when the runner opens the app after a gap), the runner and their coach see when Strava last
// synced and a warning while it fails, and a revocation that shows only as refused tokens is
// recorded with its day. Real pipeline (API, BullMQ, Redis limiter, PostgreSQL) and fake Strava.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/local-date';
import { ensureStravaSubscription, subscriptionOptionsOf } from '#services/strava/subscribe-strava';
import { reconcileStrava } from '#workers/reconciler';
import { eventually } from '../support/pipeline.ts';
import type { TestClient } from '../support/http-client.ts';
import {
  connectStrava,
  ROOMY_LIMITS,
  startStravaPipeline,
  waitForBackfill,
  type StravaPipeline,
} from '../support/strava-pipeline.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Status {
  connected: boolean;
  status: string;
  sync: {
    lastSyncedAt: string | null;
    lastSynced: string;
    warning: string | null;
    error: { code: string; message: string } | null;
  } | null;
  disconnected: { on: string; reason: string; message: string } | null;
  webhooks: { state: string; message: string };
}

let p: StravaPipeline;

beforeAll(async () => {
  p = await startStravaPipeline({ fake: { rateLimits: ROOMY_LIMITS }, limits: ROOMY_LIMITS });
});

afterAll(async () => {
  await p.close();
});

async function connected(email: string) {
  const runner = p.client();
  await runner.signup(email);
  const athlete = p.fake.addAthlete();
  p.fake.generateActivities(athlete.id, 5, { sports: ['Run'], spacingHours: 30 });
  p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
  expect((await connectStrava(runner)).status).toBe(302);
  await waitForBackfill(runner);
  return { runner, athlete };
}

const names = async (runner: TestClient) =>
  (await runner.get<Array<{ name: string }>>('/api/activities')).body.map((a) => a.name);

const listRequests = (athleteId: number) =>
  p.fake
    .requests()
    .filter((r) => r.route === 'GET /api/v3/athlete/activities' && r.athleteId === athleteId);

/** Polls the runner's Strava status until `until` holds, and returns it. */
async function statusWhen(
  runner: TestClient,
  until: (s: Status) => boolean,
  what: string,
): Promise<Status> {
  let status: Status | undefined;
  await eventually(
    async () => {
      status = (await runner.get<Status>('/api/strava/status')).body;
      return until(status);
    },
    20_000,
    what,
  );
  return status as Status;
}

/** The runner's last catch-up was asked for `ago` ms ago: a gap since they last opened the app. */
async function lastCatchUpAgo(athleteId: number, ago: number): Promise<void> {
  await p.db.pool.query(
    `UPDATE strava_accounts SET catch_up_requested_at = now() - make_interval(secs => $2::float8 / 1000),
       catch_up_done_at = now() - make_interval(secs => $2::float8 / 1000)
     WHERE strava_athlete_id = $1`,
    [athleteId, ago],
  );
}

describe('the catch-up', () => {
  it('finds a run whose webhook never came, on the schedule, listing with after= from the newest run known', async () => {
    const { runner, athlete } = await connected('missed@example.com');
    const newest = p.fake.activitiesOf(athlete.id)[0];
    // Saved on Strava, but the event never reached us.
    p.fake.addActivity(athlete.id, {
      sportType: 'Run',
      name: 'Run the webhook missed',
      startDate: new Date(Date.now() - 2 * HOUR),
    });
    expect(await names(runner)).not.toContain('Run the webhook missed');
    const listed = listRequests(athlete.id).length;

    // Seven hours later the reconciler finds this athlete's catch-up due (every 6 hours while the
    // push subscription is active, with so few athletes).
    await reconcileStrava({
      pool: p.db.pool,
      queue: p.queue,
      strava: p.strava,
      now: () => new Date(Date.now() + 7 * HOUR),
    });
    await eventually(
      async () => (await names(runner)).includes('Run the webhook missed'),
      15_000,
      'the missed run',
    );
    const asked = listRequests(athlete.id).slice(listed);
    expect(asked).toHaveLength(1);
    // after = the newest start known, less 3 days for late uploads (whole seconds).
    const after = Number(asked[0]?.query.after);
    const expected = Math.floor(((newest?.startDate.getTime() ?? 0) - 3 * DAY) / 1000);
    expect(after).toBe(expected);
    const status = (await runner.get<Status>('/api/strava/status')).body;
    expect(status.sync?.lastSynced).toBe('Strava last synced just now');
    expect(status.sync?.warning).toBeNull();
  });

  it('runs when the runner opens the app after a gap, once per gap', async () => {
    const { runner, athlete } = await connected('gap@example.com');
    p.fake.addActivity(athlete.id, {
      sportType: 'Run',
      name: 'Run during the outage',
      startDate: new Date(Date.now() - 5 * HOUR),
    });
    const listed = listRequests(athlete.id).length;
    // Opening the app within the hour asks for nothing.
    await runner.get('/api/strava/status');
    await lastCatchUpAgo(athlete.id, 2 * HOUR);
    await runner.get('/api/strava/status');
    await runner.get('/api/strava/status');
    await eventually(
      async () => (await names(runner)).includes('Run during the outage'),
      15_000,
      'the run found on opening the app',
    );
    expect(listRequests(athlete.id).length - listed).toBe(1);
  });

  it('warns while Strava fails (runs may be missing from the decision), and clears when it works again', async () => {
    const { runner, athlete } = await connected('failing@example.com');
    p.fake.injectFault({ path: '/api/v3/athlete/activities', status: 503, times: 1000 });
    await lastCatchUpAgo(athlete.id, 2 * HOUR);
    const status = await statusWhen(runner, (s) => s.sync?.warning !== null, 'the warning');
    expect(status.sync?.warning).toMatch(
      /^Strava sync has been failing since .* \(Strava is not answering as it should\)\. Runs recorded since then may be missing here, so today’s decision may be computed without them\.$/,
    );
    expect(status.sync?.error?.message).toBe(
      'Strava answered 503 to GET /api/v3/athlete/activities; try again later',
    );
    p.fake.clearFaults();
    await statusWhen(runner, (s) => s.sync?.warning === null, 'the warning gone after the retry');
  });
});

describe('the push subscription', () => {
  it('a check that fails while Strava is down keeps the subscription: its events still arrive', async () => {
    const { runner, athlete } = await connected('check-failed@example.com');
    p.fake.injectFault({ path: '/api/v3/push_subscriptions', status: 503 });
    const report = await ensureStravaSubscription(p.db.pool, subscriptionOptionsOf(p.strava));
    expect(report.status).toBe('error');
    expect((await runner.get<Status>('/api/strava/status')).body.webhooks.state).toBe('error');
    const { delivery } = await p.fake.publishActivity(athlete.id, {
      sportType: 'Run',
      name: 'Run while the check failed',
      startDate: new Date(Date.now() - HOUR),
    });
    expect(JSON.parse(delivery?.body ?? '{}')).toEqual({ ok: true });
    await eventually(
      async () => (await names(runner)).includes('Run while the check failed'),
      15_000,
      'the event’s run',
    );
    expect(
      (await ensureStravaSubscription(p.db.pool, subscriptionOptionsOf(p.strava))).status,
    ).toBe('active');
  });
});

describe('revoked on strava.com', () => {
  it('without the webhook: refused tokens end the connection, and the status names the day', async () => {
    const { runner, athlete } = await connected('revoked@example.com');
    // The runner removes Hipcheck on strava.com; the athlete event is lost.
    await p.fake.deauthorizeAthlete(athlete.id, { notify: false });
    await lastCatchUpAgo(athlete.id, 2 * HOUR);
    const status = await statusWhen(runner, (s) => !s.connected, 'the connection ended');
    expect(status).toMatchObject({
      status: 'deauthorized',
      disconnected: {
        on: localDateOf(new Date(), 'UTC'),
        reason: 'Strava stopped accepting Hipcheck’s access',
      },
    });
    expect(status.disconnected?.message).toContain('Strava was disconnected on ');
  });

  it('with the webhook: authorized=false ends it the same way', async () => {
    const { runner, athlete } = await connected('revoked-hook@example.com');
    expect((await p.fake.deauthorizeAthlete(athlete.id))?.status).toBe(200);
    const status = await statusWhen(runner, (s) => s.status === 'deauthorized', 'deauthorized');
    expect(status.disconnected).toMatchObject({
      on: localDateOf(new Date(), 'UTC'),
      reason: 'Hipcheck’s access was removed on Strava',
    });
  });
});

describe('the coach’s view of their athletes’ Strava sync', () => {
  it('lists only athletes who granted access; another coach gets none, a runner is refused', async () => {
    const { runner } = await connected('coached@example.com');
    const coach = p.client();
    await coach.signup('coach@example.com', 'coach');
    const invite = await coach.post<{ token: string }>('/api/coach/invites');
    expect((await runner.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(201);
    const me = (await runner.get<{ athlete: { id: string } }>('/api/me')).body;

    const list =
      await coach.get<Array<{ athleteId: string; sync: { lastSynced: string } }>>(
        '/api/coach/strava',
      );
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        athleteId: me.athlete.id,
        connected: true,
        sync: expect.objectContaining({ lastSynced: 'Strava last synced just now' }),
      }),
    ]);
    const other = p.client();
    await other.signup('other-coach@example.com', 'coach');
    expect((await other.get('/api/coach/strava')).body).toEqual([]);
    expect((await runner.get('/api/coach/strava')).status).toBe(403);
  });
});
