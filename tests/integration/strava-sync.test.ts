// Strava in the product, end to end over real HTTP (the fake Strava), BullMQ on Redis and
// PostgreSQL: connect → backfill → webhook create → update (title, sport) → delete →
// deauthorize; the scope and state checks; privacy between runners; ignored and forged events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/pipeline.ts';
import type { TestClient } from '../support/http-client.ts';
import {
  connectStrava,
  ROOMY_LIMITS,
  startStravaPipeline,
  waitForBackfill,
  type StravaPipeline,
  type StravaStatus,
} from '../support/strava-pipeline.ts';

const DAY_MS = 86_400_000;

interface ActivityJson {
  id: string;
  source: string;
  sport: string;
  name: string | null;
  startAt: string;
  sampleCount: number;
}

let p: StravaPipeline;
const ackLatenciesMs: number[] = [];

beforeAll(async () => {
  p = await startStravaPipeline({ fake: { rateLimits: ROOMY_LIMITS }, limits: ROOMY_LIMITS });
});

afterAll(async () => {
  if (ackLatenciesMs.length > 0) {
    console.log(
      `webhook acknowledgements: ${ackLatenciesMs.length}, max ${Math.max(...ackLatenciesMs)} ms, ` +
        `median ${[...ackLatenciesMs].sort((a, b) => a - b)[Math.floor(ackLatenciesMs.length / 2)]} ms`,
    );
  }
  console.log(
    p.workerLog
      .filter((l) => l.includes('unexpected'))
      .join('\n')
      .slice(0, 3000),
  );
  await p.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await p.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${sql}`,
    params,
  );
  return rows[0]?.n ?? -1;
}

async function activities(runner: TestClient): Promise<ActivityJson[]> {
  const res = await runner.get<ActivityJson[]>('/api/activities?from=1990-01-01');
  expect(res.status).toBe(200);
  return res.body;
}

function acked(delivery: { status: number; latencyMs: number } | undefined): void {
  expect(delivery?.status).toBe(200);
  ackLatenciesMs.push(delivery?.latencyMs ?? Number.POSITIVE_INFINITY);
  expect(delivery?.latencyMs).toBeLessThan(2000);
}

describe('Strava sync through the API, the jobs and the database', () => {
  let ana: TestClient;
  let anaStravaId: number;

  it('GET /api/strava/status without a session is 401', async () => {
    const res = await p.client().get<{ error: { code: string } }>('/api/strava/status');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('connect → backfill of the last 180 days → all history on request', async () => {
    ana = p.client();
    await ana.signup('ana@example.com');
    const athlete = p.fake.addAthlete({ firstname: 'Ana' });
    anaStravaId = athlete.id;
    p.fake.generateActivities(athlete.id, 10);
    const old = p.fake.addActivity(athlete.id, {
      sportType: 'Run',
      name: 'Last year',
      startDate: new Date(Date.now() - 200 * DAY_MS),
    });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });

    const callback = await connectStrava(ana);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`${p.url}/strava/callback?outcome=connected`);
    // The authorize request asked for activity:read_all with our callback.
    const asked = p.fake.authorizeRequests.at(-1)?.query;
    expect(asked?.scope).toContain('activity:read_all');
    expect(asked?.redirect_uri).toBe(`${p.url}/api/strava/callback`);

    const status = await waitForBackfill(ana);
    expect(status).toMatchObject({
      connected: true,
      status: 'connected',
      backfill: { done: 10, total: 10, nextBatchAt: null },
      lastError: null,
    });
    expect(status.backfill.progress).toBe('10 of 10 activities imported');
    const list = await activities(ana);
    expect(list).toHaveLength(10);
    expect(list.every((a) => a.source === 'strava')).toBe(true);
    // Runs feed the run pipeline; other sports are cross-training, by sport_type.
    const sports = new Set(list.map((a) => a.sport));
    for (const sport of ['run', 'ride', 'trail_run', 'walk', 'swim'])
      expect(sports).toContain(sport);
    const run = list.find((a) => a.sport === 'run');
    const detail = await ana.get<{ samples: unknown[]; laps: unknown[] }>(
      `/api/activities/${run?.id}`,
    );
    expect(detail.body.samples.length).toBeGreaterThan(10);
    expect(detail.body.laps.length).toBeGreaterThan(0);

    // Tokens are stored only as token-vault ciphertexts.
    const { rows } = await p.db.pool.query<{ a: string; r: string }>(
      'SELECT access_token_enc AS a, refresh_token_enc AS r FROM strava_accounts',
    );
    expect(rows[0]?.a).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(rows[0]?.r).toMatch(/^v1\.[0-9a-f]{8}\./);

    const all = await ana.post<StravaStatus>('/api/strava/backfill', { all: true });
    expect(all.status).toBe(202);
    const after = await waitForBackfill(ana);
    expect(after.backfill).toMatchObject({ done: 11, total: 11 });
    expect((await activities(ana)).map((a) => a.name)).toContain(old.name);
  });

  it('webhook create → update title → update sport → delete, each acknowledged within 2 s', async () => {
    const { activity, delivery } = await p.fake.publishActivity(anaStravaId, {
      sportType: 'Run',
      name: 'Tempo by the river',
      startDate: new Date(Date.now() - 2 * 3600_000),
    });
    acked(delivery);
    const find = async (name: string) => (await activities(ana)).find((a) => a.name === name);
    await eventually(
      async () => (await find('Tempo by the river')) !== undefined,
      10_000,
      'create',
    );
    const created = await find('Tempo by the river');
    expect(created).toMatchObject({ source: 'strava', sport: 'run' });

    acked(await p.fake.updateActivity(activity.id, { name: 'Easy, hip-friendly' }));
    await eventually(async () => (await find('Easy, hip-friendly')) !== undefined, 10_000, 'title');
    expect((await find('Easy, hip-friendly'))?.id).toBe(created?.id);

    // A sport change moves it from running to cross-training.
    acked(await p.fake.updateActivity(activity.id, { sportType: 'Ride' }));
    await eventually(
      async () => (await find('Easy, hip-friendly'))?.sport === 'ride',
      10_000,
      'sport',
    );

    acked(await p.fake.deleteActivity(activity.id));
    await eventually(
      async () => (await find('Easy, hip-friendly')) === undefined,
      10_000,
      'delete',
    );
    expect(await activities(ana)).toHaveLength(11);
    await eventually(
      async () => (await count("webhook_events WHERE status = 'pending'")) === 0,
      10_000,
      'events handled',
    );
    expect(await count("webhook_events WHERE status = 'done'")).toBe(4);
  });

  it('another runner gets an empty Strava status and none of the first runner’s activities', async () => {
    const ben = p.client();
    await ben.signup('ben@example.com');
    const status = await ben.get<StravaStatus>('/api/strava/status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      available: true,
      unavailableReason: null,
      connected: false,
      status: 'not_connected',
      backfill: { done: 0, total: 0, nextBatchAt: null },
    });
    expect(await activities(ben)).toEqual([]);
    const anas = await activities(ana);
    const peek = await ben.get(`/api/activities/${anas[0]?.id}`);
    expect(peek.status).toBe(404);
    const backfill = await ben.post('/api/strava/backfill', {});
    expect(backfill.status).toBe(409);
  });

  it('events for an unknown subscription or owner are acknowledged and ignored; a forged event stores nothing', async () => {
    const before = await count('webhook_events');
    const stored = (await activities(ana)).length;
    const anasActivity = p.fake.activitiesOf(anaStravaId)[0]?.id ?? 0;
    acked(
      await p.fake.sendEvent({
        object_type: 'activity',
        object_id: anasActivity,
        aspect_type: 'create',
        owner_id: 987_654_321,
      }),
    );
    acked(
      await p.fake.sendEvent({
        object_type: 'activity',
        object_id: anasActivity,
        aspect_type: 'update',
        owner_id: anaStravaId,
        subscription_id: 424_242,
      }),
    );
    expect(await count('webhook_events')).toBe(before);

    // Ben connects his own Strava; an event "from Ben" naming Ana's activity is fetched with
    // Ben's token, which cannot see it: nothing is stored for Ben.
    const ben = p.client();
    await ben.signup('ben2@example.com');
    const benAthlete = p.fake.addAthlete({ firstname: 'Ben' });
    p.fake.setAuthorizeBehaviour({ athleteId: benAthlete.id });
    expect((await connectStrava(ben)).status).toBe(302);
    await waitForBackfill(ben);
    acked(
      await p.fake.sendEvent({
        object_type: 'activity',
        object_id: anasActivity,
        aspect_type: 'create',
        owner_id: benAthlete.id,
      }),
    );
    await eventually(
      async () => (await count("webhook_events WHERE status = 'pending'")) === 0,
      10_000,
      'forged event handled',
    );
    expect(await activities(ben)).toEqual([]);
    expect(await activities(ana)).toHaveLength(stored);

    // Ben disconnects: Strava is told (it then sends the athlete event), the tokens are deleted.
    const off = await ben.post<StravaStatus>('/api/strava/disconnect');
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ connected: false, status: 'disconnected' });
    await p.fake.flushEvents();
    const { rows } = await p.db.pool.query<{ a: string | null; status: string }>(
      'SELECT access_token_enc AS a, status FROM strava_accounts WHERE strava_athlete_id = $1',
      [benAthlete.id],
    );
    expect(rows[0]).toEqual({ a: null, status: 'disconnected' });
  });

  it('a runner who unticks private activities is sent to the page that says so, and no tokens are stored', async () => {
    const cara = p.client();
    await cara.signup('cara@example.com');
    const athlete = p.fake.addAthlete({ firstname: 'Cara' });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id, scope: 'read,activity:read' });
    const res = await connectStrava(cara);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${p.url}/strava/callback?outcome=scope_missing`);
    expect(await count('strava_accounts WHERE strava_athlete_id = $1', [athlete.id])).toBe(0);
    expect((await cara.get<StravaStatus>('/api/strava/status')).body.connected).toBe(false);
  });

  it('a forged state, or one issued to another user, is refused (each with its page)', async () => {
    const dan = p.client();
    await dan.signup('dan@example.com');
    const forged = await dan.get(
      '/api/strava/callback?code=abc&scope=read,activity:read_all&state=s1.dXNlcg.99999999999999.nonce.bad',
    );
    expect(forged.status).toBe(302);
    expect(forged.headers.get('location')).toBe(`${p.url}/strava/callback?outcome=state_invalid`);
    // Ana's state, replayed by Dan.
    const start = await ana.get('/api/strava/connect');
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const replay = await dan.get(
      `/api/strava/callback?code=abc&scope=read,activity:read_all&state=${encodeURIComponent(state)}`,
    );
    expect(replay.headers.get('location')).toBe(`${p.url}/strava/callback?outcome=wrong_account`);
    expect(await count('strava_accounts WHERE status = $1', ['connected'])).toBe(1);
  });

  it('the webhook answers Strava’s challenge only with our verify token', async () => {
    const ok = await fetch(
      `${p.url}/api/strava/webhook?hub.mode=subscribe&hub.challenge=xyz&hub.verify_token=hipcheck-test-verify-token`,
    );
    expect(await ok.json()).toEqual({ 'hub.challenge': 'xyz' });
    const bad = await fetch(
      `${p.url}/api/strava/webhook?hub.mode=subscribe&hub.challenge=xyz&hub.verify_token=guess`,
    );
    expect(bad.status).toBe(403);
  });

  it('deauthorization on Strava deletes the tokens and stops sync', async () => {
    acked(await p.fake.deauthorizeAthlete(anaStravaId));
    await eventually(
      async () =>
        (await ana.get<StravaStatus>('/api/strava/status')).body.status === 'deauthorized',
      10_000,
      'deauthorized',
    );
    const status = (await ana.get<StravaStatus>('/api/strava/status')).body;
    expect(status.connected).toBe(false);
    expect(status.lastError?.message).toContain('connect Strava again');
    const { rows } = await p.db.pool.query<{ a: string | null; r: string | null }>(
      'SELECT access_token_enc AS a, refresh_token_enc AS r FROM strava_accounts WHERE strava_athlete_id = $1',
      [anaStravaId],
    );
    expect(rows[0]).toEqual({ a: null, r: null });
    // Later events for Ana are ignored: nothing stored, nothing fetched.
    const events = await count('webhook_events');
    const served = p.fake.stats().requests;
    acked((await p.fake.publishActivity(anaStravaId, { sportType: 'Run' })).delivery);
    expect(await count('webhook_events')).toBe(events);
    expect(p.fake.stats().requests).toBe(served);
  });
});
