import { ConflictError } from '#shared/errors';
import type { Queryable } from './database.ts';

export type Role = 'runner' | 'coach';

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  /** The name others read (a coach sees "Maja"); null until the person gives one. */
  displayName: string | null;
}

interface UserRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  password_hash: string;
  display_name: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
  displayName: r.display_name,
});

export async function insertUser(
  db: Queryable,
  input: { email: string; passwordHash: string; role: Role; displayName?: string | null },
): Promise<User> {
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO users (email, password_hash, role, display_name) VALUES ($1, $2, $3, $4)
       RETURNING id, email, role, created_at, password_hash, display_name`,
      [input.email, input.passwordHash, input.role, input.displayName ?? null],
    );
    return toUser(rows[0] as UserRow);
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new ConflictError('an account with this email already exists');
    }
    throw err;
  }
}

export async function findUserByEmail(
  db: Queryable,
  email: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, email, role, created_at, password_hash, display_name FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  const r = rows[0];
  return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
}

export async function findUserById(db: Queryable, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, email, role, created_at, password_hash, display_name FROM users WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? toUser(r) : undefined;
}

/** Sets (or, with null, clears) the name others read. */
export async function updateDisplayName(
  db: Queryable,
  userId: string,
  displayName: string | null,
): Promise<void> {
  await db.query('UPDATE users SET display_name = $2 WHERE id = $1', [userId, displayName]);
}

/** The name a reader sees for a person: their display name, else their email. */
export const shownNameOf = (u: { email: string; displayName: string | null }): string =>
  u.displayName ?? u.email;
