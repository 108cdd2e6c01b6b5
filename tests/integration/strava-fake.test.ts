// The fake Strava itself, over real HTTP: what it serves must look like Strava's, or the tests that
// use it prove nothing. Its data, its API and its rate limits here; OAuth and webhooks in
// strava-fake-webhooks.test.ts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStrava, type FakeStrava } from '../fake-strava/fake-strava.ts';
import { readTrack } from '../fake-strava/track-reader.ts';
import { getJson } from '../support/http-client.ts';
import { activityFile, describeWithSharedData } from '../support/shared-data.ts';

let fake: FakeStrava;

beforeAll(async () => {
  fake = await startFakeStrava();
});

afterAll(async () => {
  await fake.close();
});

const get = (path: string, token?: string) => getJson(`${fake.url}${path}`, token);

type Json = Record<string, unknown>;

describeWithSharedData('fake Strava seed data from ../shared/data', () => {
  it('reads the sample GPX and TCX files into timed points', () => {
    const run = readTrack(readFileSync(activityFile('togeojson--run.gpx'), 'utf8'));
    expect(run.points).toHaveLength(206);
    expect(run.points[0]).toMatchObject({
      lat: 38.92747367732227,
      lon: -77.02016168273985,
      eleM: 25.600000381469727,
      hrBpm: 130,
    });
    expect(run.points[0]?.t).toBe(Date.parse('2012-10-24T23:29:40.000Z'));
    const friday = readTrack(
      readFileSync(activityFile('togeojson--Friday-Evening-Run.gpx'), 'utf8'),
    );
    expect(friday).toMatchObject({ name: 'Friday Evening Run', sportHint: 'running' });
    expect(friday.points[0]?.cadence).toBe(64);
    expect(
      readTrack(readFileSync(activityFile('togeojson--run_gpxtpx.gpx'), 'utf8')).points,
    ).toHaveLength(42);
    expect(
      readTrack(readFileSync(activityFile('togeojson--strava.gpx'), 'utf8')).points,
    ).toHaveLength(3);
    const ride = readTrack(readFileSync(activityFile('togeojson--tour_hr.tcx'), 'utf8'));
    expect(ride.sportHint).toBe('Biking');
    expect(ride.points[0]).toMatchObject({ hrBpm: 121, distanceM: 2604.4500000000003 });
  });

  it("serves a run from togeojson--run.gpx as Strava's streams", async () => {
    const athlete = fake.addAthlete();
    const activity = fake.addActivity(athlete.id, {
      file: 'togeojson--run.gpx',
      startDate: new Date('2026-11-20T07:00:00Z'),
      timezone: 'America/New_York',
    });
    const { accessToken } = fake.issueTokens(athlete.id);
    const keys = 'time,latlng,distance,altitude,heartrate,cadence,velocity_smooth,moving';
    const { status, body } = await get(
      `/api/v3/activities/${activity.id}/streams?keys=${keys}&key_by_type=true`,
      accessToken,
    );
    expect(status).toBe(200);
    const streams = body as Record<
      string,
      { data: unknown[]; series_type: string; original_size: number; resolution: string }
    >;
    expect(Object.keys(streams).sort()).toEqual([
      'altitude',
      'distance',
      'heartrate',
      'latlng',
      'moving',
      'time',
      'velocity_smooth',
    ]);
    expect(streams.time).toMatchObject({
      series_type: 'distance',
      original_size: 206,
      resolution: 'high',
    });
    expect(streams.time?.data[0]).toBe(0);
    expect(streams.time?.data[1]).toBe(20);
    expect(streams.latlng?.data[0]).toEqual([38.927474, -77.020162]);
    expect(streams.heartrate?.data[0]).toBe(130);
    const distance = streams.distance?.data as number[];
    expect(distance.every((d, i) => i === 0 || d >= (distance[i - 1] ?? 0))).toBe(true);
    expect(typeof streams.moving?.data[0]).toBe('boolean');
    // Without key_by_type: an array of streams, each with its type.
    const list = (
      await get(`/api/v3/activities/${activity.id}/streams?keys=time,heartrate`, accessToken)
    ).body as Json[];
    expect(list.map((s) => s.type)).toEqual(['time', 'distance', 'heartrate']);

    const detail = (await get(`/api/v3/activities/${activity.id}`, accessToken)).body as Json;
    expect(detail).toMatchObject({
      id: activity.id,
      resource_state: 3,
      sport_type: 'Run',
      type: 'Run',
      start_date: '2026-11-20T07:00:00Z',
      start_date_local: '2026-11-20T02:00:00Z',
      timezone: '(GMT-05:00) America/New_York',
      utc_offset: -18000,
      device_name: 'Garmin Forerunner 255',
      elapsed_time: (streams.time?.data as number[]).at(-1),
      has_heartrate: true,
    });
    expect(detail.distance).toBeCloseTo(distance.at(-1) ?? 0, 1);
    expect(detail.average_heartrate).toBeGreaterThan(100);
    const laps = (await get(`/api/v3/activities/${activity.id}/laps`, accessToken)).body as Json[];
    expect(laps.length).toBeGreaterThan(1);
    expect(laps[0]).toMatchObject({ lap_index: 1, start_index: 0, activity: { id: activity.id } });
    const lapDistance = laps.reduce((sum, l) => sum + (l.distance as number), 0);
    expect(lapDistance).toBeCloseTo(detail.distance as number, 0);
  });
});

