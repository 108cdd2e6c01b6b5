// Attempt limits (sign-ins, sign-ups, password-reset requests): a fixed window per key, counted
// atomically BEFORE the attempt is checked, so that parallel attempts cannot all slip past the
// limit while the first ones are still being verified. With Redis the counters live there and every
// API process shares them; without Redis (the embedded mode, one process) they live in PostgreSQL.
// Keys are hashed: neither store holds an email or an address.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Pool } from '#services/db/database';
import {
  refundAttempt,
  resetAttempts,
  takeAttempt,
} from '#services/db/attempt-counters.repository';

export interface AttemptLimit {
  /** Attempts allowed per window; the next one is refused. */
  max: number;
  windowMs: number;
}

export interface AttemptLimiter {
  /** Count one attempt under `key`; whether it may go on, and if not, the seconds to wait. */
  take(key: string): Promise<{ allowed: boolean; retryAfterS: number }>;
  /** Forget every attempt under `key` (a successful sign-in clears its email's count). */
  reset(key: string): Promise<void>;
  /** Give one attempt back (a successful sign-in does not count against its address). */
  refund(key: string): Promise<void>;
}

export interface LimiterStore {
  pool: Pool;
  redis?: Redis | undefined;
  /** Prefix of the Redis keys (tests use their own). */
  redisPrefix?: string | undefined;
}

// KEYS[1]: the counter. ARGV[1]: window in ms. Returns the count including this attempt and the
// milliseconds left in the window.
const TAKE_LUA = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;
const REFUND_LUA = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 1 then redis.call('DECR', KEYS[1]) elseif n == 1 then redis.call('DEL', KEYS[1]) end
return 0
`;

const digest = (name: string, key: string): Buffer =>
  createHash('sha256').update(`${name}\u0000${key}`).digest();

export function createAttemptLimiter(
  store: LimiterStore,
  name: string,
  limit: AttemptLimit,
): AttemptLimiter {
  const { redis } = store;
  if (redis) {
    const prefix = store.redisPrefix ?? 'hipcheck';
    const keyOf = (key: string) =>
      `${prefix}:attempts:${name}:${digest(name, key).toString('hex')}`;
    return {
      async take(key) {
        const [attempts, ttlMs] = (await redis.eval(TAKE_LUA, 1, keyOf(key), limit.windowMs)) as [
          number,
          number,
        ];
        return {
          allowed: attempts <= limit.max,
          retryAfterS: Math.max(1, Math.ceil(ttlMs / 1000)),
        };
      },
      async reset(key) {
        await redis.del(keyOf(key));
      },
      async refund(key) {
        await redis.eval(REFUND_LUA, 1, keyOf(key));
      },
    };
  }
  return {
    async take(key) {
      const r = await takeAttempt(store.pool, digest(name, key), limit.windowMs);
      return { allowed: r.attempts <= limit.max, retryAfterS: r.retryAfterS };
    },
    reset: (key) => resetAttempts(store.pool, digest(name, key)),
    refund: (key) => refundAttempt(store.pool, digest(name, key)),
  };
}

const MINUTE = 60_000;

/**
 * The limits, per window: guessing one account's password (per email); sweeping many accounts from
 * one address (higher, since many runners can share one address: a club's wifi); creating accounts
 * and asking for reset mails from one address.
 */
export const ATTEMPT_LIMITS = {
  loginPerEmail: { max: 10, windowMs: 15 * MINUTE },
  loginPerAddress: { max: 50, windowMs: 15 * MINUTE },
  signupPerAddress: { max: 20, windowMs: 60 * MINUTE },
  resetPerEmail: { max: 3, windowMs: 60 * MINUTE },
  resetPerAddress: { max: 20, windowMs: 60 * MINUTE },
} as const satisfies Record<string, AttemptLimit>;

export type AttemptLimiters = Record<keyof typeof ATTEMPT_LIMITS, AttemptLimiter>;

export function createAttemptLimiters(store: LimiterStore): AttemptLimiters {
  const entries = Object.entries(ATTEMPT_LIMITS).map(([name, limit]) => [
    name,
    createAttemptLimiter(store, name, limit),
  ]);
  return Object.fromEntries(entries) as AttemptLimiters;
}
