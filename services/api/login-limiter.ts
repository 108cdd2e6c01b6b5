// Login attempts are limited per client address and per email: after `max` failures inside the
// window, further attempts are refused until the window has passed. Kept in this process's memory
// (the API runs as one process per deployment); a restart forgets it.

export interface LoginLimiter {
  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfterS(keys: string[], nowMs: number): number;
  fail(keys: string[], nowMs: number): void;
  succeed(keys: string[]): void;
}

export function createLoginLimiter(options: { max: number; windowMs: number }): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number): number[] => {
    const list = (failures.get(key) ?? []).filter((t) => nowMs - t < options.windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfterS(keys, nowMs) {
      let wait = 0;
      for (const key of keys) {
        const list = recent(key, nowMs);
        if (list.length >= options.max) {
          const oldest = list[list.length - options.max] ?? nowMs;
          wait = Math.max(wait, Math.ceil((oldest + options.windowMs - nowMs) / 1000));
        }
      }
      return wait;
    },
    fail(keys, nowMs) {
      for (const key of keys) failures.set(key, [...recent(key, nowMs), nowMs]);
    },
    succeed(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