describe('fake Strava API', () => {
  it('generates varied sports (runs and cross-training), and swims without GPS', async () => {
    const athlete = fake.addAthlete();
    fake.generateActivities(athlete.id, 24, { endAt: new Date('2026-11-24T00:00:00Z') });
    const { accessToken } = fake.issueTokens(athlete.id);
    const { body } = await get('/api/v3/athlete/activities?per_page=50', accessToken);
    const list = body as Json[];
    expect(list).toHaveLength(24);
    expect(new Set(list.map((a) => a.sport_type))).toEqual(
      new Set(['Run', 'TrailRun', 'Ride', 'Walk', 'Swim', 'Hike', 'VirtualRide', 'WeightTraining']),
    );
    const starts = list.map((a) => Date.parse(a.start_date as string));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const swim = list.find((a) => a.sport_type === 'Swim');
    const streams = (
      await get(
        `/api/v3/activities/${String(swim?.id)}/streams?keys=latlng,time,heartrate&key_by_type=true`,
        accessToken,
      )
    ).body as Json;
    expect(Object.keys(streams).sort()).toEqual(['distance', 'heartrate', 'time']);
  });

  it('pages, filters by before/after (epoch seconds) and caps per_page at 200', async () => {
    const athlete = fake.addAthlete();
    const made = fake.generateActivities(athlete.id, 250, {
      endAt: new Date('2026-11-24T00:00:00Z'),
      spacingHours: 24,
    });
    const { accessToken } = fake.issueTokens(athlete.id);
    const page1 = (await get('/api/v3/athlete/activities?per_page=500', accessToken))
      .body as Json[];
    expect(page1).toHaveLength(200);
    const page2 = (await get('/api/v3/athlete/activities?per_page=200&page=2', accessToken))
      .body as Json[];
    expect(page2).toHaveLength(50);
    const tenth = made[9];
    const after = Math.floor((tenth?.startDate.getTime() ?? 0) / 1000);
    const recent = (
      await get(`/api/v3/athlete/activities?after=${after}&per_page=200`, accessToken)
    ).body as Json[];
    expect(recent.map((a) => a.id)).toEqual(made.slice(0, 9).map((a) => a.id));
    const before = (await get(`/api/v3/athlete/activities?before=${after}&per_page=5`, accessToken))
      .body as Json[];
    expect(before[0]?.id).toBe(made[10]?.id);
    const ms = await get(`/api/v3/athlete/activities?after=${Date.now()}`, accessToken);
    expect(ms.status).toBe(400);
    expect(ms.body).toMatchObject({ errors: [{ field: 'after', code: 'future' }] });
  });

  it("answers 401 with Strava's error for a missing, unknown or expired token, and 404 for another athlete's activity", async () => {
    const athlete = fake.addAthlete();
    const other = fake.addAthlete();
    const theirs = fake.addActivity(other.id);
    expect((await get('/api/v3/athlete')).status).toBe(401);
    const unknown = await get('/api/v3/athlete', 'nope');
    expect(unknown.body).toEqual({
      message: 'Authorization Error',
      errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }],
    });
    const { accessToken } = fake.issueTokens(athlete.id);
    expect(((await get('/api/v3/athlete', accessToken)).body as Json).id).toBe(athlete.id);
    expect((await get(`/api/v3/activities/${theirs.id}`, accessToken)).status).toBe(404);
    fake.expireAccessTokens(athlete.id);
    expect((await get('/api/v3/athlete', accessToken)).status).toBe(401);
  });

  it('hides private activities without activity:read_all and refuses lists without activity:read', async () => {
    const athlete = fake.addAthlete();
    const open = fake.addActivity(athlete.id);
    const hidden = fake.addActivity(athlete.id, { private: true });
    const partial = fake.issueTokens(athlete.id, { scope: 'read,activity:read' }).accessToken;
    const ids = ((await get('/api/v3/athlete/activities', partial)).body as Json[]).map(
      (a) => a.id,
    );
    expect(ids).toEqual([open.id]);
    expect((await get(`/api/v3/activities/${hidden.id}`, partial)).status).toBe(404);
    const none = fake.issueTokens(athlete.id, { scope: 'read' }).accessToken;
    const refused = await get('/api/v3/athlete/activities', none);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'activity:read_permission', code: 'missing' }],
    });
  });

  it('injects 500s and hangs on the next N requests to a path', async () => {
    const athlete = fake.addAthlete();
    const { accessToken } = fake.issueTokens(athlete.id);
    fake.injectFault({ path: '/api/v3/athlete', times: 2 });
    expect((await get('/api/v3/athlete', accessToken)).status).toBe(500);
    expect((await get('/api/v3/athlete', accessToken)).status).toBe(500);
    expect((await get('/api/v3/athlete', accessToken)).status).toBe(200);
    fake.injectFault({ path: /^\/api\/v3\/athlete$/, mode: 'hang' });
    await expect(
      fetch(`${fake.apiUrl}/athlete`, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow(/timeout|aborted/i);
    expect((await get('/api/v3/athlete', accessToken)).status).toBe(200);
  });
});

