// The Strava rate limiter of the embedded mode (no REDIS_URL): the same windows, budgets and
// header learning as rate-limiter.ts, kept in this process's memory. It is only right where one
// process talks to Strava, which is exactly the embedded mode (API and jobs in one process).
import {
  backfillLagMs,
  DAY_MS,
  DEFAULT_LIVE_RESERVE,
  QUARTER_HOUR_MS,
  STRAVA_DEFAULT_LIMITS,
  type AcquireResult,
  type RateLimiter,
  type RateLimits,
  type RequestLane,
  type WindowStatus,
} from './rate-limiter.ts';
import { parseRateLimitHeaders } from './parse-rate-limit-headers.ts';

export interface MemoryRateLimiterOptions {
  limits?: Partial<RateLimits>;
  shortWindowMs?: number;
  dailyWindowMs?: number;
  safetyMargin?: number;
  /** Share of each daily budget a backfill may not use (DEFAULT_LIVE_RESERVE). */
  liveReserve?: number;
  now?: () => number;
}

type Counter = 'shortAll' | 'shortRead' | 'dayAll' | 'dayRead';

export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const limits: RateLimits = { ...STRAVA_DEFAULT_LIMITS, ...options.limits };
  const shortMs = options.shortWindowMs ?? QUARTER_HOUR_MS;
  const dayMs = options.dailyWindowMs ?? DAY_MS;
  const margin = options.safetyMargin ?? 0.05;
  const reserve = options.liveReserve ?? DEFAULT_LIVE_RESERVE;
  const jitterMs = Math.min(250, shortMs / 200);
  const now = options.now ?? Date.now;
  // Counters per window start; old windows are dropped as new ones open.
  const counts = new Map<string, number>();

  const startOf = (t: number, len: number): number => Math.floor(t / len) * len;
  const budgetOf = (limit: number): number => Math.floor(limit * (1 - margin) + 1e-9);
  const keyOf = (c: Counter, t: number): string =>
    `${c}:${startOf(t, c.startsWith('short') ? shortMs : dayMs)}`;
  const get = (c: Counter, t: number): number => counts.get(keyOf(c, t)) ?? 0;
  const set = (c: Counter, t: number, v: number): void => {
    counts.set(keyOf(c, t), v);
    if (counts.size > 64) {
      const live = new Set(
        (['shortAll', 'shortRead', 'dayAll', 'dayRead'] as const).map((k) => keyOf(k, t)),
      );
      for (const k of counts.keys()) if (!live.has(k)) counts.delete(k);
    }
  };

  function tryAcquireNow(kind: 'read' | 'write', lane: RequestLane, n = 1): AcquireResult {
    const t = now();
    const read = kind === 'read';
    const share = lane === 'backfill' ? 1 - reserve : 1;
    const daily = (limit: number): number => Math.floor(budgetOf(limit) * share + 1e-9);
    // Taking n at once: there must be room for all n.
    const used = (c: Counter): number => get(c, t) + n - 1;
    const dailyFull =
      used('dayAll') >= daily(limits.dailyLimit) ||
      (read && used('dayRead') >= daily(limits.readDailyLimit));
    if (dailyFull)
      return { ok: false, reason: 'daily', retryAt: new Date(startOf(t, dayMs) + dayMs) };
    const shortFull =
      used('shortAll') >= budgetOf(limits.shortLimit) ||
      (read && used('shortRead') >= budgetOf(limits.readShortLimit));
    if (shortFull) {
      return { ok: false, reason: 'short', retryAt: new Date(startOf(t, shortMs) + shortMs) };
    }
    set('shortAll', t, get('shortAll', t) + n);
    set('dayAll', t, get('dayAll', t) + n);
    if (read) {
      set('shortRead', t, get('shortRead', t) + n);
      set('dayRead', t, get('dayRead', t) + n);
    }
    return { ok: true, acquiredAt: t };
  }

  function learn(headers: Parameters<RateLimiter['record']>[0], acquiredAt?: number): void {
    const p = parseRateLimitHeaders(headers);
    const t = now();
    const sent = acquiredAt ?? t;
    const raise = (c: Counter, v: number | undefined, len: number): void => {
      if (v !== undefined && startOf(sent, len) === startOf(t, len) && v > get(c, t)) set(c, t, v);
    };
    raise('shortAll', p.shortUsage, shortMs);
    raise('shortRead', p.readShortUsage, shortMs);
    raise('dayAll', p.dailyUsage, dayMs);
    raise('dayRead', p.readDailyUsage, dayMs);
    if (p.shortLimit !== undefined) limits.shortLimit = p.shortLimit;
    if (p.dailyLimit !== undefined) limits.dailyLimit = p.dailyLimit;
    if (p.readShortLimit !== undefined) limits.readShortLimit = p.readShortLimit;
    if (p.readDailyLimit !== undefined) limits.readDailyLimit = p.readDailyLimit;
  }

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  return {
    tryAcquire: (kind, lane = 'live', count = 1) =>
      Promise.resolve(tryAcquireNow(kind, lane, count)),

    async acquire(kind, acquireOptions = {}) {
      const maxWaitMs = acquireOptions.maxWaitMs ?? Number.POSITIVE_INFINITY;
      const lane = acquireOptions.lane ?? 'live';
      for (;;) {
        acquireOptions.signal?.throwIfAborted();
        const result = tryAcquireNow(kind, lane, acquireOptions.count ?? 1);
        if (result.ok) return result;
        const waitMs = result.retryAt.getTime() - now();
        if (waitMs > maxWaitMs) return result;
        await sleep(Math.max(1, waitMs) + backfillLagMs(lane, jitterMs));
      }
    },

    record(headers, acquiredAt) {
      learn(headers, acquiredAt);
      return Promise.resolve();
    },

    onRateLimited(headers, acquiredAt) {
      learn(headers, acquiredAt);
      const t = now();
      const p = parseRateLimitHeaders(headers);
      const daily =
        (p.dailyUsage ?? 0) >= limits.dailyLimit ||
        (p.readDailyUsage ?? 0) >= limits.readDailyLimit;
      const len = daily ? dayMs : shortMs;
      // Used up until the window ends.
      if (daily) {
        set('dayAll', t, limits.dailyLimit);
        set('dayRead', t, limits.readDailyLimit);
      } else {
        set('shortAll', t, limits.shortLimit);
        set('shortRead', t, limits.readShortLimit);
      }
      return Promise.resolve(new Date(startOf(t, len) + len));
    },

    nextWindowAt() {
      return new Date(startOf(now(), shortMs) + shortMs);
    },

    status() {
      const t = now();
      const window = (c: Counter, limit: number, len: number): WindowStatus => ({
        usage: get(c, t),
        limit,
        budget: budgetOf(limit),
        windowStart: new Date(startOf(t, len)),
        resetsAt: new Date(startOf(t, len) + len),
      });
      const short = window('shortAll', limits.shortLimit, shortMs);
      const readShort = window('shortRead', limits.readShortLimit, shortMs);
      const daily = window('dayAll', limits.dailyLimit, dayMs);
      const readDaily = window('dayRead', limits.readDailyLimit, dayMs);
      let nextBatchAt = new Date(t);
      if (daily.usage >= daily.budget || readDaily.usage >= readDaily.budget) {
        nextBatchAt = daily.resetsAt;
      } else if (short.usage >= short.budget || readShort.usage >= readShort.budget) {
        nextBatchAt = short.resetsAt;
      }
      return Promise.resolve({
        short,
        daily,
        readShort,
        readDaily,
        nextBatchAt,
        liveReserve: reserve,
      });
    },
  };
}
