// Integration tests each get a fresh database on the real PostgreSQL (DATABASE_URL), migrated
// once, and dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, migratePool, type Pool } from '#services/db/database';

export const baseDatabaseUrl =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hipcheck_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString());
  await migratePool(pool);
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: baseDatabaseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
