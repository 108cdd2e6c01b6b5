// Structured logs: one JSON object per line, every line about a request carrying its id, the same
// id in the X-Request-Id header and in error answers; no password, cookie, email, token or health
// data (check-in notes, pain scores) in any line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#services/observability/logger';
import { createPool, type Pool } from '#services/db/database';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';

interface Line {
  level: string;
  msg: string;
  requestId?: string;
  route?: string;
  status?: number;
  method?: string;
  err?: { message: string };
}

let db: TestDatabase;
let server: TestServer;
let broken: { pool: Pool; server: TestServer };
const lines: string[] = [];
const logger = createLogger({
  level: 'info',
  destination: { write: (s: string) => lines.push(s) },
});
const parsed = (): Line[] => lines.map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer({ pool: db.pool, queue: noJobsQueue(), logger });
  // An app whose database is unreachable: every query fails, a real 500.
  const pool = createPool('postgres://postgres@127.0.0.1:1/nowhere');
  broken = { pool, server: await startTestServer({ pool, queue: noJobsQueue(), logger }) };
});

afterAll(async () => {
  await broken.server.close();
  await broken.pool.end();
  await server.close();
  await db.drop();
});

describe('request logs', () => {
  it('write one JSON line per request with its id, method, route template and status', async () => {
    const c = new TestClient(server.url);
    await c.signup('logged@example.com');
    const res = await c.get('/api/me');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = parsed().find((l) => l.requestId === id);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/api/me',
      status: 200,
    });
  });

  it('name the route template, not the ids in the path', async () => {
    const c = new TestClient(server.url);
    await c.signup('templated@example.com');
    const res = await c.get('/api/activities/6f1c1b9e-0000-4000-8000-000000000001');
    expect(res.status).toBe(404);
    const line = parsed().find((l) => l.requestId === res.headers.get('x-request-id'));
    expect(line?.route).toBe('/api/activities/:id');
  });

  it('put the request id in error answers, and keep a proxy’s sane X-Request-Id', async () => {
    const res = await fetch(`${server.url}/api/nope`, {
      headers: { 'x-request-id': 'edge-1234-abcd' },
    });
    expect(res.headers.get('x-request-id')).toBe('edge-1234-abcd');
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'sign in first', requestId: 'edge-1234-abcd' },
    });
    const forged = await fetch(`${server.url}/api/nope`, {
      headers: { 'x-request-id': 'a;b '.repeat(30) },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('log an unexpected error with the request id the 500 answer shows', async () => {
    const res = await fetch(`${broken.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'who@example.com', password: 'whatever password' }),
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('internal');
    const mine = parsed().filter((l) => l.requestId === body.error.requestId);
    expect(mine.map((l) => l.msg)).toEqual(['unexpected error', 'request failed']);
    expect(mine[0]?.level).toBe('error');
    expect(mine[0]?.err?.message).toBeTruthy();
  });

  it('never hold a password, cookie, email or a check-in’s health data', async () => {
    const c = new TestClient(server.url);
    await c.signup('private-runner@example.com');
    await c.post('/api/auth/login', {
      email: 'private-runner@example.com',
      password: 'correct horse battery',
    });
    await c.post('/api/checkins', {
      date: new Date().toISOString().slice(0, 10),
      painAtRest: 7,
      notes: 'groin-ache-after-hills',
    });
    await c.get('/api/activities?from=2026-01-01&to=2026-02-01');
    const all = lines.join('\n');
    for (const secret of [
      'correct horse battery',
      'private-runner@example.com',
      'groin-ache-after-hills',
      'hipcheck_session',
      'painAtRest',
      'from=2026',
    ]) {
      expect(all).not.toContain(secret);
    }
    for (const l of parsed()) {
      if (l.msg === 'request') expect(l.requestId).toBeTruthy();
    }
  });

  it('censor secret and health fields even when code logs a whole object', () => {
    const out: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (s: string) => out.push(s) } });
    log.info(
      { user: { email: 'a@b.example', password: 'pw' }, checkin: { notes: 'hip' }, token: 't' },
      'careless',
    );
    const line = out.join('');
    expect(line).not.toContain('a@b.example');
    expect(line).not.toContain('"pw"');
    expect(line).not.toContain('"hip"');
    expect(line).not.toContain('"t"');
    expect(line).toContain('[redacted]');
  });

  it('print readable lines for a person at a terminal', () => {
    const out: string[] = [];
    const log = createLogger({
      level: 'info',
      pretty: true,
      destination: { write: (s: string) => out.push(s) },
    });
    log.child({ requestId: 'abc-123' }).info({ route: '/api/me', status: 200 }, 'request');
    expect(out[0]).toMatch(
      /^\d{2}:\d{2}:\d{2} info {2}request requestId=abc-123 route=\/api\/me status=200\n$/,
    );
  });
});
