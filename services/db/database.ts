// The connection pool and the one transaction helper every repository uses.
import pg from 'pg';
import type { SqlSession } from './migrator.ts';
import { migrate, type MigrationResult } from './migrator.ts';

// Dates (no time) stay 'YYYY-MM-DD' strings: they are athletes' local calendar days, and turning
// them into JS Dates would shift them by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** Anything that can run a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

export function createPool(
  url: string,
  max = 10,
  onError: (err: Error) => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // A client that loses its server (PostgreSQL restarted, a network cut) must not crash the
  // process: idle clients report through the pool, and a checked-out client through a listener of
  // its own (an 'error' event without one would be thrown). The query in flight fails; the pool
  // replaces the client for the next one. Each error is reported once, by the client's listener
  // (the pool re-emits an idle client's error, and must have a listener for it too).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', onError);
  });
  return pool;
}

export function sessionOf(client: pg.PoolClient): SqlSession {
  return {
    query: async <R>(sql: string, params?: unknown[]) => {
      const res = await client.query(sql, params);
      return { rows: res.rows as R[] };
    },
    exec: (sql: string) => client.query(sql),
  };
}

/** Run the migrations on one pooled client. */
export async function migratePool(pool: pg.Pool): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    return await migrate(sessionOf(client));
  } finally {
    client.release();
  }
}

/** Run `fn` in a transaction; rolls back when it throws. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
