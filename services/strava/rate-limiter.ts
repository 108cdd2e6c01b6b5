// One Strava rate limiter for every worker process, kept in Redis.
//
// Strava counts requests per application in two wall-clock windows: quarter hours (…:00, :15,
// :30, :45) and days (from 00:00 UTC). Every request counts toward the overall limits; GETs also
// count toward the (lower) read limits. Each window gets one Redis counter per limit
// (`<prefix>:short:<windowStart>:all` …), and a Lua script checks every budget and increments
// every counter in one step, so two processes can never both take the last slot.
//
// Our counters count requests as they are *sent*; Strava's headers count what it has *seen*.
// `record()` raises our counters to Strava's figures (never lowers them), which also covers
// requests made outside the limiter and counters lost in a Redis flush. Limits announced in the
// headers replace the configured ones for every process. A request sent in the last moments of a
// window (`boundaryGuardMs`) is booked in the next window too, since Strava may count it there.
import type { Redis } from 'ioredis';
import {
  parseRateLimitHeaders,
  type HeaderSource,
  type ParsedHeaders,
} from './parse-rate-limit-headers.ts';
import { ACQUIRE_LUA, RECORD_LUA } from './rate-limiter-scripts.ts';

export type RequestKind = 'read' | 'write';

/**
 * Whose request it is: `live` (webhook events and catch-ups: the runners' new activities) may use
 * the whole daily budget; `backfill` only what `liveReserve` leaves, and after a window opens it
 * waits a moment longer, so new activities never queue behind a history.
 */
export type RequestLane = 'live' | 'backfill';

/** Default share of each daily budget kept for new activities: backfills use the other 80 %. */
export const DEFAULT_LIVE_RESERVE = 0.2;

export interface RateLimits {
  /** Overall requests per short window (Strava: 200 per 15 minutes). */
  shortLimit: number;
  /** Overall requests per day (Strava: 2,000). */
  dailyLimit: number;
  /** Read requests per short window (Strava: 100 per 15 minutes). */
  readShortLimit: number;
  /** Read requests per day (Strava: 1,000). */
  readDailyLimit: number;
}

export const STRAVA_DEFAULT_LIMITS: Readonly<RateLimits> = {
  shortLimit: 200,
  dailyLimit: 2000,
  readShortLimit: 100,
  readDailyLimit: 1000,
};

export const QUARTER_HOUR_MS = 15 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RateLimiterOptions {
  redis: Redis;
  /** Default 'hipcheck:strava:rate'. Tests use a unique prefix each. */
  keyPrefix?: string;
  /** Used until Strava's headers say otherwise. Default STRAVA_DEFAULT_LIMITS. */
  limits?: Partial<RateLimits>;
  /** Default 15 minutes. Windows start at multiples of it since the epoch (wall-clock aligned). */
  shortWindowMs?: number;
  /** Default 24 hours, so days start at 00:00 UTC. */
  dailyWindowMs?: number;
  /**
   * Fraction of every limit kept in reserve, default 0.05: room for requests in flight across a
   * window boundary, clock skew, and other users of the same Strava app.
   */
  safetyMargin?: number;
  /**
   * A request sent this close to the end of a window may reach Strava in the next one, so it is
   * counted in both. Default: 1% of the short window, at most 2 s.
   */
  boundaryGuardMs?: number;
  /** Share of each daily budget a backfill may not use (DEFAULT_LIVE_RESERVE). */
  liveReserve?: number;
  /** Default Date.now. */
  now?: () => number;
  /** Default a real timer. Tests with a fake clock pass one that advances it. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type AcquireResult =
  { ok: true; acquiredAt: number } | { ok: false; retryAt: Date; reason: 'short' | 'daily' };

export interface WindowStatus {
  usage: number;
  limit: number;
  /** What the limiter lets through: limit minus the safety margin. */
  budget: number;
  windowStart: Date;
  resetsAt: Date;
}

export interface RateLimitStatus {
  short: WindowStatus;
  daily: WindowStatus;
  readShort: WindowStatus;
  readDaily: WindowStatus;
  /** When the next read request can go out: now if there is budget left ("next batch at 14:15"). */
  nextBatchAt: Date;
  /** Share of each daily budget kept for new activities (backfills use the rest). */
  liveReserve: number;
}

export interface AcquireOptions {
  /**
   * Wait at most this long (default: without limit). When the budget comes back later than that
   * (typically the daily limit, at 00:00 UTC), return { ok: false, retryAt } at once so a job can
   * be delayed instead of sleeping for hours.
   */
  maxWaitMs?: number;
  signal?: AbortSignal;
  /** Default 'live'. */
  lane?: RequestLane;
  /** Take this many requests at once, all or none (default 1): the requests of one activity. */
  count?: number;
}

