// /healthz answers while the process is alive, whatever its dependencies do; /readyz answers 200
// only when PostgreSQL and Redis answer and every migration is applied, else 503 naming what is not.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '#services/db/database';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { redisUrl } from '../../support/pipeline.ts';

interface Ready {
  status: string;
  checks: { database: string; migrations: string; redis: string };
}

let db: TestDatabase;
let redis: Redis;
let deadRedis: Redis;
let deadPool: Pool;
const servers: TestServer[] = [];
const start = async (deps: Parameters<typeof startTestServer>[0]) => {
  const s = await startTestServer(deps);
  servers.push(s);
  return s;
};
const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Ready };
};

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(redisUrl);
  // Nothing listens on port 1: a Redis and a PostgreSQL that never answer.
  deadRedis = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, lazyConnect: true });
  deadRedis.on('error', () => undefined);
  deadPool = createPool('postgres://postgres@127.0.0.1:1/nowhere');
});

afterAll(async () => {
  for (const s of servers) await s.close();
  redis.disconnect();
  deadRedis.disconnect();
  await deadPool.end();
  await db.drop();
});

describe('/healthz and /readyz', () => {
  it('are 200 with PostgreSQL, Redis and every migration there', async () => {
    const s = await start({ pool: db.pool, queue: noJobsQueue(), redis });
    expect((await get(`${s.url}/healthz`)).status).toBe(200);
    expect(await get(`${s.url}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } },
    });
  });

  it('say Redis is not used in the embedded mode', async () => {
    const s = await start({ pool: db.pool, queue: noJobsQueue() });
    expect((await get(`${s.url}/readyz`)).body.checks.redis).toBe('not used');
  });

  it('/readyz is 503 naming Redis when Redis does not answer; /healthz stays 200', async () => {
    const s = await start({ pool: db.pool, queue: noJobsQueue(), redis: deadRedis });
    const ready = await get(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.redis).toMatch(/^unreachable: /);
    expect(ready.body.checks.database).toBe('ok');
    expect((await get(`${s.url}/healthz`)).status).toBe(200);
  });

  it('/readyz is 503 naming the database when PostgreSQL does not answer; /healthz stays 200', async () => {
    const s = await start({ pool: deadPool, queue: noJobsQueue() });
    const ready = await get(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toMatch(/^unreachable: /);
    expect((await get(`${s.url}/healthz`)).status).toBe(200);
  });

  it('/readyz is 503 naming a migration this code has and the database lacks', async () => {
    const s = await start({ pool: db.pool, queue: noJobsQueue() });
    const { rows } = await db.pool.query<{ version: number; name: string; timescale: boolean }>(
      'SELECT version, name, timescale FROM schema_migrations ORDER BY version DESC LIMIT 1',
    );
    const last = rows[0] as { version: number; name: string; timescale: boolean };
    await db.pool.query('DELETE FROM schema_migrations WHERE version = $1', [last.version]);
    try {
      const ready = await get(`${s.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.checks.migrations).toBe(
        `pending: ${String(last.version).padStart(3, '0')}_${last.name}`,
      );
    } finally {
      await db.pool.query(
        'INSERT INTO schema_migrations (version, name, timescale) VALUES ($1, $2, $3)',
        [last.version, last.name, last.timescale],
      );
    }
  });

  it('/readyz is 503 "draining" once shutdown has begun', async () => {
    let draining = false;
    const s = await start({ pool: db.pool, queue: noJobsQueue(), draining: () => draining });
    expect((await get(`${s.url}/readyz`)).status).toBe(200);
    draining = true;
    expect(await get(`${s.url}/readyz`)).toEqual({ status: 503, body: { status: 'draining' } });
  });
});
