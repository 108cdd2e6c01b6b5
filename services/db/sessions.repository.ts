import { athleteOfJoined, JOINED_ATHLETE_COLUMNS, type Athlete } from './athletes.repository.ts';
import type { Queryable } from './database.ts';
import type { User } from './users.repository.ts';

export async function insertSession(
  db: Queryable,
  input: { tokenHash: Buffer; userId: string; expiresAt: Date },
): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    input.tokenHash,
    input.userId,
    input.expiresAt,
  ]);
}

/**
 * The user of a live session and their own athlete (null for a coach), in one query: every
 * request asks for both. Undefined when the token is unknown or expired.
 */
export async function findSession(
  db: Queryable,
  tokenHash: Buffer,
): Promise<{ user: User; athlete: Athlete | null } | undefined> {
  const { rows } = await db.query<{
    id: string;
    email: string;
    role: User['role'];
    created_at: Date;
    display_name: string | null;
  }>(
    `SELECT u.id, u.email, u.role, u.created_at, u.display_name, ${JOINED_ATHLETE_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN athletes a ON a.user_id = u.id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  const r = rows[0];
  return r
    ? {
        user: {
          id: r.id,
          email: r.email,
          role: r.role,
          createdAt: r.created_at,
          displayName: r.display_name,
        },
        athlete: athleteOfJoined(r),
      }
    : undefined;
}

export async function deleteSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const res = await db.query('DELETE FROM sessions WHERE expires_at <= now()');
  return res.rowCount ?? 0;
}
