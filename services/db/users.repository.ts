import { ConflictError } from '#shared/errors';
import type { Queryable } from './database.ts';

export type Role = 'runner' | 'coach';

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  password_hash: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
});

export async function insertUser(
  db: Queryable,
  input: { email: string; passwordHash: string; role: Role },
): Promise<User> {
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO users (email, password_hash, role) VALUES ($1, $2, $3)
       RETURNING id, email, role, created_at, password_hash`,
      [input.email, input.passwordHash, input.role],
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
    'SELECT id, email, role, created_at, password_hash FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  const r = rows[0];
  return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
}

export async function findUserById(db: Queryable, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, email, role, created_at, password_hash FROM users WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? toUser(r) : undefined;
}