describe('fake Strava rate limits', () => {
  it("sends Strava's headers on every response and a 429 once a limit is used up", async () => {
    const limited = await startFakeStrava({
      shortWindowMs: 3_600_000,
      rateLimits: { shortLimit: 5, dailyLimit: 50, readShortLimit: 3, readDailyLimit: 30 },
    });
    try {
      const athlete = limited.addAthlete();
      const { accessToken } = limited.issueTokens(athlete.id);
      const usages: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${limited.apiUrl}/athlete`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('x-ratelimit-limit')).toBe('5,50');
        expect(res.headers.get('x-readratelimit-limit')).toBe('3,30');
        usages.push(res.headers.get('x-readratelimit-usage'));
      }
      expect(usages).toEqual(['1,1', '2,2', '3,3']);
      const over = await fetch(`${limited.apiUrl}/athlete`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(over.status).toBe(429);
      expect(await over.json()).toEqual({
        message: 'Rate Limit Exceeded',
        errors: [{ resource: 'Application', field: 'rate limit', code: 'exceeded' }],
      });
      expect(over.headers.get('x-ratelimit-usage')).toBe('3,3');
      const stats = limited.stats();
      expect(stats).toMatchObject({
        requests: 3,
        rateLimited: 1,
        byRoute: { 'GET /api/v3/athlete': 3 },
      });
      expect(stats.windows).toHaveLength(1);
      expect((stats.windows[0]?.windowStart ?? 1) % 3_600_000).toBe(0);
    } finally {
      await limited.close();
    }
  });
});
