// Upload over HTTP → outbox row → BullMQ job → worker → rows → API answers, on the real
// PostgreSQL and Redis.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

describeWithSharedData('the upload pipeline', () => {
  let p: Pipeline;
  let runner: TestClient;
  let runGpx: Buffer;
  let uploadId = '';
  let activityId = '';

  beforeAll(async () => {
    p = await startPipeline({ uploadMaxBytes: 1024 * 1024 });
    runner = p.client();
    await runner.signup('pipeline@example.com', 'runner', 'America/Denver');
    runGpx = readFileSync(activityFile('togeojson--run.gpx'));
  });
  afterAll(async () => {
    await p.close();
  });

  it('accepts a GPX upload with 202 and processes it into one activity', async () => {
    const res = await runner.upload([{ name: 'run.gpx', content: runGpx }]);
    expect(res.status).toBe(202);
    expect(res.body.uploads).toHaveLength(1);
    expect(res.body.uploads[0]).toMatchObject({ filename: 'run.gpx', status: 'queued' });
    uploadId = res.body.uploads[0]?.id ?? '';
    const done = await waitForUpload(runner, uploadId);
    expect(done.status).toBe('done');
    expect(done.error).toBeNull();
    expect(done.activityIds).toHaveLength(1);
    activityId = done.activityIds[0] ?? '';
  });

  it('lists the run with its distance, moving time and local date in the athlete time zone', async () => {
    const list = await runner.get<
      Array<{
        id: string;
        startAt: string;
        localDate: string;
        distanceM: number;
        movingS: number;
        sport: string;
      }>
    >('/api/activities?from=1990-01-01');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const a = list.body[0];
    expect(a?.id).toBe(activityId);
    expect(a?.distanceM).toBeGreaterThan(1000);
    expect(a?.movingS).toBeGreaterThan(60);
    // The local date is the Denver calendar day of the start instant.
    const denverDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(
      new Date(a?.startAt ?? ''),
    );
    expect(a?.localDate).toBe(denverDay);
  });

  it('stores every sample in the samples table and returns them with the activity', async () => {
    const detail = await runner.get<{
      samples: Array<{ t: number }>;
      sampleCount: number;
      laps: unknown[];
      intervals: unknown[];
    }>(`/api/activities/${activityId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.samples.length).toBe(detail.body.sampleCount);
    expect(detail.body.samples.length).toBeGreaterThan(100);
    const { rows } = await p.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM samples WHERE activity_id = $1',
      [activityId],
    );
    expect(rows[0]?.n).toBe(detail.body.sampleCount);
  });

  it('writes daily metrics and the weekly volume from the recompute job', async () => {
    const list = await runner.get<Array<{ distanceM: number; localDate: string }>>(
      '/api/activities?from=1990-01-01',
    );
    const run = list.body[0];
    await eventually(
      async () => (await runner.get<unknown[]>('/api/metrics/weekly')).body.length > 0,
      20_000,
      'weekly volume',
    );
    const weekly =
      await runner.get<Array<{ weekStart: string; runDistanceM: number; runCount: number }>>(
        '/api/metrics/weekly',
      );
    // Weeks from the run's week to this week; rest weeks are zeros, the run's week holds the run.
    const withRuns = weekly.body.filter((w) => w.runCount > 0);
    expect(withRuns).toHaveLength(1);
    expect(withRuns[0]?.weekStart).toBe(weekly.body[0]?.weekStart);
    expect(withRuns[0]?.runDistanceM).toBeCloseTo(run?.distanceM ?? -1, 6);
    expect(weekly.body.slice(1).every((w) => w.runDistanceM === 0)).toBe(true);
    const daily = await runner.get<Array<{ day: string; runDistanceM: number }>>(
      `/api/metrics/daily?from=${run?.localDate}&to=${run?.localDate}`,
    );
    expect(daily.body).toEqual([
      expect.objectContaining({ day: run?.localDate, runDistanceM: run?.distanceM }),
    ]);
  });

  it('says "duplicate" for the same file twice and keeps one activity', async () => {
    const res = await runner.upload([{ name: 'run-again.gpx', content: runGpx }]);
    const second = await waitForUpload(runner, res.body.uploads[0]?.id ?? '');
    expect(second.status).toBe('duplicate');
    expect(second.activityIds).toEqual([activityId]);
    const { rows } = await p.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM activities',
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('reports a broken file by name and reason, and still imports the good file sent with it', async () => {
    const res = await runner.upload([
      { name: 'bad.gpx', content: readFileSync(activityFile('togeojson--bad.gpx')) },
      {
        name: 'evening.gpx',
        content: readFileSync(activityFile('togeojson--Friday-Evening-Run.gpx')),
      },
    ]);
    expect(res.status).toBe(202);
    const [bad, good] = await Promise.all(res.body.uploads.map((u) => waitForUpload(runner, u.id)));
    expect(bad?.status).toBe('failed');
    expect(bad?.error?.message).toContain('bad.gpx');
    expect(bad?.error?.code).toMatch(/\w+/);
    expect(good?.status).toBe('done');
  });

  it('refuses a file over the size limit with a 413 that names it, storing nothing', async () => {
    const before = await p.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads');
    const res = await runner.upload([
      { name: 'huge.gpx', content: new Uint8Array(2 * 1024 * 1024) },
    ]);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: {
        code: 'too_large',
        message: 'huge.gpx is larger than the 1 MB limit for one file',
        requestId: res.headers.get('x-request-id'),
      },
    });
    const after = await p.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('refuses a request with no file', async () => {
    const res = await runner.post('/api/uploads', new FormData());
    expect(res.status).toBe(400);
  });

  it("answers 404 to another runner for this runner's upload and activity, and shows them nothing", async () => {
    const other = p.client();
    await other.signup('other@example.com');
    expect((await other.get(`/api/uploads/${uploadId}`)).status).toBe(404);
    expect((await other.get(`/api/activities/${activityId}`)).status).toBe(404);
    expect((await other.get('/api/activities?from=1990-01-01')).body).toEqual([]);
    expect((await other.get('/api/uploads')).body).toEqual([]);
    expect((await other.get('/api/metrics/weekly')).body).toEqual([]);
    expect((await other.get('/api/metrics/daily')).body).toEqual([]);
    // A coach without a grant gets 404 too.
    const coach = p.client();
    await coach.signup('nogrant-coach@example.com', 'coach');
    expect((await coach.get(`/api/activities/${activityId}`)).status).toBe(404);
    expect((await coach.get(`/api/uploads/${uploadId}`)).status).toBe(404);
  });

  it('answers 401 on every athlete route without a session', async () => {
    const anon = p.client();
    for (const path of [
      '/api/me',
      '/api/activities',
      `/api/activities/${activityId}`,
      `/api/uploads/${uploadId}`,
      '/api/uploads',
      '/api/metrics/weekly',
      '/api/metrics/daily',
    ]) {
      expect((await anon.get(path)).status, path).toBe(401);
    }
    expect((await anon.upload([{ name: 'x.gpx', content: runGpx }])).status).toBe(401);
    expect((await anon.put('/api/athlete', { units: 'mi' })).status).toBe(401);
  });

  it('moves runs to their new local days when the time zone changes', async () => {
    const before = await runner.get<Array<{ id: string; startAt: string; localDate: string }>>(
      '/api/activities?from=1990-01-01',
    );
    const res = await runner.put('/api/athlete', { timezone: 'Pacific/Auckland' });
    expect(res.status).toBe(200);
    const after = await runner.get<Array<{ id: string; startAt: string; localDate: string }>>(
      '/api/activities?from=1990-01-01',
    );
    for (const a of after.body) {
      expect(a.localDate).toBe(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(
          new Date(a.startAt),
        ),
      );
    }
    expect(after.body.map((a) => a.id).sort()).toEqual(before.body.map((a) => a.id).sort());
    await eventually(
      async () => {
        const daily =
          await runner.get<Array<{ day: string; runDistanceM: number }>>('/api/metrics/daily');
        return after.body.every((a) =>
          daily.body.some((d) => d.day === a.localDate && d.runDistanceM > 0),
        );
      },
      20_000,
      'daily metrics on the new local days',
    );
  });
});
