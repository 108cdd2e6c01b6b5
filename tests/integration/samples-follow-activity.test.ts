// Samples have no foreign key (checking one for each sample doubled COPY's time): a trigger deletes
// an activity's samples with it, and only its own.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseActivities } from '#shared/activity/parse-activity-file';
import { insertActivity } from '#services/db/activities.repository';
import { insertAthlete } from '#services/db/athletes.repository';
import { withTransaction } from '#services/db/database';
import { insertUser } from '#services/db/users.repository';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { DEFAULT_START_MS, planPoints, steadyPlan, toGpx } from '../fixtures/generate-activity.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const run = (startMs: number) =>
  parseActivities(
    'run.gpx',
    new TextEncoder().encode(toGpx(planPoints(steadyPlan(599, 3), { startMs }))),
  ).activities[0];

it("deletes an activity's samples with it, and keeps the other activity's", async () => {
  const user = await insertUser(db.pool, {
    email: 's@example.com',
    passwordHash: 'x',
    role: 'runner',
  });
  const athlete = await insertAthlete(db.pool, user.id, 'UTC');
  const ids = await withTransaction(db.pool, async (client) => {
    const out: string[] = [];
    for (const [n, startMs] of [DEFAULT_START_MS, DEFAULT_START_MS + 86_400_000].entries()) {
      const activity = run(startMs);
      if (!activity) throw new Error('no activity parsed');
      const id = await insertActivity(client, {
        athleteId: athlete.id,
        source: 'file',
        sourceId: `sha-${n}`,
        uploadId: null,
        localDate: '2026-03-01',
        activity,
      });
      out.push(id as string);
    }
    return out;
  });
  const counts = async () =>
    (
      await db.pool.query<{ activity_id: string; n: string }>(
        'SELECT activity_id, count(*) AS n FROM samples GROUP BY activity_id',
      )
    ).rows.map((r) => [r.activity_id, Number(r.n)]);
  expect((await counts()).sort()).toEqual(ids.map((id) => [id, 600]).sort());
  await db.pool.query('DELETE FROM activities WHERE id = $1', [ids[0]]);
  expect(await counts()).toEqual([[ids[1], 600]]);
});
