// Every way "Connect with Strava" can end sends the browser to the dashboard's page for it
// (/strava/callback?outcome=…), never to raw JSON, and stores nothing unless it worked: Cancel on
// Strava, the private-activities box unticked, a link that expired or was used twice, another
// account's link, a session that ended, a Strava account connected elsewhere, Strava refusing the
// app (its athlete limit, or an inactive app), a code Strava no longer accepts, and Strava down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthState } from '#services/strava/oauth';
import { startTestServer } from '../support/app.ts';
import { TestClient } from '../support/http-client.ts';
import {
  connectStrava,
  startStravaPipeline,
  type StravaPipeline,
} from '../support/strava-pipeline.ts';

let p: StravaPipeline;

beforeAll(async () => {
  p = await startStravaPipeline();
});

afterAll(async () => {
  await p.close();
});

const outcomeOf = (res: { status: number; headers: Headers }): string | null => {
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(`${p.url}/strava/callback`);
  return location.searchParams.get('outcome');
};

async function runner(email: string, stravaAthlete?: number) {
  const client = p.client();
  await client.signup(email);
  const athlete = stravaAthlete ?? p.fake.addAthlete().id;
  p.fake.setAuthorizeBehaviour({ athleteId: athlete });
  return { client, athlete };
}

const accounts = async (stravaAthleteId: number) =>
  (
    await p.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM strava_accounts WHERE strava_athlete_id = $1',
      [stravaAthleteId],
    )
  ).rows[0]?.n;

describe('the OAuth callback', () => {
  it('connected: the page that says the backfill has started', async () => {
    const { client, athlete } = await runner('ok@example.com');
    expect(outcomeOf(await connectStrava(client))).toBe('connected');
    expect(await accounts(athlete)).toBe(1);
  });

  it('Cancel on Strava (error=access_denied): denied, nothing stored', async () => {
    const { client, athlete } = await runner('cancel@example.com');
    p.fake.setAuthorizeBehaviour({ athleteId: athlete, deny: true });
    expect(outcomeOf(await connectStrava(client))).toBe('denied');
    expect(await accounts(athlete)).toBe(0);
  });

  it('the private-activities box unticked: scope_missing, nothing stored', async () => {
    const { client, athlete } = await runner('unticked@example.com');
    p.fake.setAuthorizeBehaviour({ athleteId: athlete, scope: 'read,activity:read' });
    expect(outcomeOf(await connectStrava(client))).toBe('scope_missing');
    expect(await accounts(athlete)).toBe(0);
  });

  it('a link older than 10 minutes: state_expired', async () => {
    const { client } = await runner('slow@example.com');
    const me = (await client.get<{ id: string }>('/api/me')).body;
    const state = createOAuthState(p.strava.stateSecret, me.id, Date.now() - 11 * 60_000);
    const res = await client.get(
      `/api/strava/callback?code=c&scope=read,activity:read_all&state=${encodeURIComponent(state)}`,
    );
    expect(outcomeOf(res)).toBe('state_expired');
  });

  it('the same answer twice (a reload, the back button): state_used the second time', async () => {
    const { client, athlete } = await runner('reload@example.com');
    const start = await client.get('/api/strava/connect');
    const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location') ?? '');
    expect(outcomeOf(await client.get(`${back.pathname}${back.search}`))).toBe('connected');
    expect(outcomeOf(await client.get(`${back.pathname}${back.search}`))).toBe('state_used');
    expect(await accounts(athlete)).toBe(1);
  });

  it('a session that ended on the way: signed_out', async () => {
    const { client } = await runner('lost-session@example.com');
    const start = await client.get('/api/strava/connect');
    const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location') ?? '');
    const stranger = new TestClient(p.url);
    expect(outcomeOf(await stranger.get(`${back.pathname}${back.search}`))).toBe('signed_out');
  });

  it('a coach account: not_a_runner', async () => {
    const coach = p.client();
    const { id } = await coach.signup('coach-connects@example.com', 'coach');
    const state = createOAuthState(p.strava.stateSecret, id, Date.now());
    const res = await coach.get(
      `/api/strava/callback?code=c&scope=read,activity:read_all&state=${encodeURIComponent(state)}`,
    );
    expect(outcomeOf(res)).toBe('not_a_runner');
  });

  it('a Strava account connected to another Hipcheck account: taken', async () => {
    const first = await runner('first-owner@example.com');
    expect(outcomeOf(await connectStrava(first.client))).toBe('connected');
    const second = await runner('second-owner@example.com', first.athlete);
    expect(outcomeOf(await connectStrava(second.client))).toBe('taken');
  });

  it.each([
    // Strava's words for an app past its athlete capacity (the body is our assumption: developers
    // report the message, on Strava's own page, not the JSON of the token exchange).
    [403, { message: 'Limit of connected athletes exceeded', errors: [] }, 'athlete_limit'],
    [403, { message: 'Application Status Inactive', errors: [] }, 'app_refused'],
    [
      400,
      { message: 'Bad Request', errors: [{ field: 'code', code: 'invalid' }] },
      'code_rejected',
    ],
    [503, { message: 'Service Unavailable', errors: [] }, 'strava_unavailable'],
  ])('the code exchange answered %i (%j): %s, nothing stored', async (status, body, outcome) => {
    const { client, athlete } = await runner(`exchange-${outcome}@example.com`);
    p.fake.injectFault({ path: '/oauth/token', status, body });
    expect(outcomeOf(await connectStrava(client))).toBe(outcome);
    expect(await accounts(athlete)).toBe(0);
  });

  it('a server without Strava settings: not_configured', async () => {
    const server = await startTestServer({ pool: p.db.pool, queue: p.queue });
    try {
      const client = new TestClient(server.url);
      await client.signup('no-strava@example.com');
      const res = await client.get('/api/strava/callback?code=c&state=s');
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location') ?? '').searchParams.get('outcome')).toBe(
        'not_configured',
      );
    } finally {
      await server.close();
    }
  });
});
