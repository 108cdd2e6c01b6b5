// An invite link for someone without an account: the token alone shows who invites, and one
// request creates a runner account that has accepted. Unknown, used and expired tokens answer the
// same 404, so that the answer does not tell which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';

let db: TestDatabase;
let server: TestServer;
let clock = new Date();
const client = () => new TestClient(server.url);
let coach: TestClient;

const newcomer = (email: string) => ({
  email,
  password: 'correct horse battery',
  name: 'Maja',
  timezone: 'Europe/Oslo',
});

async function freshToken(): Promise<string> {
  const inv = await coach.post<{ token: string }>('/api/coach/invites');
  expect(inv.status).toBe(201);
  return inv.body.token;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer({ pool: db.pool, queue: noJobsQueue(), now: () => clock });
  coach = client();
  await coach.post('/api/auth/signup', {
    email: 'coach-kari@example.com',
    password: 'correct horse battery',
    role: 'coach',
    name: 'Kari',
  });
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('an invite link for a newcomer', () => {
  it('shows who invites without a session', async () => {
    const token = await freshToken();
    const seen = await client().get(`/api/invites/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ coachEmail: 'coach-kari@example.com', coachName: 'Kari' });
  });

  it('creates a runner account that has accepted, signed in, in one request', async () => {
    const token = await freshToken();
    const maja = client();
    const made = await maja.post(`/api/invites/${token}/signup`, newcomer('maja@example.com'));
    expect(made.status).toBe(201);
    const me = await maja.get<{ name: string; role: string; athlete: { timezone: string } }>(
      '/api/me',
    );
    expect(me.body).toMatchObject({
      name: 'Maja',
      role: 'runner',
      athlete: { timezone: 'Europe/Oslo' },
    });
    const grants = await maja.get<Array<{ coachEmail: string }>>('/api/grants');
    expect(grants.body.map((g) => g.coachEmail)).toEqual(['coach-kari@example.com']);
    const roster = await coach.get<Array<{ name: string }>>('/api/coach/athletes');
    expect(roster.body.map((r) => r.name)).toEqual(['Maja']);
  });

  it('answers the same 404 for an unknown, a used and an expired token, and creates no account', async () => {
    const used = await freshToken();
    expect(
      (await client().post(`/api/invites/${used}/signup`, newcomer('first@example.com'))).status,
    ).toBe(201);
    const expired = await freshToken();
    const realNow = clock;
    clock = new Date(realNow.getTime() + 15 * 86_400_000);
    const answers: string[] = [];
    for (const token of ['x'.repeat(32), used, expired]) {
      const get = await client().get<{ error: { message: string } }>(`/api/invites/${token}`);
      const post = await client().post<{ error: { message: string } }>(
        `/api/invites/${token}/signup`,
        newcomer(`late-${answers.length}@example.com`),
      );
      expect([get.status, post.status]).toEqual([404, 404]);
      answers.push(get.body.error.message, post.body.error.message);
    }
    clock = realNow;
    expect(new Set(answers).size).toBe(1);
    const login = await client().post('/api/auth/login', {
      email: 'late-0@example.com',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(401);
  });

  it('refuses an email that has an account, and leaves the invite usable', async () => {
    const token = await freshToken();
    const again = await client().post(`/api/invites/${token}/signup`, newcomer('maja@example.com'));
    expect(again.status).toBe(409);
    expect((await client().get(`/api/invites/${token}`)).status).toBe(200);
  });
});
