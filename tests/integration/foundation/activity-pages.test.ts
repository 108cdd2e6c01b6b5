// The activity list in pages: the last 90 days unless asked otherwise, newest first, and a Link
// header (rel="next") to the older page, so that a runner with years of runs is not sent all of
// them at once. Following the links lists every activity exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '#shared/activity/activity';
import { addDays } from '#shared/local-date';
import { insertActivity } from '#services/db/activities.repository';
import { withTransaction } from '#services/db/database';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';

const TODAY = '2026-06-30';
/** The first day of the default range: today and the 89 days before it. */
const WINDOW_START = '2026-04-02';

interface Row {
  id: string;
  localDate: string;
  startAt: string;
}

const run = (startAt: string): Activity => ({
  format: 'gpx',
  sport: 'run',
  startAt: new Date(startAt),
  samples: [],
  laps: [],
  intervals: [],
  summary: { distanceM: 5000, movingS: 1800, elapsedS: 1800, elevationGainM: 0 },
  warnings: [],
});

let db: TestDatabase;
let server: TestServer;
let runner: TestClient;

async function seed(client: TestClient, days: string[], sameStart = false): Promise<string> {
  const athleteId = (await client.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
  await withTransaction(db.pool, async (tx) => {
    for (const [i, day] of days.entries())
      await insertActivity(tx, {
        athleteId,
        source: 'file',
        sourceId: `page-${i}`,
        uploadId: null,
        localDate: day,
        activity: run(
          sameStart
            ? `${day}T07:00:00.000Z`
            : `${day}T07:00:${String(i % 60).padStart(2, '0')}.000Z`,
        ),
      });
  });
  return athleteId;
}

const nextOf = (link: string | null): string | undefined =>
  link?.match(/^<([^>]+)>; rel="next"$/)?.[1];

/** Every row from `path` on, following the next links; and how many pages it took. */
async function follow(client: TestClient, path: string): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let pages = 0;
  for (let next: string | undefined = path; next; pages++) {
    const res = await client.get<Row[]>(next);
    expect(res.status).toBe(200);
    rows.push(...res.body);
    next = nextOf(res.headers.get('link'));
  }
  return { rows, pages };
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer({
    pool: db.pool,
    queue: noJobsQueue(),
    now: () => new Date(`${TODAY}T12:00:00Z`),
  });
  runner = new TestClient(server.url);
  await runner.signup('pages@example.com');
  // A run every third day for 200 days: days 0, 3, … 198 before today, 67 runs; 30 of them
  // (days 0 … 87) fall within the last 90 days.
  const days = Array.from({ length: 67 }, (_, i) => addDays(TODAY, -3 * i));
  await seed(runner, days);
});

afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('GET /api/activities', () => {
  it('lists only the last 90 days by default, newest first, with a link to the older ones', async () => {
    const res = await runner.get<Row[]>('/api/activities');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(30);
    expect(res.body[0]?.localDate).toBe(TODAY);
    expect(res.body.at(-1)?.localDate).toBe(addDays(TODAY, -87));
    expect(res.body.every((a) => a.localDate >= WINDOW_START)).toBe(true);
    const dates = res.body.map((a) => a.startAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const next = nextOf(res.headers.get('link'));
    expect(next).toMatch(
      /^\/api\/activities\?before=2026-04-04T07%3A00%3A29\.000Z_[0-9a-f-]{36}&limit=100$/,
    );
  });

  it('lists every activity exactly once by following the next links, the last page without one', async () => {
    const { rows, pages } = await follow(runner, '/api/activities?limit=7');
    expect(rows).toHaveLength(67);
    expect(new Set(rows.map((r) => r.id)).size).toBe(67);
    expect(rows.at(-1)?.localDate).toBe(addDays(TODAY, -198));
    // The range applies to the first page only: the links go on past it, 67 = 9 × 7 + 4.
    expect(pages).toBe(10);
  });

  it('keeps an explicit range on every page and stops at its start', async () => {
    const { rows } = await follow(runner, '/api/activities?from=2026-06-01&to=2026-06-20&limit=2');
    // Days 10 … 29 before today that are multiples of 3: 12, 15, 18, 21, 24, 27.
    expect(rows.map((r) => r.localDate)).toEqual(
      [12, 15, 18, 21, 24, 27].map((d) => addDays(TODAY, -d)),
    );
  });

  it('lists activities that start at the same moment once each across a page boundary', async () => {
    const twins = new TestClient(server.url);
    await twins.signup('twins@example.com');
    await seed(twins, [TODAY, TODAY, TODAY], true);
    const { rows, pages } = await follow(twins, '/api/activities?limit=1');
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(pages).toBe(3);
  });

  it('answers an empty default range with a link to the older activities', async () => {
    const old = new TestClient(server.url);
    await old.signup('old-runs@example.com');
    await seed(old, [addDays(TODAY, -200)]);
    const res = await old.get<Row[]>('/api/activities');
    expect(res.body).toEqual([]);
    const next = nextOf(res.headers.get('link'));
    expect(next).toBe(`/api/activities?before=${WINDOW_START}&limit=100`);
    const older = await old.get<Row[]>(next ?? '');
    expect(older.body.map((a) => a.localDate)).toEqual([addDays(TODAY, -200)]);
    expect(older.headers.get('link')).toBeNull();
  });

  it.each([
    ['before=yesterday', 'before'],
    ['before=2026-06-01T07:00:00.000Z_not-an-id', 'before'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await runner.get<{ error: { message: string } }>(`/api/activities?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('is a 404 for a coach without a grant', async () => {
    const runnerId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    const coach = new TestClient(server.url);
    await coach.signup('no-grant-coach@example.com', 'coach');
    expect((await coach.get(`/api/athletes/${runnerId}/activities`)).status).toBe(404);
    expect((await coach.get(`/api/athletes/${runnerId}/activities?before=2026-01-01`)).status).toBe(
      404,
    );
  });
});
