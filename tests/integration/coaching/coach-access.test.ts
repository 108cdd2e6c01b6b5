// Coaching over HTTP on the real pipeline: invite → accept → a roster sorted by risk → the coach
// reads an athlete's pages through the runner's own routes, sets a stage and leaves a note → the
// athlete revokes and the coach loses access at once. Without a grant every athlete route is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

interface RosterEntry {
  athleteId: string;
  email: string;
  stage: number;
  stageName: string;
  action: string;
  summary: string;
  worstSeverity: string;
  flags: Array<{ code: string; severity: string; message: string }>;
  sparkline: Array<{ day: string; runDistanceM: number }>;
  lastActivityAt: string | null;
}

const utcDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Every route under /api/athletes/:id/, with a body for the writes. */
const ATHLETE_ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', 'today'],
  ['GET', 'metrics/daily'],
  ['GET', 'metrics/info'],
  ['GET', 'metrics/weekly'],
  ['GET', 'metrics/intensity'],
  ['GET', 'activities'],
  ['GET', 'activities/00000000-0000-4000-8000-000000000000'],
  ['GET', 'checkins'],
  ['GET', `checkins/${utcDay(0)}`],
  ['GET', 'clearances'],
  ['POST', 'clearances', { date: utcDay(0) }],
  ['GET', 'cross-training'],
  ['GET', 'progression'],
  ['PUT', 'progression', { thresholds: { spikeCaution: 0.2 } }],
  ['POST', 'progression/stage', { stage: 1 }],
  ['GET', 'notes'],
  ['GET', `notes?day=${utcDay(0)}`],
  ['POST', 'notes', { body: 'hello' }],
  ['POST', 'notes', { body: 'about today', day: utcDay(0) }],
  ['POST', 'notes/read'],
  ['POST', 'checkins', { date: utcDay(0), painAtRest: 1 }],
  ['PUT', `checkins/${utcDay(0)}`, { painMorning: 1 }],
  ['POST', 'onboarding', { situation: 'running_well', typicalRunMin: 30 }],
  ['POST', 'cross-training', { date: utcDay(0), kind: 'ride', minutes: 30 }],
  ['POST', 'uploads'],
];

async function invite(coach: TestClient, runner: TestClient): Promise<string> {
  const inv = await coach.post<{ token: string }>('/api/coach/invites');
  expect(inv.status).toBe(201);
  const accepted = await runner.post<{ coachId: string }>(`/api/invites/${inv.body.token}/accept`);
  expect(accepted.status).toBe(201);
  return accepted.body.coachId;
}

