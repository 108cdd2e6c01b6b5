// PUT /api/progression checks the settings whole before anything is written (the plan, and the
// thresholds merged with the defaults), so nothing the engine cannot use is ever stored and every
// later recompute of the athlete still works; a coach with a grant sets the surgery date the same
// way (science.md §4 "After surgery": "the runner or coach records the surgery date").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { utcDay, type TodayBody as Today } from '../../support/daily-loop.ts';
import { eventually, startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

interface Settings {
  customPlan: boolean;
  plan: Array<Record<string, unknown>>;
  thresholds: Record<string, number | string>;
  surgeryDate: string | null;
}
type ErrorBody = { error: { message: string } };

describe('PUT /api/progression', () => {
  let p: Pipeline;
  let n = 0;
  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p.close();
  });
  async function signup(role?: 'coach'): Promise<TestClient> {
    const c = p.client();
    await c.signup(`settings-${n++}@example.com`, role);
    return c;
  }

  it('refuses spikeCaution −1 naming the field, stores nothing, and later recomputes still work', async () => {
    const c = await signup();
    const bad = await c.put<ErrorBody>('/api/progression', { thresholds: { spikeCaution: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^thresholds\.spikeCaution: /);
    const stored = await c.get<Settings>('/api/progression');
    expect(stored.status).toBe(200);
    // science.md §2: up to 10 % is ok, the default band edge
    expect(stored.body.thresholds.spikeCaution).toBe(0.1);
    // Merged with the defaults: a caution band above the high band is refused too.
    const inverted = await c.put<ErrorBody>('/api/progression', {
      thresholds: { spikeCaution: 0.5 },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.message).toMatch(/^thresholds: .*spikeCaution/);
    const unknown = await c.put<ErrorBody>('/api/progression', { thresholds: { nope: 1 } });
    expect(unknown.body.error.message).toMatch(/^thresholds\.nope: unknown/);

    expect((await c.post('/api/checkins', { date: utcDay(0), painMorning: 2 })).status).toBe(201);
    expect((await c.get<Today>('/api/today')).status).toBe(200);
    await eventually(
      async () => {
        const days = await c.get<Array<{ day: string }>>(
          `/api/metrics/daily?from=${utcDay(0)}&to=${utcDay(0)}`,
        );
        return days.status === 200 && days.body[0]?.day === utcDay(0);
      },
      20_000,
      'the recompute after a refused change',
    );
  });

  const junk: Array<[string, (plan: Array<Record<string, unknown>>) => unknown, RegExp]> = [
    ['a stage without its name', (pl) => (delete pl[1]?.name, pl), /^plan\[1\]\.name: /],
    [
      'negative minutes',
      (pl) => (((pl[2] as Record<string, unknown>).runMin = -2), pl),
      /^plan\[2\]\.runMin: /,
    ],
    ['stages out of order', (pl) => [pl[0], pl[2], pl[1]], /^plan\[1\]\.stage: must be 1/],
    [
      'a count as text',
      (pl) => (((pl[0] as Record<string, unknown>).perWeek = '4'), pl),
      /^plan\[0\]\.perWeek: /,
    ],
    [
      'a session of 0 minutes',
      (pl) => (((pl[3] as Record<string, unknown>).totalMin = 0), pl),
      /^plan\[3\]\.totalMin: /,
    ],
    ['not a list', () => ({ stages: [] }), /plan/],
  ];
  it.each(junk)(
    'refuses a plan with %s, naming the field, and stores nothing',
    async (_, edit, message) => {
      const c = await signup();
      const plan = edit(structuredClone(DEFAULT_PLAN) as unknown as Array<Record<string, unknown>>);
      const res = await c.put<ErrorBody>('/api/progression', { plan });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const stored = await c.get<Settings>('/api/progression');
      expect(stored.body.customPlan).toBe(false);
    },
  );

  it('a coach with a grant sets the surgery date; without one, 404', async () => {
    const runner = await signup();
    const athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    const coach = await signup('coach');
    const stranger = await signup('coach');
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    expect((await runner.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(201);

    const denied = await stranger.put(`/api/athletes/${athleteId}/progression`, {
      surgeryDate: utcDay(-20),
    });
    expect(denied.status).toBe(404);
    expect((await runner.get<Settings>('/api/progression')).body.surgeryDate).toBeNull();

    const res = await coach.put<Settings>(`/api/athletes/${athleteId}/progression`, {
      surgeryDate: utcDay(-20),
    });
    expect(res.status).toBe(200);
    expect(res.body.surgeryDate).toBe(utcDay(-20));
    expect((await runner.get<Settings>('/api/progression')).body.surgeryDate).toBe(utcDay(-20));
    // Three weeks after surgery: no jogging before week 10 and a clearance.
    expect((await runner.get<Today>('/api/today')).body.hold).toMatchObject({ kind: 'surgery' });
    const future = await coach.put<ErrorBody>(`/api/athletes/${athleteId}/progression`, {
      surgeryDate: utcDay(30),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/^surgeryDate: /);
    // null removes it
    await coach.put(`/api/athletes/${athleteId}/progression`, { surgeryDate: null });
    expect((await runner.get<Today>('/api/today')).body.hold).toBeNull();
  });
});
