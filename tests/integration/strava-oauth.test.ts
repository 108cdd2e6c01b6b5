// Strava OAuth against the fake Strava over real HTTP: the whole browser round trip, the code
// exchange, refresh with rotating refresh tokens, and deauthorization.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../shared/errors.ts';
import { StravaTokenError } from '../../services/strava/errors.ts';
import {
  createOAuthState,
  createStravaOAuth,
  hasRequiredScope,
  verifyOAuthState,
  type StravaOAuth,
} from '../../services/strava/oauth.ts';
import { startFakeStrava, type FakeStrava } from '../fake-strava/fake-strava.ts';

const SECRET = 'state-secret-for-the-tests-0123456789';
const REDIRECT = 'http://127.0.0.1:9/api/strava/callback';
let fake: FakeStrava;
let oauth: StravaOAuth;

beforeAll(async () => {
  fake = await startFakeStrava({ clientId: '777', clientSecret: 'shh' });
  oauth = createStravaOAuth({
    clientId: '777',
    clientSecret: 'shh',
    oauthUrl: fake.oauthUrl,
    redirectUri: REDIRECT,
    timeoutMs: 1000,
  });
});

afterAll(async () => {
  await fake.close();
});

/** Plays the browser: follows authorizeUrl to the fake and reads the redirect back to us. */
async function authorize(state: string): Promise<URLSearchParams> {
  const res = await fetch(oauth.authorizeUrl(state), { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT);
  return location.searchParams;
}

function tokenError(e: unknown): StravaTokenError {
  if (e instanceof StravaTokenError) return e;
  throw e;
}

describe('StravaOAuth against the fake Strava', () => {
  it('connects: authorize → callback with code, scope and our state → tokens and athlete', async () => {
    const athlete = fake.addAthlete({ firstname: 'Ana' });
    fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    const now = Date.now();
    const callback = await authorize(createOAuthState(SECRET, 'user-1', now));
    expect(verifyOAuthState(SECRET, callback.get('state') ?? '', 'user-1', now)).toMatchObject({
      ok: true,
    });
    expect(hasRequiredScope(callback.get('scope'))).toBe(true);
    const tokens = await oauth.exchangeCode(callback.get('code') ?? '');
    expect(tokens.athlete).toMatchObject({ id: athlete.id, firstname: 'Ana' });
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(now + 5 * 3_600_000);
    const me = await fetch(`${fake.apiUrl}/athlete`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);
    // A code works once.
    expect(
      tokenError(await oauth.exchangeCode(callback.get('code') ?? '').catch((e: unknown) => e))
        .reason,
    ).toBe('code_rejected');
  });

  it('tells when the runner unticked private activities (scope without activity:read_all)', async () => {
    const athlete = fake.addAthlete();
    fake.setAuthorizeBehaviour({ athleteId: athlete.id, scope: 'read,activity:read' });
    const callback = await authorize(createOAuthState(SECRET, 'user-2', Date.now()));
    expect(callback.get('scope')).toBe('read,activity:read');
    expect(hasRequiredScope(callback.get('scope'))).toBe(false);
    fake.setAuthorizeBehaviour({});
  });

  it('refresh() returns new tokens; the newest refresh token works and the replaced one does not', async () => {
    const athlete = fake.addAthlete();
    const first = fake.issueTokens(athlete.id);
    const second = await oauth.refresh(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.athlete).toBeUndefined();
    const third = await oauth.refresh(second.refreshToken);
    expect(third.accessToken).not.toBe(second.accessToken);
    const stale = tokenError(await oauth.refresh(first.refreshToken).catch((e: unknown) => e));
    expect(stale.reason).toBe('refresh_token_rejected');
    expect(stale.retryable).toBe(false);
    expect(stale.message).toMatch(/connect Strava again/);
  });

  it('refresh() with a wrong client secret is refused, and a Strava 500 is retryable', async () => {
    const athlete = fake.addAthlete();
    const { refreshToken } = fake.issueTokens(athlete.id);
    const wrong = createStravaOAuth({
      clientId: '777',
      clientSecret: 'nope',
      oauthUrl: fake.oauthUrl,
      redirectUri: REDIRECT,
    });
    expect(tokenError(await wrong.refresh(refreshToken).catch((e: unknown) => e)).reason).toBe(
      'refresh_token_rejected',
    );
    fake.injectFault({ path: '/oauth/token', status: 503 });
    const down = await oauth.refresh(refreshToken).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(UpstreamUnavailableError);
    expect((down as UpstreamUnavailableError).retryable).toBe(true);
    // The failed attempt did not use up the refresh token.
    expect((await oauth.refresh(refreshToken)).accessToken).toMatch(/^[0-9a-f]{40}$/);
  });

  it('a hanging token endpoint times out as a retryable error', async () => {
    const athlete = fake.addAthlete();
    const { refreshToken } = fake.issueTokens(athlete.id);
    const impatient = createStravaOAuth({
      clientId: '777',
      clientSecret: 'shh',
      oauthUrl: fake.oauthUrl,
      redirectUri: REDIRECT,
      timeoutMs: 150,
    });
    fake.injectFault({ path: '/oauth/token', mode: 'hang' });
    await expect(impatient.refresh(refreshToken)).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('deauthorize() revokes the tokens; doing it twice is fine', async () => {
    const athlete = fake.addAthlete();
    const { accessToken, refreshToken } = fake.issueTokens(athlete.id);
    await oauth.deauthorize(accessToken);
    const me = await fetch(`${fake.apiUrl}/athlete`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(401);
    await expect(oauth.refresh(refreshToken)).rejects.toBeInstanceOf(StravaTokenError);
    await expect(oauth.deauthorize(accessToken)).resolves.toBeUndefined();
  });
});
