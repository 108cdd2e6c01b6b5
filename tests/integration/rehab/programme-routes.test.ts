// The rehab programme over HTTP on the real pipeline: the day's sessions, logging a session and
// seeing the next one step up, session-RPE load counted as cross-training (never running
// distance), and a coach's access — 404 without a grant on every route, derived programme with
// one, logged details only where the athlete shares them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const utcDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Prescribed {
  exerciseId: string;
  level: number;
  sets: number;
  reps?: number;
  holdS?: number;
  loadKg?: number;
  swappedFor?: string;
}
interface Programme {
  date: string;
  stage: number;
  heavyHipFlexion: { allowed: boolean; reason: string };
  nextStrength: string;
  sessions: Array<{ key: string; text: string; exercises: Prescribed[]; notes: string[] }>;
  adherence: { weekStart: string; planned: number; done: number };
}

const sessionOf = (p: Programme, key: string) => p.sessions.find((s) => s.key === key);
const doseOf = (p: Programme, key: string, id: string) =>
  sessionOf(p, key)?.exercises.find((e) => e.exerciseId === id);

const ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', 'programme'],
  ['GET', 'programme/history'],
  ['GET', 'programme/adjustments'],
  ['PUT', 'programme/adjustments', { swaps: [], levelHolds: [] }],
  ['GET', 'strength-sessions'],
  [
    'POST',
    'strength-sessions',
    { date: utcDay(0), exercises: [{ id: 'bridge', sets: 3, reps: 10 }] },
  ],
  ['GET', 'exercises'],
];

