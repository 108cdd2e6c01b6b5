// The Strava client (strava-v3 pointed at the fake Strava) with the Redis rate limiter: paging,
// token expiry, and how each kind of failure surfaces.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError, NotFoundError, UpstreamUnavailableError } from '../../shared/errors.ts';
import { createStravaClient, type StravaClient } from '../../services/strava/client.ts';
import {
  RateLimitedError,
  StravaScopeError,
  StravaTokenError,
} from '../../services/strava/errors.ts';
import { createStravaOAuth, type StravaTokens } from '../../services/strava/oauth.ts';
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimits,
} from '../../services/strava/rate-limiter.ts';
import { startFakeStrava, type FakeAthlete, type FakeStrava } from '../fake-strava/fake-strava.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOMY: RateLimits = {
  shortLimit: 10_000,
  dailyLimit: 100_000,
  readShortLimit: 10_000,
  readDailyLimit: 100_000,
};
let redis: Redis;
let fake: FakeStrava;
let runner: FakeAthlete;

beforeAll(async () => {
  redis = new Redis(redisUrl);
  fake = await startFakeStrava({ rateLimits: ROOMY });
  runner = fake.addAthlete();
  fake.generateActivities(runner.id, 600, { endAt: new Date('2026-11-24T06:00:00Z') });
});

afterAll(async () => {
  const keys = await redis.keys('test:strava-client:*');
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await fake.close();
});

function limiterFor(
  limits: RateLimits = ROOMY,
  extra: { shortWindowMs?: number } = {},
): RateLimiter {
  return createRateLimiter({
    redis,
    keyPrefix: `test:strava-client:${randomUUID()}`,
    limits,
    ...extra,
  });
}

