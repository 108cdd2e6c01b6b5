import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { Processors } from '#services/queue/jobs';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';

const noJobs: Processors = {
  ingest: async () => undefined,
  recompute: async () => undefined,
  'strava-backfill': async () => undefined,
  'strava-activity': async () => undefined,
  'strava-event': async () => undefined,
  'strava-catch-up': async () => undefined,
};

describe('accounts: signup, login, logout, /api/me', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({
      pool: db.pool,
      queue: createInProcessQueue(
        () => noJobs,
        () => undefined,
      ),
    });
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('signs a runner up with a time zone, sets an httpOnly SameSite session cookie and answers /api/me', async () => {
    const c = new TestClient(server.url);
    const res = await c.post<{ id: string; role: string }>('/api/auth/signup', {
      email: 'Runner@Example.com',
      password: 'long enough password',
      role: 'runner',
      timezone: 'America/Denver',
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^hipcheck_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get<{
      email: string;
      role: string;
      athlete: { timezone: string; units: string };
    }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('runner@example.com');
    expect(me.body.athlete.timezone).toBe('America/Denver');
    expect(me.body.athlete.units).toBe('km');
  });

  it('stores a scrypt hash, never the password', async () => {
    const { rows } = await db.pool.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE email = 'runner@example.com'`,
    );
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]?.password_hash).not.toContain('long enough password');
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const res = await new TestClient(server.url).post('/api/auth/signup', {
      email: 'RUNNER@example.com',
      password: 'another password',
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: 'conflict', message: 'an account with this email already exists' },
    });
  });

  it('names each invalid field of a signup', async () => {
    const res = await new TestClient(server.url).post<{ error: { code: string; message: string } }>(
      '/api/auth/signup',
      {
        email: 'not-an-email',
        password: 'short',
        timezone: 'Mars/Base',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_input');
    expect(res.body.error.message).toContain('email');
    expect(res.body.error.message).toContain('password: must be at least 8 characters');
    expect(res.body.error.message).toContain('timezone');
  });

  it('logs in and out; after logout the session no longer works', async () => {
    const c = new TestClient(server.url);
    expect((await c.get('/api/me')).status).toBe(401);
    const login = await c.post('/api/auth/login', {
      email: 'runner@example.com',
      password: 'long enough password',
    });
    expect(login.status).toBe(200);
    expect((await c.get('/api/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('rejects a wrong password with one message that does not say which part was wrong', async () => {
    const c = new TestClient(server.url);
    const wrongPassword = await c.post('/api/auth/login', {
      email: 'runner@example.com',
      password: 'nope nope',
    });
    const unknownEmail = await c.post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'nope nope',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('rate-limits repeated failed logins with 429 and Retry-After', async () => {
    await new TestClient(server.url).signup('target@example.com');
    const c = new TestClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await c.post('/api/auth/login', { email: 'target@example.com', password: `guess ${i}` }))
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const blocked = await c.post('/api/auth/login', {
      email: 'target@example.com',
      password: 'correct horse battery',
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses state-changing requests from another origin', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'runner@example.com', password: 'long enough password' }),
    });
    expect(res.status).toBe(403);
  });

  it('answers unknown API routes and malformed JSON with the error shape', async () => {
    const c = new TestClient(server.url);
    await c.signup('shape@example.com');
    const unknown = await c.get('/api/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: 'not_found', message: 'no such API route' } });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bad_input', message: 'the request body is not valid JSON' },
    });
  });

  it('updates the athlete settings and refuses bad values by name', async () => {
    const c = new TestClient(server.url);
    await c.signup('settings@example.com');
    const ok = await c.put<{ timezone: string; hrMaxBpm: number }>('/api/athlete', {
      timezone: 'Europe/Oslo',
      sex: 'female',
      hrMaxBpm: 188,
      hrRestBpm: 52,
      units: 'mi',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      timezone: 'Europe/Oslo',
      sex: 'female',
      hrMaxBpm: 188,
      hrRestBpm: 52,
      units: 'mi',
    });
    const bad = await c.put<{ error: { message: string } }>('/api/athlete', {
      hrMaxBpm: 300,
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/hrMaxBpm|colour/);
  });

  it('gives coaches no athlete profile: athlete routes answer 404', async () => {
    const c = new TestClient(server.url);
    await c.signup('coach@example.com', 'coach');
    const me = await c.get<{ role: string; athlete: unknown }>('/api/me');
    expect(me.body).toMatchObject({ role: 'coach', athlete: null });
    expect((await c.get('/api/activities')).status).toBe(404);
  });
});