export interface RateLimiter {
  /**
   * Takes one request from the budget of the current windows, waiting for the next window when
   * it is used up. Never throws for rate limiting (only if Redis fails or `signal` aborts).
   */
  acquire(kind: RequestKind, options?: AcquireOptions): Promise<AcquireResult>;
  /** Like acquire() without waiting. */
  tryAcquire(kind: RequestKind, lane?: RequestLane, count?: number): Promise<AcquireResult>;
  /**
   * After every response: learns Strava's usage and limits from X-RateLimit-* and
   * X-ReadRateLimit-*. `acquiredAt` (from acquire) stops a response to a request sent in the
   * previous window from being booked into the new one.
   */
  record(headers: HeaderSource, acquiredAt?: number): Promise<void>;
  /** After a 429: marks the window used up and returns when to try again. */
  onRateLimited(headers: HeaderSource, acquiredAt?: number): Promise<Date>;
  /** Start of the next short window. */
  nextWindowAt(): Date;
  status(): Promise<RateLimitStatus>;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const redis = options.redis;
  const prefix = options.keyPrefix ?? 'hipcheck:strava:rate';
  const defaults: RateLimits = { ...STRAVA_DEFAULT_LIMITS, ...options.limits };
  const shortMs = options.shortWindowMs ?? QUARTER_HOUR_MS;
  const dayMs = options.dailyWindowMs ?? DAY_MS;
  const margin = options.safetyMargin ?? 0.05;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  if (!(shortMs > 0) || !(dayMs >= shortMs)) {
    throw new Error(`invalid rate-limit windows: short ${shortMs} ms, daily ${dayMs} ms`);
  }
  if (!(margin >= 0 && margin < 1)) throw new Error(`invalid safetyMargin: ${margin}`);
  const reserve = options.liveReserve ?? DEFAULT_LIVE_RESERVE;
  if (!(reserve >= 0 && reserve < 1)) throw new Error(`invalid liveReserve: ${reserve}`);
  // Spreads the wake-ups of many waiting workers a little; at most 250 ms.
  const jitterMs = Math.min(250, shortMs / 200);
  const guardMs = options.boundaryGuardMs ?? Math.min(2000, shortMs / 100);

  const startOf = (t: number, len: number): number => Math.floor(t / len) * len;
  const budgetOf = (limit: number): number => Math.floor(limit * (1 - margin) + 1e-9);

  function keysAt(t: number): string[] {
    const s = startOf(t, shortMs);
    const d = startOf(t, dayMs);
    return [
      `${prefix}:short:${s}:all`,
      `${prefix}:short:${s}:read`,
      `${prefix}:day:${d}:all`,
      `${prefix}:day:${d}:read`,
      `${prefix}:limits`,
    ];
  }

  function nextKeys(t: number): string[] {
    const s = startOf(t, shortMs) + shortMs;
    const d = startOf(t, dayMs) + dayMs;
    return [
      `${prefix}:short:${s}:all`,
      `${prefix}:short:${s}:read`,
      `${prefix}:day:${d}:all`,
      `${prefix}:day:${d}:read`,
    ];
  }

  // A counter lives one window past its end, so status() can still read a just-closed window.
  function ttls(t: number): { short: number; day: number } {
    return {
      short: Math.ceil(startOf(t, shortMs) + 2 * shortMs - t),
      day: Math.ceil(startOf(t, dayMs) + 2 * dayMs - t),
    };
  }

  async function tryAcquire(
    kind: RequestKind,
    lane: RequestLane = 'live',
    count = 1,
  ): Promise<AcquireResult> {
    const t = now();
    const ttl = ttls(t);
    const nearShortEnd = startOf(t, shortMs) + shortMs - t <= guardMs;
    const nearDayEnd = startOf(t, dayMs) + dayMs - t <= guardMs;
    const reply = (await redis.eval(
      ACQUIRE_LUA,
      9,
      ...keysAt(t),
      ...nextKeys(t),
      kind === 'read' ? '1' : '0',
      String(ttl.short),
      String(ttl.day),
      String(defaults.shortLimit),
      String(defaults.dailyLimit),
      String(defaults.readShortLimit),
      String(defaults.readDailyLimit),
      String(margin),
      nearShortEnd ? '1' : '0',
      nearDayEnd ? '1' : '0',
      String(shortMs),
      String(dayMs),
      String(lane === 'backfill' ? 1 - reserve : 1),
      String(count),
    )) as [number, string];
    if (reply[0] === 1) return { ok: true, acquiredAt: t };
    const reason = reply[1] === 'daily' ? 'daily' : 'short';
    const len = reason === 'daily' ? dayMs : shortMs;
    return { ok: false, reason, retryAt: new Date(startOf(t, len) + len) };
  }