describe('coach access', () => {
  let p: Pipeline;
  let coach: TestClient;
  let calm: TestClient;
  let flagged: TestClient;
  let calmId = '';
  let flaggedId = '';
  let activityId = '';
  let coachId = '';

  beforeAll(async () => {
    p = await startPipeline();
    coach = p.client();
    await coach.signup('coach@example.com', 'coach');
    calm = p.client();
    await calm.signup('a-calm@example.com');
    flagged = p.client();
    await flagged.signup('z-flagged@example.com');
    calmId = (await calm.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    flaggedId = (await flagged.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    const gpx = toGpx(
      track(steadyPlan(1200, 2.8), { startMs: Date.parse(`${utcDay(-2)}T07:00:00Z`) }),
    );
    const up = await calm.upload([{ name: 'easy.gpx', content: gpx }]);
    activityId = (await waitForUpload(calm, up.body.uploads[0]?.id ?? '')).activityIds[0] ?? '';
  });
  afterAll(async () => {
    await p.close();
  });

  it('creates a 14-day invite link that a runner sees and accepts once', async () => {
    const inv = await coach.post<{ token: string; url: string; expiresAt: string }>(
      '/api/coach/invites',
    );
    expect(inv.status).toBe(201);
    expect(inv.body.url).toBe(`http://127.0.0.1/invite/${inv.body.token}`);
    const days = (Date.parse(inv.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const seen = await calm.get<{ coachEmail: string }>(`/api/invites/${inv.body.token}`);
    expect(seen.status).toBe(200);
    expect(seen.body.coachEmail).toBe('coach@example.com');
    const accepted = await calm.post<{ coachId: string; coachEmail: string }>(
      `/api/invites/${inv.body.token}/accept`,
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.coachEmail).toBe('coach@example.com');
    coachId = accepted.body.coachId;
    // Idempotent for the athlete who accepted; used for everyone else.
    expect((await calm.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(201);
    expect((await calm.get(`/api/invites/${inv.body.token}`)).status).toBe(404);
    expect((await flagged.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(404);
    expect((await flagged.get('/api/invites/not-a-real-token-at-all-123')).status).toBe(404);
    const grants =
      await calm.get<Array<{ coachId: string; shareActivityDetails: boolean }>>('/api/grants');
    expect(grants.body).toEqual([
      expect.objectContaining({
        coachId,
        coachEmail: 'coach@example.com',
        shareActivityDetails: false,
        grantedAt: expect.any(String),
      }),
    ]);
    expect(await invite(coach, flagged)).toBe(coachId);
  });

  it('refuses coach routes to runners and runner routes to coaches with 403', async () => {
    expect((await calm.post('/api/coach/invites')).status).toBe(403);
    expect((await calm.get('/api/coach/athletes')).status).toBe(403);
    expect((await coach.get('/api/grants')).status).toBe(403);
    expect((await coach.get('/api/notes')).status).toBe(403);
  });

  it('sorts the roster by risk: a red flag (night pain) first, each with a 28-day sparkline', async () => {
    const res = await flagged.post('/api/checkins', { date: utcDay(0), nightPain: true });
    expect(res.status).toBe(201);
    const roster = await coach.get<RosterEntry[]>('/api/coach/athletes');
    expect(roster.status).toBe(200);
    expect(roster.body.map((r) => r.email)).toEqual([
      'z-flagged@example.com',
      'a-calm@example.com',
    ]);
    const [first, second] = roster.body as [RosterEntry, RosterEntry];
    expect(first.worstSeverity).toBe('red_flag');
    expect(first.action).toBe('see_clinician');
    expect(first.flags[0]).toEqual(
      expect.objectContaining({ severity: 'red_flag', message: expect.any(String) }),
    );
    expect(first.athleteId).toBe(flaggedId);
    expect(second.athleteId).toBe(calmId);
    expect(second.sparkline).toHaveLength(28);
    expect(second.sparkline.at(-1)?.day).toBe(utcDay(0));
    // The stored rows, once the recompute is done, give the same order and the run in the sparkline.
    await eventually(
      async () => {
        const r = await coach.get<RosterEntry[]>('/api/coach/athletes');
        const calmRow = r.body.find((x) => x.athleteId === calmId);
        return (
          r.body[0]?.athleteId === flaggedId &&
          (calmRow?.sparkline.find((d) => d.day === utcDay(-2))?.runDistanceM ?? 0) > 3000
        );
      },
      20_000,
      'the roster to show the stored rows',
    );
    const calmRow = (await coach.get<RosterEntry[]>('/api/coach/athletes')).body[1];
    expect(calmRow?.lastActivityAt).toBe(`${utcDay(-2)}T07:00:00.000Z`);
    expect(calmRow?.stageName.length).toBeGreaterThan(0);
  });

  it("lets the coach read the athlete's today, metrics, activities and check-ins", async () => {
    const today = await coach.get<{ date: string; recommendation: { action: string } }>(
      `/api/athletes/${flaggedId}/today`,
    );
    expect(today.status).toBe(200);
    expect(today.body.recommendation.action).toBe('see_clinician');
    const days = await coach.get<Array<{ day: string; runDistanceM: number }>>(
      `/api/athletes/${calmId}/metrics/daily?from=${utcDay(-2)}&to=${utcDay(-2)}`,
    );
    expect(days.status).toBe(200);
    expect(days.body[0]?.runDistanceM).toBeGreaterThan(3000);
    const info = await coach.get<{ spike: { caveat: string } }>(
      `/api/athletes/${calmId}/metrics/info`,
    );
    expect(info.status).toBe(200);
    expect(info.body.spike.caveat).toMatch(/Frandsen|association/i);
    const weekly = await coach.get<Array<{ runDistanceM: number }>>(
      `/api/athletes/${calmId}/metrics/weekly`,
    );
    expect(weekly.status).toBe(200);
    expect(weekly.body.length).toBeGreaterThan(0);
    const checkins = await coach.get<Array<{ nightPain: boolean }>>(
      `/api/athletes/${flaggedId}/checkins`,
    );
    expect(checkins.body).toEqual([expect.objectContaining({ nightPain: true })]);
    expect((await coach.get(`/api/athletes/${calmId}/cross-training`)).body).toEqual([]);
  });

  it('shows the coach derived fields only until the athlete shares activity details', async () => {
    const list = await coach.get<Array<Record<string, unknown>>>(
      `/api/athletes/${calmId}/activities`,
    );
    expect(list.status).toBe(200);
    expect(Object.keys(list.body[0] ?? {}).sort()).toEqual(
      ['distanceM', 'id', 'localDate', 'movingS', 'sport', 'startAt'].sort(),
    );
    const detail = await coach.get<{ error: { message: string } }>(
      `/api/athletes/${calmId}/activities/${activityId}`,
    );
    expect(detail.status).toBe(404);
    expect(detail.body.error.message).toContain('shares only derived load');
    const share = await calm.request<{ shareActivityDetails: boolean }>(
      'PATCH',
      `/api/grants/${coachId}`,
      { shareActivityDetails: true },
    );
    expect(share.status).toBe(200);
    expect(share.body.shareActivityDetails).toBe(true);
    const shared = await coach.get<{ id: string; samples: unknown[] }>(
      `/api/athletes/${calmId}/activities/${activityId}`,
    );
    expect(shared.status).toBe(200);
    expect(shared.body.samples.length).toBeGreaterThan(100);
    const full = await coach.get<Array<Record<string, unknown>>>(
      `/api/athletes/${calmId}/activities`,
    );
    expect(full.body[0]).toHaveProperty('device');
  });

  it("records a stage the coach sets as the coach's, visible to the runner", async () => {
    const set = await coach.post<{ stage: number; by: string }>(
      `/api/athletes/${calmId}/progression/stage`,
      { stage: 2, note: 'cleared by physio' },
    );
    expect(set.status).toBe(201);
    expect(set.body.by).toBe('coach');
    const mine = await calm.get<{ manualStages: Array<{ stage: number; by: string }> }>(
      '/api/progression',
    );
    expect(mine.body.manualStages).toEqual([expect.objectContaining({ stage: 2, by: 'coach' })]);
    const put = await coach.put<{ thresholds: { spikeCaution: number } }>(
      `/api/athletes/${calmId}/progression`,
      { thresholds: { spikeCaution: 0.2 } },
    );
    expect(put.status).toBe(200);
    expect(
      (await calm.get<{ thresholds: { spikeCaution: number } }>('/api/progression')).body.thresholds
        .spikeCaution,
    ).toBe(0.2);
    await eventually(
      async () =>
        (await calm.get<{ stage: number }>('/api/today')).body.stage === 2 &&
        (await coach.get<{ stage: number }>(`/api/athletes/${calmId}/today`)).body.stage === 2,
      20_000,
      'the stage to reach today',
    );
  });

  it('refuses the athlete-only writes to a coach with 403', async () => {
    for (const [method, path, body] of ATHLETE_ROUTES.filter(
      ([m, p]) =>
        (m === 'POST' && ['checkins', 'cross-training', 'uploads', 'onboarding'].includes(p)) ||
        (m === 'PUT' && p.startsWith('checkins/')),
    )) {
      const res = await coach.request(method, `/api/athletes/${calmId}/${path}`, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it("shows the coach's note to the runner", async () => {
    const note = await coach.post<{ id: string; authorEmail: string; body: string }>(
      `/api/athletes/${calmId}/notes`,
      { body: '  Easy week: keep runs under 30 min.  ' },
    );
    expect(note.status).toBe(201);
    expect(note.body).toEqual({
      id: expect.any(String),
      authorEmail: 'coach@example.com',
      authorName: null,
      by: 'coach',
      body: 'Easy week: keep runs under 30 min.',
      createdAt: expect.any(String),
      day: null,
      activityId: null,
      replyTo: null,
      readAt: null,
      replies: [],
    });
    const mine = (await coach.get<Array<{ id: string }>>(`/api/athletes/${calmId}/notes`)).body;
    expect(mine.find((n) => n.id === note.body.id)).toEqual(note.body);
    expect((await calm.get<Array<{ id: string }>>('/api/notes')).body).toContainEqual(note.body);
    expect((await flagged.get('/api/notes')).body).toEqual([]);
    expect((await coach.post(`/api/athletes/${calmId}/notes`, { body: '   ' })).status).toBe(400);
  });

  it('answers 404 on every athlete route to a coach without a grant and to another runner', async () => {
    const stranger = p.client();
    await stranger.signup('other-coach@example.com', 'coach');
    for (const client of [stranger, flagged]) {
      for (const [method, path, body] of ATHLETE_ROUTES) {
        for (const id of [calmId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
          const res = await client.request<{ error: { code: string } }>(
            method,
            `/api/athletes/${id}/${path}`,
            body,
          );
          expect(res.status, `${method} ${path} for ${id}`).toBe(404);
          expect(res.body.error.code).toBe('not_found');
        }
      }
    }
    expect((await stranger.get<unknown[]>('/api/coach/athletes')).body).toEqual([]);
  });

  it('ends access at once when the athlete revokes it', async () => {
    const del = await calm.request('DELETE', `/api/grants/${coachId}`);
    expect(del.status).toBe(204);
    expect((await calm.get('/api/grants')).body).toEqual([]);
    for (const [method, path, body] of ATHLETE_ROUTES) {
      const res = await coach.request(method, `/api/athletes/${calmId}/${path}`, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const roster = await coach.get<RosterEntry[]>('/api/coach/athletes');
    expect(roster.body.map((r) => r.athleteId)).toEqual([flaggedId]);
    expect((await calm.request('DELETE', `/api/grants/${coachId}`)).status).toBe(404);
    // The runner keeps the notes and the stage the coach set.
    expect((await calm.get<unknown[]>('/api/notes')).body).toHaveLength(1);
  });
});
