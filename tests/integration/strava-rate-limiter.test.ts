// The shared Strava rate limiter against real Redis, with an injected clock so that quarter hours
// and days pass instantly.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../../services/strava/memory-rate-limiter.ts';
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
} from '../../services/strava/rate-limiter.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
let redis2: Redis;

beforeAll(() => {
  redis = new Redis(redisUrl);
  redis2 = new Redis(redisUrl);
});

afterAll(async () => {
  for (const r of [redis, redis2]) {
    const keys = await r.keys('test:strava-rl:*');
    if (keys.length > 0) await r.del(...keys);
  }
  redis.disconnect();
  redis2.disconnect();
});

/** A clock that only moves when told to, and a sleep that moves it. */
function fakeClock(start: number) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    sleep: (ms: number) => {
      t += ms;
      return Promise.resolve();
    },
  };
}

function limiter(
  prefix: string,
  clock: ReturnType<typeof fakeClock>,
  extra: Partial<RateLimiterOptions> = {},
) {
  return createRateLimiter({
    redis,
    keyPrefix: prefix,
    limits: { shortLimit: 20, dailyLimit: 100, readShortLimit: 10, readDailyLimit: 50 },
    safetyMargin: 0.1,
    now: clock.now,
    sleep: clock.sleep,
    ...extra,
  });
}

const prefix = (): string => `test:strava-rl:${randomUUID()}`;
// 14:07 UTC on a Tuesday: the quarter hour ends at 14:15, the day at 00:00 UTC.
const T0 = Date.UTC(2026, 10, 24, 14, 7, 30);

describe('createRateLimiter()', () => {
  it('lets the budget (limit minus margin) through in a quarter hour, then says when the next one starts', async () => {
    const clock = fakeClock(T0);
    const rl = limiter(prefix(), clock);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await rl.tryAcquire('read'));
    expect(results.slice(0, 9).every((r) => r.ok)).toBe(true);
    expect(results[9]).toEqual({
      ok: false,
      reason: 'short',
      retryAt: new Date(Date.UTC(2026, 10, 24, 14, 15)),
    });
    expect(rl.nextWindowAt()).toEqual(new Date(Date.UTC(2026, 10, 24, 14, 15)));
    // Writes have their own, larger budget (18 of 20 overall; 9 are used by the reads).
    for (let i = 0; i < 9; i++) expect((await rl.tryAcquire('write')).ok).toBe(true);
    expect((await rl.tryAcquire('write')).ok).toBe(false);
    clock.advance(7.5 * 60_000);
    expect((await rl.tryAcquire('read')).ok).toBe(true);
  });

  it('acquire() waits for the next window instead of failing', async () => {
    const clock = fakeClock(T0);
    const rl = limiter(prefix(), clock);
    for (let i = 0; i < 9; i++) await rl.acquire('read');
    const result = await rl.acquire('read');
    expect(result.ok).toBe(true);
    expect(clock.now()).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 24, 14, 15));
    expect(clock.now()).toBeLessThan(Date.UTC(2026, 10, 24, 14, 15, 1));
  });

  it('when the daily budget is used up, acquire() with maxWaitMs returns the next 00:00 UTC instead of blocking', async () => {
    const clock = fakeClock(T0);
    const rl = limiter(prefix(), clock);
    let granted = 0;
    for (let i = 0; i < 60; i++) {
      const r = await rl.acquire('read', { maxWaitMs: 20 * 60_000 });
      if (!r.ok) {
        expect(r).toEqual({
          ok: false,
          reason: 'daily',
          retryAt: new Date(Date.UTC(2026, 10, 25)),
        });
        break;
      }
      granted++;
    }
    expect(granted).toBe(45); // 90% of the 50 daily reads
    const status = await rl.status();
    expect(status.nextBatchAt).toEqual(new Date(Date.UTC(2026, 10, 25)));
    expect(status.readDaily).toMatchObject({ usage: 45, limit: 50, budget: 45 });
    clock.advance(Date.UTC(2026, 10, 25) - clock.now());
    expect((await rl.tryAcquire('read')).ok).toBe(true);
  });

  it("record() raises the counters to Strava's usage and adopts Strava's limits for every process", async () => {
    const clock = fakeClock(T0);
    const p = prefix();
    const a = limiter(p, clock);
    const b = createRateLimiter({
      redis: redis2,
      keyPrefix: p,
      now: clock.now,
      sleep: clock.sleep,
      safetyMargin: 0.1,
    });
    const slot = await a.tryAcquire('read');
    expect(slot.ok).toBe(true);
    await a.record(
      {
        'x-ratelimit-limit': '20,100',
        'x-ratelimit-usage': '7,30',
        'x-readratelimit-limit': '10,50',
        'x-readratelimit-usage': '6,25',
      },
      slot.ok ? slot.acquiredAt : undefined,
    );
    const status = await b.status();
    expect(status.readShort).toMatchObject({ usage: 6, limit: 10, budget: 9 });
    expect(status.short).toMatchObject({ usage: 7, limit: 20 });
    expect(status.daily).toMatchObject({ usage: 30, limit: 100 });
    // Lower figures never lower the counters.
    await a.record({ 'x-ratelimit-usage': '1,1', 'x-readratelimit-usage': '1,1' });
    expect((await b.status()).readShort.usage).toBe(6);
  });

  it('record() ignores short-window usage from a request sent in the previous window', async () => {
    const clock = fakeClock(Date.UTC(2026, 10, 24, 14, 14, 59, 900));
    const rl = limiter(prefix(), clock);
    const slot = await rl.tryAcquire('read');
    clock.advance(200); // the answer comes at 14:15:00.100
    await rl.record(
      { 'x-readratelimit-usage': '9,9', 'x-ratelimit-usage': '9,9' },
      slot.ok ? slot.acquiredAt : undefined,
    );
    const status = await rl.status();
    expect(status.readShort.usage).toBe(1); // booked by the boundary guard, not the header's 9
    expect(status.readDaily.usage).toBe(9);
  });

  it('books a request sent just before a window ends in the next window too', async () => {
    const clock = fakeClock(Date.UTC(2026, 10, 24, 14, 14, 59, 995));
    const rl = limiter(prefix(), clock, { boundaryGuardMs: 10 });
    for (let i = 0; i < 3; i++) expect((await rl.tryAcquire('read')).ok).toBe(true);
    clock.advance(10);
    expect((await rl.status()).readShort.usage).toBe(3);
    const early = fakeClock(Date.UTC(2026, 10, 24, 14, 14, 59, 900));
    const rl2 = limiter(prefix(), early, { boundaryGuardMs: 10 });
    await rl2.tryAcquire('read');
    early.advance(100);
    expect((await rl2.status()).readShort.usage).toBe(0);
  });

  it('onRateLimited() marks the window used up and returns its end', async () => {
    const clock = fakeClock(T0);
    const rl = limiter(prefix(), clock);
    const slot = await rl.tryAcquire('read');
    const retryAt = await rl.onRateLimited(
      {
        'x-ratelimit-limit': '20,100',
        'x-ratelimit-usage': '20,40',
        'x-readratelimit-limit': '10,50',
        'x-readratelimit-usage': '10,30',
      },
      slot.ok ? slot.acquiredAt : undefined,
    );
    expect(retryAt).toEqual(new Date(Date.UTC(2026, 10, 24, 14, 15)));
    expect(await rl.tryAcquire('read')).toMatchObject({ ok: false, reason: 'short' });
    expect((await rl.status()).nextBatchAt).toEqual(retryAt);
  });

  it('onRateLimited() on a daily 429 defers to 00:00 UTC', async () => {
    const clock = fakeClock(T0);
    const rl = limiter(prefix(), clock);
    const retryAt = await rl.onRateLimited({
      'x-readratelimit-limit': '10,50',
      'x-readratelimit-usage': '3,50',
    });
    expect(retryAt).toEqual(new Date(Date.UTC(2026, 10, 25)));
    expect(await rl.tryAcquire('read')).toMatchObject({ ok: false, reason: 'daily' });
  });

  it('two connections racing for the last slots never take more than the budget together', async () => {
    const clock = fakeClock(T0);
    const p = prefix();
    const a = limiter(p, clock);
    const b = createRateLimiter({
      redis: redis2,
      keyPrefix: p,
      limits: { shortLimit: 20, dailyLimit: 100, readShortLimit: 10, readDailyLimit: 50 },
      safetyMargin: 0.1,
      now: clock.now,
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).tryAcquire('read')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(9);
  });

  it('rejects nonsense options', () => {
    expect(() => createRateLimiter({ redis, safetyMargin: 1 })).toThrow(/safetyMargin/);
    expect(() => createRateLimiter({ redis, shortWindowMs: 0 })).toThrow(/windows/);
    expect(() => createRateLimiter({ redis, liveReserve: 1 })).toThrow(/liveReserve/);
  });
});

