// The fake Strava's OAuth pages and its push subscriptions and webhook events, over real HTTP
// (its data, API and rate limits are in strava-fake.test.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStrava, type FakeStrava, type WebhookEvent } from '../fake-strava/fake-strava.ts';
import { getJson } from '../support/http-client.ts';

let fake: FakeStrava;

beforeAll(async () => {
  fake = await startFakeStrava();
});

afterAll(async () => {
  await fake.close();
});

const get = (path: string, token?: string) => getJson(`${fake.url}${path}`, token);

describe('fake Strava OAuth', () => {
  it('redirects to redirect_uri with code, granted scope and state, and records the request', async () => {
    const athlete = fake.addAthlete();
    fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    const qs =
      'client_id=12345&redirect_uri=http://127.0.0.1:9/cb&response_type=code&scope=activity:read_all&state=xyz&approval_prompt=auto';
    const res = await get(`/oauth/authorize?${qs}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('http://127.0.0.1:9/cb');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('scope')).toBe('read,activity:read_all');
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
    expect(fake.authorizeRequests.at(-1)?.query).toMatchObject({
      scope: 'activity:read_all',
      approval_prompt: 'auto',
    });

    fake.setAuthorizeBehaviour({ athleteId: athlete.id, scope: 'read' });
    const unticked = new URL((await get(`/oauth/authorize?${qs}`)).headers.get('location') ?? '');
    expect(unticked.searchParams.get('scope')).toBe('read');

    fake.setAuthorizeBehaviour({ deny: true });
    const denied = new URL((await get(`/oauth/authorize?${qs}`)).headers.get('location') ?? '');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.has('code')).toBe(false);
    fake.setAuthorizeBehaviour({});

    expect((await get('/oauth/authorize?client_id=999&redirect_uri=http://x/cb')).status).toBe(400);
  });
});

describe('fake Strava push subscriptions and webhook events', () => {
  let receiver: Server;
  let receiverUrl: string;
  const received: WebhookEvent[] = [];
  let echoWrongChallenge = false;
  /** How long the receiver waits before it answers an event. */
  let answerDelayMs = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET') {
        const ok =
          url.searchParams.get('hub.mode') === 'subscribe' &&
          url.searchParams.get('hub.verify_token') === 'verify-me';
        res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' });
        const challenge = echoWrongChallenge ? 'wrong' : url.searchParams.get('hub.challenge');
        res.end(ok ? JSON.stringify({ 'hub.challenge': challenge }) : '{}');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookEvent);
        setTimeout(() => res.writeHead(200).end(), answerDelayMs);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/strava/webhook`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  afterEach(async () => {
    const sub = fake.subscription();
    if (sub)
      await fetch(
        `${fake.apiUrl}/push_subscriptions/${sub.id}?client_id=12345&client_secret=${fake.clientSecret}`,
        { method: 'DELETE' },
      );
    echoWrongChallenge = false;
    answerDelayMs = 0;
  });

  const subscribe = (verifyToken = 'verify-me'): Promise<Response> =>
    fetch(`${fake.apiUrl}/push_subscriptions`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: fake.clientId,
        client_secret: fake.clientSecret,
        callback_url: receiverUrl,
        verify_token: verifyToken,
      }),
    });

  it('subscribes only after our endpoint echoes the challenge; lists and deletes the subscription', async () => {
    const created = await subscribe();
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const list = await fetch(
      `${fake.apiUrl}/push_subscriptions?client_id=${fake.clientId}&client_secret=${fake.clientSecret}`,
    );
    expect(await list.json()).toEqual([
      expect.objectContaining({ id, callback_url: receiverUrl, resource_state: 2 }),
    ]);
    const again = await subscribe();
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ errors: [{ code: 'already exists' }] });
    const deleted = await fetch(
      `${fake.apiUrl}/push_subscriptions/${id}?client_id=${fake.clientId}&client_secret=${fake.clientSecret}`,
      { method: 'DELETE' },
    );
    expect(deleted.status).toBe(204);
    expect(fake.subscription()).toBeUndefined();
  });

  it('refuses the subscription when the challenge is not echoed or the verify token is wrong', async () => {
    echoWrongChallenge = true;
    const wrongEcho = await subscribe();
    expect(wrongEcho.status).toBe(400);
    expect(await wrongEcho.json()).toMatchObject({
      errors: [{ field: 'callback url', code: 'not verifiable' }],
    });
    echoWrongChallenge = false;
    expect((await subscribe('other-token')).status).toBe(400);
    expect(fake.subscription()).toBeUndefined();
  });

  it('sends create, update, delete and deauthorization events, reporting status and latency', async () => {
    expect((await subscribe()).status).toBe(201);
    const sub = fake.subscription();
    const athlete = fake.addAthlete();
    received.length = 0;

    // The receiver answers 150 ms after the event arrived: the latency reported is the time from
    // sending to the answer, so at least that (less 5 ms for timer granularity), and not seconds.
    answerDelayMs = 150;
    const sent = await fake.sendEvent({
      object_type: 'activity',
      object_id: 1,
      aspect_type: 'create',
      owner_id: athlete.id,
    });
    answerDelayMs = 0;
    expect(sent).toMatchObject({ status: 200, timedOut: false, url: receiverUrl });
    expect(sent.latencyMs).toBeGreaterThanOrEqual(145);
    expect(sent.latencyMs).toBeLessThan(5000);
    expect(sent.event.subscription_id).toBe(sub?.id);

    const { activity } = await fake.publishActivity(athlete.id, { sportType: 'Ride' });
    await fake.updateActivity(activity.id, { name: 'Renamed', sportType: 'GravelRide' });
    await fake.deleteActivity(activity.id);
    const { accessToken } = fake.issueTokens(athlete.id);
    const deauth = await fetch(`${fake.oauthUrl}/deauthorize`, {
      method: 'POST',
      body: new URLSearchParams({ access_token: accessToken }),
    });
    expect(deauth.status).toBe(200);
    await fake.flushEvents();
    expect((await get('/api/v3/athlete', accessToken)).status).toBe(401);

    expect(received.map((e) => [e.object_type, e.aspect_type, e.updates])).toEqual([
      ['activity', 'create', {}],
      ['activity', 'create', {}],
      ['activity', 'update', { title: 'Renamed', type: 'GravelRide' }],
      ['activity', 'delete', {}],
      ['athlete', 'update', { authorized: 'false' }],
    ]);
    expect(received[1]).toMatchObject({
      object_id: activity.id,
      owner_id: athlete.id,
      subscription_id: sub?.id,
    });
    expect(typeof received[1]?.event_time).toBe('number');
  });
});
