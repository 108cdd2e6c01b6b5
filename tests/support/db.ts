// Integration tests each get a fresh database on the real PostgreSQL (DATABASE_URL), migrated
// once, and dropped afterwards. The only test code that talks to the `pg` driver directly (lint
// keeps it to here and services/db/): creating and dropping databases needs an admin connection.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, migratePool, type Pool } from '#services/db/database';

export const baseDatabaseUrl =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface EmptyDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabase extends EmptyDatabase {
  pool: Pool;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database with nothing in it (not migrated); `drop` removes it, connections and all. */
export async function createEmptyDatabase(prefix = 'hipcheck_t'): Promise<EmptyDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const pool = createPool(empty.url);
  await migratePool(pool);
  return {
    url: empty.url,
    pool,
    async drop() {
      await pool.end();
      await empty.drop();
    },
  };
}