// The same behaviour from the Redis limiter and the embedded mode's in-memory one, with quarter
// hours wide open so that only the day counts.
const both: Array<[string, (clock: ReturnType<typeof fakeClock>) => RateLimiter]> = [
  [
    'Redis',
    (clock) =>
      limiter(prefix(), clock, {
        limits: { shortLimit: 1000, dailyLimit: 100, readShortLimit: 1000, readDailyLimit: 50 },
      }),
  ],
  [
    'in-memory',
    (clock) =>
      createMemoryRateLimiter({
        limits: { shortLimit: 1000, dailyLimit: 100, readShortLimit: 1000, readDailyLimit: 50 },
        safetyMargin: 0.1,
        now: clock.now,
      }),
  ],
];

describe.each(both)(
  'the %s limiter shares a day between new activities and backfills',
  (_, make) => {
    it('a backfill stops at 80 % of the daily budget; new activities use the rest', async () => {
      const rl = make(fakeClock(T0));
      // 50 reads a day − 10 % margin = 45; a backfill may use 80 %: 36.
      for (let i = 0; i < 36; i++) expect((await rl.tryAcquire('read', 'backfill')).ok).toBe(true);
      expect(await rl.tryAcquire('read', 'backfill')).toEqual({
        ok: false,
        reason: 'daily',
        retryAt: new Date(Date.UTC(2026, 10, 25)),
      });
      // The remaining 45 − 36 = 9 are there for new activities.
      for (let i = 0; i < 9; i++) expect((await rl.tryAcquire('read', 'live')).ok).toBe(true);
      expect((await rl.tryAcquire('read', 'live')).ok).toBe(false);
      expect((await rl.status()).liveReserve).toBe(0.2);
    });

    it('takes several requests together or none', async () => {
      const rl = make(fakeClock(T0));
      for (let i = 0; i < 44; i++) expect((await rl.tryAcquire('read')).ok).toBe(true);
      // One read left of 45: two at once are refused, and the one left is still there.
      expect((await rl.tryAcquire('read', 'live', 2)).ok).toBe(false);
      expect((await rl.tryAcquire('read', 'live', 1)).ok).toBe(true);
      expect((await rl.status()).readDaily.usage).toBe(45);
    });
  },
);