function clientWith(
  accessToken: string,
  extra: Partial<Parameters<typeof createStravaClient>[0]> = {},
): StravaClient {
  return createStravaClient({
    apiUrl: fake.apiUrl,
    limiter: limiterFor(),
    getAccessToken: () => Promise.resolve(accessToken),
    timeoutMs: 2000,
    ...extra,
  });
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('createStravaClient() against the fake Strava', () => {
  it('pages through 600 activities, 200 at a time, newest first', async () => {
    const client = clientWith(fake.issueTokens(runner.id).accessToken);
    const seen: number[] = [];
    const starts: number[] = [];
    for (let page = 1; ; page++) {
      const list = await client.listActivities({ page, perPage: 200 });
      if (list.length === 0) break;
      seen.push(...list.map((a) => a.id));
      starts.push(...list.map((a) => Date.parse(a.start_date)));
    }
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const sports = new Set((await client.listActivities({ perPage: 50 })).map((a) => a.sport_type));
    expect([...sports]).toEqual(
      expect.arrayContaining(['Run', 'Ride', 'Swim', 'Walk', 'TrailRun']),
    );
  });

  it('filters with after/before given as Dates (sent as epoch seconds)', async () => {
    const client = clientWith(fake.issueTokens(runner.id).accessToken);
    const after = new Date('2026-11-14T06:00:00Z');
    const recent = await client.listActivities({ after, perPage: 200 });
    expect(recent.length).toBeGreaterThan(10);
    expect(recent.every((a) => Date.parse(a.start_date) > after.getTime())).toBe(true);
    const older = await client.listActivities({ before: after, perPage: 5 });
    expect(older.every((a) => Date.parse(a.start_date) < after.getTime())).toBe(true);
    await expect(client.listActivities({ perPage: 201 })).rejects.toThrow(/invalid perPage: 201/);
    await expect(client.getActivity('12; DROP')).rejects.toBeInstanceOf(BadInputError);
  });

  it('gets an activity, its laps, its streams keyed by type, and the athlete', async () => {
    const client = clientWith(fake.issueTokens(runner.id).accessToken);
    const run = fake.activitiesOf(runner.id).find((a) => a.sportType === 'Run');
    if (run === undefined) throw new Error('no run generated');
    const detail = await client.getActivity(run.id);
    expect(detail).toMatchObject({ id: run.id, sport_type: 'Run', resource_state: 3 });
    const laps = await client.getLaps(run.id);
    expect(laps[0]).toMatchObject({ lap_index: 1, activity: { id: run.id } });
    const streams = await client.getStreams(run.id);
    expect(streams.time?.data.length).toBe(run.points.length);
    expect(streams.heartrate?.data.length).toBe(run.points.length);
    expect(streams.latlng?.data[0]).toHaveLength(2);
    expect(await client.getAthlete()).toMatchObject({ id: runner.id });
  });

  it('refreshes an access token that expires mid-backfill, always keeping the newest refresh token', async () => {
    const oauth = createStravaOAuth({
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      oauthUrl: fake.oauthUrl,
      redirectUri: 'http://127.0.0.1:9/cb',
    });
    const issued = fake.issueTokens(runner.id);
    let tokens: StravaTokens = {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      expiresAt: new Date(issued.expiresAt * 1000),
    };
    let refreshes = 0;
    const client = createStravaClient({
      apiUrl: fake.apiUrl,
      limiter: limiterFor(),
      // Deliberately naive (no refresh ahead of expiry), so that the 401 path is what is tested.
      getAccessToken: async ({ forceRefresh }) => {
        if (forceRefresh) {
          tokens = await oauth.refresh(tokens.refreshToken);
          refreshes++;
        }
        return tokens.accessToken;
      },
    });
    const ids = fake
      .activitiesOf(runner.id)
      .slice(0, 30)
      .map((a) => a.id);
    const fetched: number[] = [];
    for (const [i, id] of ids.entries()) {
      if (i === 10 || i === 20) fake.expireAccessTokens(runner.id);
      fetched.push((await client.getActivity(id)).id);
    }
    expect(fetched).toEqual(ids);
    expect(refreshes).toBe(2); // the second refresh only works with the refresh token of the first
  });

  it('a rejected token that no refresh can fix surfaces as StravaTokenError (retryable: refresh first)', async () => {
    const { accessToken } = fake.issueTokens(runner.id);
    fake.expireAccessTokens(runner.id);
    const e = await failure(clientWith(accessToken).getAthlete());
    expect(e).toBeInstanceOf(StravaTokenError);
    expect((e as StravaTokenError).reason).toBe('access_token_rejected');
  });

  it('a token without activity permission surfaces as StravaScopeError, saying what to do', async () => {
    const { accessToken } = fake.issueTokens(runner.id, { scope: 'read' });
    const e = await failure(clientWith(accessToken).listActivities());
    expect(e).toBeInstanceOf(StravaScopeError);
    expect((e as Error).message).toMatch(/connect Strava again/);
  });

  it('a missing activity is NotFoundError', async () => {
    await expect(
      clientWith(fake.issueTokens(runner.id).accessToken).getActivity(1),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('Strava 500s and timeouts surface as retryable UpstreamUnavailableError', async () => {
    const client = clientWith(fake.issueTokens(runner.id).accessToken, { timeoutMs: 200 });
    const id = fake.activitiesOf(runner.id)[0]?.id ?? 0;
    fake.injectFault({ path: `/api/v3/activities/${id}/streams`, status: 500 });
    const e500 = await failure(client.getStreams(id));
    expect(e500).toBeInstanceOf(UpstreamUnavailableError);
    expect((e500 as UpstreamUnavailableError).retryable).toBe(true);
    expect((e500 as Error).message).toMatch(/answered 500/);
    fake.injectFault({ path: `/api/v3/activities/${id}`, mode: 'hang' });
    // The fake never answers: without the client's own timeout this await would hang until the
    // test's timeout fails it.
    const timeout = await failure(client.getActivity(id));
    expect(timeout).toBeInstanceOf(UpstreamUnavailableError);
    expect((timeout as Error).message).toMatch(/within 200 ms/);
    // And the next attempt goes through.
    expect((await client.getStreams(id)).time).toBeDefined();
  });
});

describe('createStravaClient() and 429s', () => {
  it('a 429 that comes anyway is a RateLimitedError with retryAt, and the limiter stops sending until then', async () => {
    const windowMs = 3_600_000;
    const strict = await startFakeStrava({
      shortWindowMs: windowMs,
      rateLimits: { readShortLimit: 5 },
    });
    try {
      const athlete = strict.addAthlete();
      const { accessToken } = strict.issueTokens(athlete.id);
      // Someone else (another app, or a script outside the limiter) uses the window up.
      for (let i = 0; i < 5; i++) {
        await fetch(`${strict.apiUrl}/athlete`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
      }
      const limiter = limiterFor({ ...ROOMY, readShortLimit: 100 }, { shortWindowMs: windowMs });
      const client = createStravaClient({
        apiUrl: strict.apiUrl,
        limiter,
        getAccessToken: () => Promise.resolve(accessToken),
        maxWaitMs: 0,
      });
      const e = await failure(client.getAthlete());
      expect(e).toBeInstanceOf(RateLimitedError);
      const nextWindow = Math.floor(Date.now() / windowMs) * windowMs + windowMs;
      expect((e as RateLimitedError).retryAt.getTime()).toBe(nextWindow);
      expect((e as RateLimitedError).retryable).toBe(true);
      expect(strict.stats().rateLimited).toBe(1);
      // The limiter learnt the lower limit and the usage: the next call is refused before it is sent.
      expect((await limiter.status()).readShort).toMatchObject({ limit: 5, usage: 5 });
      const again = await failure(client.getAthlete());
      expect(again).toBeInstanceOf(RateLimitedError);
      expect(strict.stats().rateLimited).toBe(1);
    } finally {
      await strict.close();
    }
  });
});
