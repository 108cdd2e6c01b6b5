// Sign-in limits (README: 10 attempts per email and 50 per address in 15 minutes), counted before
// the password is checked, in Redis when the API has one (so every API process shares the count)
// and in PostgreSQL otherwise. Sign-ups are limited per address (20 an hour). Unknown emails are
// checked against a dummy hash, so their answer costs one scrypt like a real account's.
import { createHook } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';
import { redisUrl } from '../../support/pipeline.ts';

const PER_EMAIL = 10; // README: 10 per 15 min per email
const PER_ADDRESS = 50; // README: 50 per 15 min per address
const SIGNUPS_PER_ADDRESS = 20; // README: 20 sign-ups an hour per address
const WINDOW_S = 15 * 60;

let addressSeq = 0;
/** A client address of its own (the app trusts X-Forwarded-For from loopback, like a proxy's). */
const newAddress = () => `203.0.113.${++addressSeq}`;

async function login(url: string, email: string, password: string, address: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: Number(res.headers.get('retry-after') ?? 0) };
}

async function signup(url: string, email: string, address: string) {
  const res = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  });
  await res.arrayBuffer();
  return res.status;
}

const PASSWORD = 'correct horse battery';

for (const store of ['redis', 'postgresql'] as const) {
  describe(`sign-in limits with the counters in ${store}`, () => {
    let db: TestDatabase;
    let server: TestServer;
    let redis: Redis | undefined;
    let redisPrefix: string;
    let seq = 0;
    const account = async () => {
      const email = `${store}-${++seq}@example.com`;
      await new TestClient(server.url).signup(email);
      return email;
    };

    beforeAll(async () => {
      db = await createTestDatabase();
      redisPrefix = `hc-test-${randomBytes(4).toString('hex')}`;
      if (store === 'redis') redis = new Redis(redisUrl);
      server = await startTestServer({
        pool: db.pool,
        queue: noJobsQueue(),
        ...(redis ? { redis, redisPrefix } : {}),
      });
    });
    afterAll(async () => {
      await server.close();
      if (redis) {
        const keys = await redis.keys(`${redisPrefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      }
      await db.drop();
    });

    it('checks at most 10 of 40 parallel wrong passwords for one email; the rest get 429', async () => {
      const email = await account();
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(server.url, email, `guess ${i}`, newAddress())),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(PER_EMAIL);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40 - PER_EMAIL);
    });

    it('answers attempt 10 and refuses attempt 11, even with the right password', async () => {
      const email = await account();
      const address = newAddress();
      for (let i = 1; i <= PER_EMAIL - 1; i++) {
        expect((await login(server.url, email, `guess ${i}`, address)).status).toBe(401);
      }
      expect((await login(server.url, email, 'guess 10', address)).status).toBe(401);
      const eleventh = await login(server.url, email, PASSWORD, address);
      expect(eleventh.status).toBe(429);
      // The window is 15 minutes from the first attempt, which was moments ago.
      expect(eleventh.retryAfter).toBeGreaterThan(WINDOW_S - 60);
      expect(eleventh.retryAfter).toBeLessThanOrEqual(WINDOW_S);
    });

    it('counts again from zero once the window has passed', async () => {
      const email = await account();
      const address = newAddress();
      for (let i = 1; i <= PER_EMAIL; i++) await login(server.url, email, `guess ${i}`, address);
      expect((await login(server.url, email, PASSWORD, address)).status).toBe(429);
      // The 15 minutes pass: the counters' expiry is moved to now, in the store itself.
      if (redis) {
        for (const key of await redis.keys(`${redisPrefix}:attempts:*`))
          await redis.pexpire(key, 1);
        await new Promise((r) => setTimeout(r, 20));
      } else {
        await db.pool.query(`UPDATE attempt_counters SET expires_at = now()`);
      }
      expect((await login(server.url, email, PASSWORD, address)).status).toBe(200);
    });

    it('forgets an email’s failures when its right password gets in', async () => {
      const email = await account();
      const address = newAddress();
      for (let i = 1; i <= PER_EMAIL - 1; i++)
        await login(server.url, email, `guess ${i}`, address);
      expect((await login(server.url, email, PASSWORD, address)).status).toBe(200);
      const again: number[] = [];
      for (let i = 1; i <= PER_EMAIL; i++)
        again.push((await login(server.url, email, `again ${i}`, address)).status);
      expect(again).toEqual(Array(PER_EMAIL).fill(401));
      expect((await login(server.url, email, PASSWORD, address)).status).toBe(429);
    });

    it('limits one address to 50 attempts across many emails: of 51 at once, one is refused', async () => {
      const address = newAddress();
      const statuses = (
        await Promise.all(
          Array.from({ length: PER_ADDRESS + 1 }, (_, i) =>
            login(server.url, `sweep-${i}@example.com`, 'guess', address),
          ),
        )
      ).map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(PER_ADDRESS);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
      expect((await login(server.url, 'sweep-1@example.com', 'guess', address)).status).toBe(429);
      // Another address is not affected.
      expect((await login(server.url, 'sweep-1@example.com', 'guess', newAddress())).status).toBe(
        401,
      );
    });

    it('does not count successful sign-ins against the address', async () => {
      const email = await account();
      const address = newAddress();
      for (let i = 1; i <= PER_ADDRESS + 1; i++) {
        expect((await login(server.url, email, PASSWORD, address)).status).toBe(200);
      }
    });

    it('limits sign-ups to 20 an hour per address (21st refused)', async () => {
      const address = newAddress();
      const statuses: number[] = [];
      for (let i = 1; i <= SIGNUPS_PER_ADDRESS + 1; i++)
        statuses.push(await signup(server.url, `${store}-new-${i}@example.com`, address));
      expect(statuses.slice(0, SIGNUPS_PER_ADDRESS)).toEqual(Array(SIGNUPS_PER_ADDRESS).fill(201));
      expect(statuses[SIGNUPS_PER_ADDRESS]).toBe(429);
      expect(await signup(server.url, `${store}-other@example.com`, newAddress())).toBe(201);
    });
  });
}

describe('no email discovery by sign-in timing', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({
      pool: db.pool,
      queue: noJobsQueue(),
    });
    await new TestClient(server.url).signup('known@example.com');
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  /** The scrypt computations Node starts while `work` runs (crypto jobs are async resources). */
  async function scryptsDuring(work: () => Promise<unknown>): Promise<number> {
    let n = 0;
    const hook = createHook({
      init(_id, type) {
        if (type === 'SCRYPTREQUEST') n += 1;
      },
    });
    hook.enable();
    try {
      await work();
    } finally {
      hook.disable();
    }
    return n;
  }

  it('runs one scrypt for an unknown email, as for a known one, and answers the same', async () => {
    const known = await scryptsDuring(() =>
      login(server.url, 'known@example.com', 'wrong password', newAddress()),
    );
    let answer: unknown;
    const unknown = await scryptsDuring(async () => {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' }),
      });
      answer = {
        status: res.status,
        code: ((await res.json()) as { error: { code: string } }).error.code,
      };
    });
    expect(known).toBe(1);
    expect(unknown).toBe(1);
    expect(answer).toEqual({ status: 401, code: 'unauthorized' });
  });
});