  async function raise(
    t: number,
    usage: (number | undefined)[],
    parsed: ParsedHeaders,
  ): Promise<void> {
    const ttl = ttls(t);
    const num = (v: number | undefined): string => String(v === undefined ? -1 : v);
    await redis.eval(
      RECORD_LUA,
      5,
      ...keysAt(t),
      ...usage.map(num),
      String(ttl.short),
      String(ttl.day),
      num(parsed.shortLimit),
      num(parsed.dailyLimit),
      num(parsed.readShortLimit),
      num(parsed.readDailyLimit),
      String(2 * dayMs),
    );
  }

  async function record(headers: HeaderSource, acquiredAt?: number): Promise<void> {
    const parsed = parseRateLimitHeaders(headers);
    const t = now();
    const sent = acquiredAt ?? t;
    const sameShort = startOf(sent, shortMs) === startOf(t, shortMs);
    const sameDay = startOf(sent, dayMs) === startOf(t, dayMs);
    await raise(
      t,
      [
        sameShort ? parsed.shortUsage : undefined,
        sameShort ? parsed.readShortUsage : undefined,
        sameDay ? parsed.dailyUsage : undefined,
        sameDay ? parsed.readDailyUsage : undefined,
      ],
      parsed,
    );
  }

  return {
    tryAcquire,

    async acquire(kind, acquireOptions = {}) {
      const maxWaitMs = acquireOptions.maxWaitMs ?? Number.POSITIVE_INFINITY;
      const lane = acquireOptions.lane ?? 'live';
      for (;;) {
        acquireOptions.signal?.throwIfAborted();
        const result = await tryAcquire(kind, lane, acquireOptions.count ?? 1);
        if (result.ok) return result;
        const waitMs = result.retryAt.getTime() - now();
        if (waitMs > maxWaitMs) return result;
        await sleep(
          Math.max(1, waitMs) + backfillLagMs(lane, jitterMs) + Math.random() * jitterMs,
          acquireOptions.signal,
        );
      }
    },

    record,

    async onRateLimited(headers, acquiredAt) {
      const parsed = parseRateLimitHeaders(headers);
      const t = now();
      const sent = acquiredAt ?? t;
      const dailyLimit = parsed.dailyLimit ?? defaults.dailyLimit;
      const readDailyLimit = parsed.readDailyLimit ?? defaults.readDailyLimit;
      const daily =
        (parsed.dailyUsage ?? 0) >= dailyLimit || (parsed.readDailyUsage ?? 0) >= readDailyLimit;
      const len = daily ? dayMs : shortMs;
      if (startOf(sent, len) !== startOf(t, len)) {
        // The 429 was about a window that has closed since: the new one may well have room.
        await record(headers, acquiredAt);
        return new Date(t);
      }
      const shortLimit = parsed.shortLimit ?? defaults.shortLimit;
      const readShortLimit = parsed.readShortLimit ?? defaults.readShortLimit;
      await raise(
        t,
        daily
          ? [undefined, undefined, dailyLimit, readDailyLimit]
          : [shortLimit, readShortLimit, parsed.dailyUsage, parsed.readDailyUsage],
        parsed,
      );
      return new Date(startOf(t, len) + len);
    },

    nextWindowAt() {
      return new Date(startOf(now(), shortMs) + shortMs);
    },

    async status() {
      const t = now();
      const keys = keysAt(t);
      const [counts, stored] = await Promise.all([
        redis.mget(keys[0] ?? '', keys[1] ?? '', keys[2] ?? '', keys[3] ?? ''),
        redis.hgetall(keys[4] ?? ''),
      ]);
      const limitOf = (field: keyof RateLimits): number => {
        const v = stored[field];
        return v === undefined ? defaults[field] : Number(v);
      };
      const window = (i: number, field: keyof RateLimits, len: number): WindowStatus => {
        const limit = limitOf(field);
        return {
          usage: Number(counts[i] ?? 0),
          limit,
          budget: budgetOf(limit),
          windowStart: new Date(startOf(t, len)),
          resetsAt: new Date(startOf(t, len) + len),
        };
      };
      const short = window(0, 'shortLimit', shortMs);
      const readShort = window(1, 'readShortLimit', shortMs);
      const daily = window(2, 'dailyLimit', dayMs);
      const readDaily = window(3, 'readDailyLimit', dayMs);
      let nextBatchAt = new Date(t);
      if (daily.usage >= daily.budget || readDaily.usage >= readDaily.budget) {
        nextBatchAt = daily.resetsAt;
      } else if (short.usage >= short.budget || readShort.usage >= readShort.budget) {
        nextBatchAt = short.resetsAt;
      }
      return { short, daily, readShort, readDaily, nextBatchAt, liveReserve: reserve };
    },
  };
}

/**
 * How much later than a live request a backfill request wakes when a window opens: after every
 * live waiter (whose jitter is at most `jitterMs`), so new activities take the new window first.
 */
export function backfillLagMs(lane: RequestLane, jitterMs: number): number {
  return lane === 'backfill' ? 2 * jitterMs : 0;
}
