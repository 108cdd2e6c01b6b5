// Fixed-window attempt counters in PostgreSQL (the limiter of the embedded mode; with Redis the
// counters live there). A take is one statement: the row lock of INSERT … ON CONFLICT serialises
// parallel takes of one key, so each sees the count including its own attempt.
import type { Queryable } from './database.ts';

export async function takeAttempt(
  db: Queryable,
  keyHash: Buffer,
  windowMs: number,
): Promise<{ attempts: number; retryAfterS: number }> {
  const { rows } = await db.query<{ attempts: number; retry_after_s: number }>(
    `INSERT INTO attempt_counters AS c (key_hash, attempts, expires_at)
     VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
     ON CONFLICT (key_hash) DO UPDATE SET
       attempts = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.attempts + 1 END,
       expires_at = CASE WHEN c.expires_at <= now() THEN EXCLUDED.expires_at ELSE c.expires_at END
     RETURNING attempts,
       GREATEST(1, ceil(extract(epoch FROM expires_at - now())))::int AS retry_after_s`,
    [keyHash, windowMs],
  );
  const r = rows[0] as { attempts: number; retry_after_s: number };
  return { attempts: r.attempts, retryAfterS: r.retry_after_s };
}

/** One attempt given back (never below zero; nothing once the window has passed). */
export async function refundAttempt(db: Queryable, keyHash: Buffer): Promise<void> {
  await db.query(
    `UPDATE attempt_counters SET attempts = attempts - 1
      WHERE key_hash = $1 AND attempts > 0 AND expires_at > now()`,
    [keyHash],
  );
}

export async function resetAttempts(db: Queryable, keyHash: Buffer): Promise<void> {
  await db.query('DELETE FROM attempt_counters WHERE key_hash = $1', [keyHash]);
}

export async function deleteExpiredAttemptCounters(db: Queryable): Promise<number> {
  const res = await db.query('DELETE FROM attempt_counters WHERE expires_at <= now()');
  return res.rowCount ?? 0;
}