describe('the rehab programme routes', () => {
  let p: Pipeline;
  let runner: TestClient;
  let coach: TestClient;
  let other: TestClient;
  let athleteId = '';

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('lifter@example.com');
    athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    coach = p.client();
    await coach.signup('strength-coach@example.com', 'coach');
    other = p.client();
    await other.signup('other-coach@example.com', 'coach');
  });
  afterAll(async () => {
    await p.close();
  });

  it('lists the library and plans a warm-up, Strength A and B and a mobility day at stage 0', async () => {
    const lib = await runner.get<Array<{ id: string }>>('/api/exercises');
    expect(lib.status).toBe(200);
    expect(lib.body.length).toBeGreaterThanOrEqual(25);
    const res = await runner.get<Programme>('/api/programme');
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe(0);
    expect(res.body.sessions.map((s) => s.key)).toEqual([
      'warm_up',
      'strength_a',
      'strength_b',
      'mobility',
    ]);
    expect(res.body.heavyHipFlexion.allowed).toBe(false);
    expect(res.body.heavyHipFlexion.reason).toContain('your stage is 0');
    expect(sessionOf(res.body, 'strength_b')?.text).toMatch(
      /^Strength B: single-leg bridge 3×8 each side/,
    );
    expect(res.body.adherence).toMatchObject({ planned: 3, done: 0 });
  });

  it('logs a complete, comfortable session (201) and the next session steps up', async () => {
    const res = await runner.post<{
      id: string;
      minutes: number;
      progression: Array<{
        exerciseId: string;
        outcome: string;
        next: { reps: number; doseText: string };
      }>;
    }>('/api/strength-sessions', {
      date: utcDay(0),
      sessionKey: 'strength_a',
      exercises: [
        { id: 'bridge', sets: 3, reps: 10 },
        { id: 'dead-bug', sets: 3, reps: 6 },
      ],
      rpe: 6,
      pain: 1,
      minutes: 30,
    });
    expect(res.status).toBe(201);
    expect(res.body.minutes).toBe(30);
    expect(res.body.progression).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          exerciseId: 'bridge',
          outcome: 'step_up',
          next: expect.objectContaining({ reps: 11, doseText: '3×11' }),
        }),
      ]),
    );
    const after = await runner.get<Programme>(`/api/programme?date=${utcDay(0)}`);
    expect(doseOf(after.body, 'strength_a', 'bridge')?.reps).toBe(11);
    expect(doseOf(after.body, 'strength_a', 'dead-bug')?.reps).toBe(7);
    expect(after.body.adherence.done).toBe(1);
  });

  it('counts the session-RPE load (30 min × RPE 6 = 180) as cross-training, not running distance', async () => {
    await eventually(
      async () => {
        const days = await runner.get<
          Array<{ runDistanceM: number; load?: { crossTrainingMin: number; srpeLoad: number } }>
        >(`/api/metrics/daily?from=${utcDay(0)}&to=${utcDay(0)}`);
        const d = days.body[0];
        return d?.load?.crossTrainingMin === 30 && d.load.srpeLoad === 180 && d.runDistanceM === 0;
      },
      20_000,
      'the strength day to be computed',
    );
  });

  it('holds the dose after a session with pain above mild', async () => {
    const res = await runner.post<{ progression: Array<{ exerciseId: string; outcome: string }> }>(
      '/api/strength-sessions',
      { date: utcDay(0), exercises: [{ id: 'bridge', sets: 3, reps: 11 }], rpe: 5, pain: 4 },
    );
    expect(res.status).toBe(201);
    expect(res.body.progression[0]).toMatchObject({ exerciseId: 'bridge', outcome: 'hold' });
    const after = await runner.get<Programme>('/api/programme');
    expect(doseOf(after.body, 'strength_a', 'bridge')?.reps).toBe(11);
  });

  it.each([
    [
      { date: utcDay(0), exercises: [{ id: 'deep-squat', sets: 3, reps: 5 }] },
      /exercises\.0\.id: no such exercise/,
    ],
    [{ date: utcDay(0), exercises: [{ id: 'bridge', sets: 3 }] }, /give reps or holdS/],
    [{ date: utcDay(0), exercises: [{ id: 'bridge', sets: 3, reps: 5 }], pain: 11 }, /pain/],
    [{ date: utcDay(0), exercises: [] }, /at least one exercise/],
    [{ date: utcDay(5), exercises: [{ id: 'bridge', sets: 3, reps: 5 }] }, /date/],
  ])('refuses a bad session with 400 naming the field (%j)', async (body, message) => {
    const res = await runner.post<{ error: { message: string } }>('/api/strength-sessions', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 on every programme route to a coach without a grant', async () => {
    for (const [method, path, body] of ROUTES) {
      const res = await other.request(method, `/api/athletes/${athleteId}/${path}`, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it('lets a coach with a grant read the programme and adjust it, but not log or read details', async () => {
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    const accepted = await runner.post<{ coachId: string }>(
      `/api/invites/${inv.body.token}/accept`,
    );
    expect(accepted.status).toBe(201);
    const base = `/api/athletes/${athleteId}`;
    const prog = await coach.get<Programme>(`${base}/programme`);
    expect(prog.status).toBe(200);
    // A coach's page names the athlete, never "your".
    expect(prog.body.heavyHipFlexion.reason).toContain('lifter');
    expect(prog.body.heavyHipFlexion.reason).not.toMatch(/\byour\b/i);
    expect((await coach.get(`${base}/strength-sessions`)).status).toBe(404);
    expect((await coach.get(`${base}/programme/history`)).status).toBe(404);
    const log = await coach.post(`${base}/strength-sessions`, ROUTES[5]?.[2]);
    expect(log.status).toBe(403);

    const put = await coach.put(`${base}/programme/adjustments`, {
      swaps: [{ exerciseId: 'dead-bug', replacementId: 'front-plank' }],
      levelHolds: ['bridge'],
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      swaps: [{ exerciseId: 'dead-bug', replacementId: 'front-plank' }],
      levelHolds: ['bridge'],
    });
    const mine = await runner.get<Programme>('/api/programme');
    expect(doseOf(mine.body, 'strength_a', 'front-plank')?.swappedFor).toBe('dead-bug');
    expect(doseOf(mine.body, 'strength_a', 'dead-bug')).toBeUndefined();
    const bad = await coach.put<{ error: { message: string } }>(`${base}/programme/adjustments`, {
      swaps: [{ exerciseId: 'bridge', replacementId: 'bridge' }],
      levelHolds: [],
    });
    expect(bad.status).toBe(400);

    const share = await runner.request('PATCH', `/api/grants/${accepted.body.coachId}`, {
      shareActivityDetails: true,
    });
    expect(share.status).toBe(200);
    const details = await coach.get<Array<{ exercises: unknown[] }>>(`${base}/strength-sessions`);
    expect(details.status).toBe(200);
    expect(details.body).toHaveLength(2);
    const history = await coach.get<
      Array<{ exerciseId: string; points: Array<{ reps: number; pain: number; outcome: string }> }>
    >(`${base}/programme/history`);
    expect(history.body.find((h) => h.exerciseId === 'bridge')?.points).toEqual([
      expect.objectContaining({ reps: 10, pain: 1, outcome: 'step_up' }),
      expect.objectContaining({ reps: 11, pain: 4, outcome: 'hold' }),
    ]);
  });
});
