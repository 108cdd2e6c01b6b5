// An activity's TRIMP is computed as it is stored, with the athlete's profile, so that a recompute
// finds it current and never reads the samples back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseGpx } from '../../shared/activity/parse-gpx.ts';
import { withTransaction } from '../../services/db/database.ts';
import { findAthleteById, insertAthlete } from '../../services/db/athletes.repository.ts';
import { listEngineActivities } from '../../services/db/engine-inputs.repository.ts';
import { insertUser } from '../../services/db/users.repository.ts';
import { loadsProfileKey, refreshLoads } from '../../services/engine/engine-input.ts';
import type { PrecomputedLoads } from '../../services/ingest/loads-at-ingest.ts';
import { storeActivity } from '../../services/ingest/store-activity.ts';
import { toGpx } from '../fixtures/generate-activity.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** A runner with HRmax 190 and HRrest 50, as science.md's Banister example. */
async function runner(email: string) {
  const user = await insertUser(db.pool, { email, passwordHash: 'x', role: 'runner' });
  const athlete = await insertAthlete(db.pool, user.id, 'UTC');
  await db.pool.query(
    "UPDATE athletes SET sex = 'male', hr_max_bpm = 190, hr_rest_bpm = 50 WHERE id = $1",
    [athlete.id],
  );
  return (await findAthleteById(db.pool, athlete.id))!;
}

/** 10 minutes at 1 Hz, 3 m/s due north, heart rate 120 throughout. */
function tenMinutesAt120() {
  const t0 = Date.UTC(2024, 4, 1, 7);
  const points = Array.from({ length: 601 }, (_, i) => ({
    t: t0 + i * 1000,
    lat: 45 + (i * 3) / 111_195,
    lon: 7,
    eleM: 300,
    hrBpm: 120,
    distanceM: i * 3,
    speedMps: 3,
  }));
  return parseGpx(new TextEncoder().encode(toGpx(points)));
}

it('takes the loads the parse computed while their profile and sport still hold, else computes them', async () => {
  const athlete = await runner('precomputed@example.com');
  const key = loadsProfileKey(athlete);
  const given = (k: string, sport: string): PrecomputedLoads => ({
    key: k,
    sport,
    loads: { trimp: 99, rtss: 77, intensity: null },
  });
  const store = (sourceId: string, startHour: number, loads: PrecomputedLoads) => {
    const activity = tenMinutesAt120();
    activity.sport = 'run';
    activity.startAt = new Date(Date.UTC(2024, 4, 1, startHour));
    return withTransaction(db.pool, (client) =>
      storeActivity(client, {
        athlete: { id: athlete.id, timezone: 'UTC' },
        source: 'file',
        sourceId,
        uploadId: null,
        activity,
        recompute: false,
        now: new Date(Date.UTC(2024, 4, 2)),
        loads,
      }),
    );
  };
  await store('same', 7, given(key, 'run'));
  // An HRmax changed since the parse, and a sport changed by an export's activities.csv.
  await store('stale-profile', 10, given(`${key}-before`, 'run'));
  await store('other-sport', 13, given(key, 'ride'));
  const rows = await listEngineActivities(db.pool, athlete.id, '2024-01-01');
  const trimps = rows.sort((a, b) => a.startAt.getTime() - b.startAt.getTime()).map((r) => r.trimp);
  // Computed: 8.357 (Banister, worked out in the next test).
  expect(trimps[0]).toBe(99);
  expect(trimps[1]).toBeCloseTo(8.357, 2);
  expect(trimps[2]).toBeCloseTo(8.357, 2);
});

it('stores TRIMP with the activity, and a recompute uses it without the samples', async () => {
  const athlete = await runner('loads@example.com');
  const activity = tenMinutesAt120();
  const stored = await withTransaction(db.pool, (client) =>
    storeActivity(client, {
      athlete: { id: athlete.id, timezone: 'UTC' },
      source: 'file',
      sourceId: 'loads-at-ingest',
      uploadId: null,
      activity,
      recompute: false,
      now: new Date(Date.UTC(2024, 4, 2)),
    }),
  );
  expect(stored.status).toBe('stored');
  // Banister (science.md): HRr = (120 − 50) / (190 − 50) = 0.5; 10 min × 0.5 × 0.64 × e^(1.92 × 0.5)
  // = 3.2 × 2.61170 = 8.3574.
  const [row] = await listEngineActivities(db.pool, athlete.id, '2024-01-01');
  expect(row?.trimp).toBeCloseTo(8.357, 2);
  expect(row?.loadsProfile).not.toBeNull();
  // With the samples gone, the loads a recompute reads are still the ones stored at ingest.
  await db.pool.query('DELETE FROM samples');
  const [loaded] = await refreshLoads(db.pool, athlete, row ? [row] : []);
  expect(loaded?.trimp).toBeCloseTo(8.357, 2);
});
