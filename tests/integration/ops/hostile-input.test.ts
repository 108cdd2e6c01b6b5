// Bad input gets a 400 that says what was wrong, never a 500: an Origin header that does not
// parse, and a NUL character (which PostgreSQL text cannot hold) in any JSON field or query value.
// Writes from an opaque origin (Origin: null) are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

let p: Pipeline;
let runner: TestClient;
let cookie: string;

beforeAll(async () => {
  p = await startPipeline({ workers: false });
  runner = p.client();
  await runner.signup('hostile@example.com');
  const login = await fetch(`${p.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'hostile@example.com', password: 'correct horse battery' }),
  });
  cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await p.close();
});

type ErrorBody = { error: { code: string; message: string } };

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${p.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

describe('an Origin header that does not parse', () => {
  for (const origin of ['http://[::1', 'not a url', 'http://exa mple.com', 'https://:99999']) {
    it(`is a 400 naming the Origin header: ${JSON.stringify(origin)}`, async () => {
      const res = await post('/api/checkins', JSON.stringify({ date: '2026-01-01' }), { origin });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_input');
      expect(res.body.error.message).toMatch(/^Origin header: /);
    });
  }

  it('refuses writes from an opaque origin (Origin: null) with 403', async () => {
    const res = await post(
      '/api/auth/login',
      JSON.stringify({ email: 'hostile@example.com', password: 'correct horse battery' }),
      { origin: 'null' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Origin: null');
  });

  it('still lets this site and programs without an Origin write', async () => {
    const same = await post(
      '/api/auth/login',
      JSON.stringify({ email: 'hostile@example.com', password: 'correct horse battery' }),
      { origin: p.server.url },
    );
    expect(same.status).toBe(200);
    const none = await post(
      '/api/auth/login',
      JSON.stringify({ email: 'hostile@example.com', password: 'correct horse battery' }),
    );
    expect(none.status).toBe(200);
  });
});

describe('a NUL character', () => {
  const today = new Date().toISOString().slice(0, 10);
  const cases: Array<[string, string, string]> = [
    ['check-in notes', '/api/checkins', JSON.stringify({ date: today, notes: 'sore\u0000hip' })],
    [
      'cross-training kind',
      '/api/cross-training',
      JSON.stringify({ date: today, kind: 'bike\u0000', minutes: 30 }),
    ],
    [
      'a signup email',
      '/api/auth/signup',
      JSON.stringify({ email: 'a\u0000@example.com', password: 'long enough password' }),
    ],
    [
      'a login password',
      '/api/auth/login',
      JSON.stringify({ email: 'hostile@example.com', password: 'pass\u0000word' }),
    ],
  ];
  for (const [what, path, body] of cases) {
    it(`in ${what} is a 400 naming the field`, async () => {
      const field = /"(\w+)":"[^"]*\\u0000/.exec(body)?.[1] ?? '';
      const res = await post(path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_input');
      expect(res.body.error.message).toBe(
        `${field}: contains a NUL character (\\u0000), which text cannot hold; remove it`,
      );
    });
  }

  it('nested in an array names the path to it', async () => {
    const res = await fetch(`${p.server.url}/api/progression`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ plan: [{ name: 'ok' }, { name: 'bad\u0000' }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/^plan\.1\.name: /);
  });

  it('in a query value is a 400 naming the parameter', async () => {
    const res = await fetch(`${p.server.url}/api/activities?from=2026-01-01%00`, {
      headers: { cookie },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/^from: contains a NUL/);
  });

  it('stores nothing: the check-in is not there', async () => {
    const list = await runner.get<unknown[]>('/api/checkins');
    expect(list.body).toEqual([]);
  });
});
