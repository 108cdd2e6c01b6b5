// One session, two sources: an activity starting within 60 s of one already stored is the same
// session (README, "Idempotent"; "Same session" under Strava) — the copy stored first is kept,
// whichever way it came (a file upload or Strava), and the later one is recorded as a duplicate.
// Through the API, the BullMQ jobs and PostgreSQL, with the fake Strava over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steadyPlan, toGpx, track } from '../fixtures/generate-activity.ts';
import type { TestClient } from '../support/http-client.ts';
import { eventually, waitForUpload } from '../support/pipeline.ts';
import {
  connectStrava,
  startStravaPipeline,
  waitForBackfill,
  type StravaPipeline,
} from '../support/strava-pipeline.ts';

const DAY_MS = 86_400_000;
// Whole seconds, two days ago: files and Strava both record starts to the second.
const T0 = Math.floor((Date.now() - 2 * DAY_MS) / 1000) * 1000;

let p: StravaPipeline;

beforeAll(async () => {
  p = await startStravaPipeline();
});

afterAll(async () => {
  await p.close();
});

/** A 10-minute steady run starting at `startMs`, as GPX. */
const gpxAt = (startMs: number) => toGpx(track(steadyPlan(600), { startMs }));

async function upload(runner: TestClient, name: string, startMs: number) {
  const res = await runner.upload([{ name, content: gpxAt(startMs) }]);
  expect(res.status).toBe(202);
  return waitForUpload(runner, res.body.uploads[0]?.id ?? '');
}

async function activities(runner: TestClient) {
  const res =
    await runner.get<Array<{ id: string; source: string; startAt: string }>>('/api/activities');
  expect(res.status).toBe(200);
  return res.body;
}

describe('the same session from two sources is stored once', () => {
  it('a file starting 45 s after a stored file is a duplicate of it; one starting 3 min later is a new run', async () => {
    const runner = p.client();
    await runner.signup('files@example.com');
    const first = await upload(runner, 'watch.gpx', T0);
    expect(first.status).toBe('done');
    const again = await upload(runner, 'phone.gpx', T0 + 45_000);
    expect(again).toMatchObject({ status: 'duplicate', activityIds: first.activityIds });
    const later = await upload(runner, 'second-run.gpx', T0 + 180_000);
    expect(later.status).toBe('done');
    expect(await activities(runner)).toHaveLength(2);
  });

  it('a Strava activity starting 30 s after an uploaded file is skipped and the file kept; a file after a Strava copy is a duplicate of it', async () => {
    const runner = p.client();
    await runner.signup('both@example.com');
    const file = await upload(runner, 'watch.gpx', T0);
    expect(file.status).toBe('done');
    const athlete = p.fake.addAthlete();
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    expect((await connectStrava(runner)).status).toBe(302);
    await waitForBackfill(runner);

    const handled = async (n: number) =>
      eventually(
        async () => {
          const { rows } = await p.db.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM webhook_events WHERE status = 'done'",
          );
          return rows[0]?.n === n;
        },
        10_000,
        `${n} webhook event(s) handled`,
      );

    await p.fake.publishActivity(athlete.id, { startDate: new Date(T0 + 30_000) });
    await handled(1);
    expect(await activities(runner)).toEqual([
      expect.objectContaining({ id: file.activityIds[0], source: 'file' }),
    ]);

    // The other way round: Strava first, then the watch's file of the same run.
    const t1 = T0 + DAY_MS;
    await p.fake.publishActivity(athlete.id, { startDate: new Date(t1) });
    await handled(2);
    const fromStrava = (await activities(runner)).find((a) => a.source === 'strava');
    expect(fromStrava?.startAt).toBe(new Date(t1).toISOString());
    const late = await upload(runner, 'watch-later.gpx', t1 + 20_000);
    expect(late).toMatchObject({ status: 'duplicate', activityIds: [fromStrava?.id] });
    expect(await activities(runner)).toHaveLength(2);
  });
});
