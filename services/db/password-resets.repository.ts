// Password-reset tokens (stored as sha256 only) and the password change a token allows.
import type { Queryable } from './database.ts';

export async function insertPasswordReset(
  db: Queryable,
  input: { tokenHash: Buffer; userId: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)',
    [input.tokenHash, input.userId, input.expiresAt],
  );
}

/**
 * Uses a token: marks it used and answers its user, or undefined when the token is unknown, used or
 * expired (in one statement, so a token is used once even by two requests at the same moment).
 */
export async function usePasswordReset(
  db: Queryable,
  tokenHash: Buffer,
): Promise<{ userId: string; email: string } | undefined> {
  const { rows } = await db.query<{ user_id: string; email: string }>(
    `UPDATE password_resets r SET used_at = now()
       FROM users u
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id
      RETURNING r.user_id, u.email`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { userId: r.user_id, email: r.email } : undefined;
}

/** A new password; every session and every other reset link of the user end with it. */
export async function replacePassword(
  db: Queryable,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  await db.query('DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL', [userId]);
}

/** Reset links past their 30 minutes, used or not (an unknown token is refused the same way). */
export async function deletePasswordResetsPast(db: Queryable): Promise<number> {
  const res = await db.query('DELETE FROM password_resets WHERE expires_at <= now()');
  return res.rowCount ?? 0;
}
