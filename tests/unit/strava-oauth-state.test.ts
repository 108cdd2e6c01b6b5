import { describe, expect, it } from 'vitest';
import {
  createOAuthState,
  createStravaOAuth,
  hasRequiredScope,
  isTokenExpiring,
  verifyOAuthState,
} from '../../services/strava/oauth.ts';
import { parseRateLimitHeaders } from '../../services/strava/parse-rate-limit-headers.ts';

const SECRET = 'test-secret-of-sufficient-length';
const NOW = Date.UTC(2026, 10, 24, 14, 0, 0);

describe('createOAuthState() / verifyOAuthState()', () => {
  it('accepts its own state for the same user before expiry, naming its nonce', () => {
    const state = createOAuthState(SECRET, 'user-42', NOW);
    // s1.<user>.<expiry>.<nonce>.<mac>: the nonce is what the callback records to use it once.
    expect(verifyOAuthState(SECRET, state, 'user-42', NOW + 60_000)).toEqual({
      ok: true,
      userId: 'user-42',
      nonce: state.split('.')[3],
    });
  });

  it('is expired after ttl (10 minutes by default)', () => {
    const state = createOAuthState(SECRET, 'user-42', NOW);
    expect(verifyOAuthState(SECRET, state, 'user-42', NOW + 10 * 60_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const short = createOAuthState(SECRET, 'user-42', NOW, 1000);
    expect(verifyOAuthState(SECRET, short, 'user-42', NOW + 1001)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('is forged when signed with another secret or when any part was edited', () => {
    const state = createOAuthState(SECRET, 'user-42', NOW);
    expect(verifyOAuthState('another-secret-entirely!!', state, 'user-42', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const parts = state.split('.');
    const later = [parts[0], parts[1], String(NOW + 999_999_999), parts[3], parts[4]].join('.');
    expect(verifyOAuthState(SECRET, later, 'user-42', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const otherUser = [
      parts[0],
      Buffer.from('user-7').toString('base64url'),
      parts[2],
      parts[3],
      parts[4],
    ].join('.');
    expect(verifyOAuthState(SECRET, otherUser, 'user-7', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('belongs to the user it was made for', () => {
    const state = createOAuthState(SECRET, 'user-42', NOW);
    expect(verifyOAuthState(SECRET, state, 'user-7', NOW)).toEqual({
      ok: false,
      reason: 'wrong_user',
    });
  });

  it('is malformed when it is not a state at all', () => {
    for (const bad of ['', 'abc', 's1.a.b.c', 's2.a.1.c.d', 's1.a.notanumber.c.d']) {
      expect(verifyOAuthState(SECRET, bad, 'user-42', NOW)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('refuses a short secret', () => {
    expect(() => createOAuthState('short', 'u', NOW)).toThrow(/at least 16/);
  });
});

describe('hasRequiredScope()', () => {
  it.each([
    ['read,activity:read_all', true],
    ['activity:read_all', true],
    ['read activity:read_all', true],
    ['read,activity:read', false],
    ['read', false],
    ['', false],
    [null, false],
  ])('%s → %s', (scope, expected) => {
    expect(hasRequiredScope(scope)).toBe(expected);
  });
});

describe('isTokenExpiring()', () => {
  it('is true within the margin (one hour by default) and false before it', () => {
    expect(isTokenExpiring(new Date(NOW + 59 * 60_000), NOW)).toBe(true);
    expect(isTokenExpiring(new Date(NOW + 61 * 60_000), NOW)).toBe(false);
    expect(isTokenExpiring(new Date(NOW + 61_000), NOW, 60_000)).toBe(false);
  });
});

describe('StravaOAuth.authorizeUrl()', () => {
  it('asks for activity:read_all with approval_prompt=auto, our redirect and the state', () => {
    const oauth = createStravaOAuth({
      clientId: '123',
      clientSecret: 's',
      oauthUrl: 'https://www.strava.com/oauth/',
      redirectUri: 'https://hipcheck.example/api/strava/callback',
    });
    const url = new URL(oauth.authorizeUrl('the-state'));
    expect(url.origin + url.pathname).toBe('https://www.strava.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '123',
      redirect_uri: 'https://hipcheck.example/api/strava/callback',
      response_type: 'code',
      approval_prompt: 'auto',
      scope: 'read,activity:read_all',
      state: 'the-state',
    });
  });
});

describe('parseRateLimitHeaders()', () => {
  it("reads Strava's short,daily pairs from either a Headers or a plain object", () => {
    const expected = {
      shortLimit: 200,
      dailyLimit: 2000,
      shortUsage: 12,
      dailyUsage: 340,
      readShortLimit: 100,
      readDailyLimit: 1000,
      readShortUsage: 10,
      readDailyUsage: 300,
    };
    const plain = {
      'X-RateLimit-Limit': '200,2000',
      'X-RateLimit-Usage': '12,340',
      'x-readratelimit-limit': '100,1000',
      'x-readratelimit-usage': ['10,300'],
    };
    expect(parseRateLimitHeaders(plain)).toEqual(expected);
    expect(
      parseRateLimitHeaders(new Headers({ ...plain, 'x-readratelimit-usage': '10,300' })),
    ).toEqual(expected);
    expect(parseRateLimitHeaders({ 'X-RateLimit-Limit': 'garbage' })).toEqual({});
  });
});
