// The fake Strava's rate limits: Strava's two windows (short and daily, aligned on multiples of
// their length since the epoch), overall and read limits, Strava's headers on every API response,
// and the statistics tests read (requests, 429s, per route, per short window).
import type { FakeRateLimits, FakeStats, WindowStats } from './types.ts';

export const STRAVA_DEFAULT_LIMITS: FakeRateLimits = {
  shortLimit: 200,
  dailyLimit: 2000,
  readShortLimit: 100,
  readDailyLimit: 1000,
};

interface Count {
  all: number;
  read: number;
}

export interface RateLimitCounter {
  limits: FakeRateLimits;
  /** Counts the request, or refuses it when a limit is used up; the headers either way. */
  take(isRead: boolean): { ok: boolean; headers: Record<string, string> };
  countRoute(name: string): void;
  countFault(): void;
  stats(): FakeStats;
  resetStats(): void;
}

const emptyStats = (): FakeStats => ({
  requests: 0,
  rateLimited: 0,
  faultsInjected: 0,
  byRoute: {},
  windows: [],
});

export function createRateLimitCounter(options: {
  now: () => number;
  shortMs: number;
  dayMs: number;
  limits: FakeRateLimits;
}): RateLimitCounter {
  const { now, shortMs, dayMs } = options;
  // Counters per window start, and statistics.
  const shortCounts = new Map<number, Count>();
  const dayCounts = new Map<number, Count>();
  let stats = emptyStats();
  const windowStats = new Map<number, WindowStats>();

  const startOf = (t: number, len: number): number => Math.floor(t / len) * len;

  function counter(map: Map<number, Count>, key: number): Count {
    let c = map.get(key);
    if (c === undefined) {
      c = { all: 0, read: 0 };
      map.set(key, c);
      // forget windows long past
      for (const k of map.keys()) if (k < key - 2 * dayMs) map.delete(k);
    }
    return c;
  }

  function windowStat(start: number): WindowStats {
    let w = windowStats.get(start);
    if (w === undefined) {
      w = { windowStart: start, requests: 0, reads: 0, rateLimited: 0 };
      windowStats.set(start, w);
    }
    return w;
  }

  const counterApi: RateLimitCounter = {
    limits: options.limits,

    take(isRead) {
      const limits = counterApi.limits;
      const t = now();
      const s = counter(shortCounts, startOf(t, shortMs));
      const d = counter(dayCounts, startOf(t, dayMs));
      const w = windowStat(startOf(t, shortMs));
      const over =
        s.all >= limits.shortLimit ||
        d.all >= limits.dailyLimit ||
        (isRead && (s.read >= limits.readShortLimit || d.read >= limits.readDailyLimit));
      if (over) {
        stats.rateLimited++;
        w.rateLimited++;
      } else {
        s.all++;
        d.all++;
        if (isRead) {
          s.read++;
          d.read++;
          w.reads++;
        }
        stats.requests++;
        w.requests++;
      }
      return {
        ok: !over,
        headers: {
          'X-RateLimit-Limit': `${limits.shortLimit},${limits.dailyLimit}`,
          'X-RateLimit-Usage': `${s.all},${d.all}`,
          'X-ReadRateLimit-Limit': `${limits.readShortLimit},${limits.readDailyLimit}`,
          'X-ReadRateLimit-Usage': `${s.read},${d.read}`,
        },
      };
    },

    countRoute(name) {
      stats.byRoute[name] = (stats.byRoute[name] ?? 0) + 1;
    },

    countFault() {
      stats.faultsInjected++;
    },

    stats() {
      return {
        ...stats,
        byRoute: { ...stats.byRoute },
        windows: [...windowStats.values()]
          .sort((a, b) => a.windowStart - b.windowStart)
          .map((w) => ({ ...w })),
      };
    },

    resetStats() {
      stats = emptyStats();
      windowStats.clear();
    },
  };
  return counterApi;
}
