// The daily loop's API over HTTP: one check-in per athlete and day (merge, replace, read one day),
// where a runner starts (onboarding, the proposal from history), the coach's view (clearances
// through the grant, reasons in the third person), one number per measure on a card, and the
// walk action on the roster. The engine's rules themselves are in daily-loop-safety.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOn, utcDay, type TodayBody as Today } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

interface CheckIn {
  id: string;
  date: string;
  painMorning: number | null;
  painAtRest: number | null;
  stiffness: number | null;
  nightPain: boolean | null;
  notes: string | null;
  updatedAt: string;
}

const RULES = new Set([
  'red-flags',
  'clearance',
  'pain-zones',
  'morning-pain',
  'baseline',
  'pain-trend',
  'spacing',
  'spike',
  'weekly-change',
  'acwr',
  'stage-beyond',
  'progression',
  'break',
  'surgery',
  'week-shape',
  'monotony',
  'fitness',
]);

describe('the daily loop API', () => {
  let p: Pipeline;
  let n = 0;

  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p.close();
  });

  async function signup(email = `api-${n++}@example.com`): Promise<TestClient> {
    const c = p.client();
    await c.signup(email);
    return c;
  }

  it('keeps one check-in per day: a second POST merges, PUT replaces, GET reads the day', async () => {
    const c = await signup();
    const day = utcDay(0);
    expect((await c.get(`/api/checkins/${day}`)).status).toBe(404);
    const first = await c.post<CheckIn>('/api/checkins', {
      date: day,
      painMorning: 3,
      stiffness: 2,
      notes: 'stiff on the stairs',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ date: day, painMorning: 3, stiffness: 2 });
    const second = await c.post<CheckIn>('/api/checkins', {
      date: day,
      painAtRest: 1,
      stiffness: null,
    });
    expect(second.status).toBe(200);
    // present fields replace, an explicit null clears, absent fields stay
    expect(second.body).toMatchObject({
      id: first.body.id,
      painMorning: 3,
      painAtRest: 1,
      stiffness: null,
      notes: 'stiff on the stairs',
    });
    const put = await c.put<CheckIn>(`/api/checkins/${day}`, { painMorning: 2 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ painMorning: 2, painAtRest: null, notes: null });
    const created = await c.put<CheckIn>(`/api/checkins/${utcDay(-1)}`, { painMorning: 1 });
    expect(created.status).toBe(201);
    const list = await c.get<CheckIn[]>(`/api/checkins?from=${utcDay(-1)}&to=${day}`);
    expect(list.body.map((x) => [x.date, x.painMorning])).toEqual([
      [utcDay(-1), 1],
      [day, 2],
    ]);
    expect((await c.get<CheckIn>(`/api/checkins/${day}`)).body.painMorning).toBe(2);
    // today's card knows the entry is done
    expect((await c.get<Today>('/api/today')).body.checkIn).toMatchObject({ painMorning: 2 });
  });

  it('names the bad field of a check-in and of a day', async () => {
    const c = await signup();
    const bad = await c.put<{ error: { message: string } }>(`/api/checkins/${utcDay(0)}`, {
      painMorning: 11,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/painMorning/);
    const day = await c.get<{ error: { message: string } }>('/api/checkins/2026-02-30');
    expect(day.status).toBe(400);
    expect(day.body.error.message).toMatch(/^date: /);
    const future = await c.put<{ error: { message: string } }>(`/api/checkins/${utcDay(3)}`, {
      painMorning: 1,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/in the future/);
  });

  it('proposes a stage from 4 weeks of runs until the runner chooses, then onboarding sets it', async () => {
    const c = await signup();
    for (const d of [12, 9, 5, 2]) await runOn(c, d, 45);
    const before = await c.get<{
      stageChosen: boolean;
      proposedStage: { stage: number; reason: string } | null;
    }>('/api/progression');
    // 45 min is more than 10 % over stage 6's 30 min: the volume stage, 7
    expect(before.body).toMatchObject({ stageChosen: false, proposedStage: { stage: 7 } });
    expect(before.body.proposedStage?.reason).toMatch(/^Your typical run .* 45 min/);
    const bad = await c.post<{ error: { message: string } }>('/api/onboarding', {
      situation: 'running_well',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/typicalRunMin: required/);
    const res = await c.post<{ stage: number; reason: string; stageChosen: boolean }>(
      '/api/onboarding',
      { situation: 'running_well', typicalRunMin: 45, runsPerWeek: 4, painDuringRun: 0 },
    );
    expect(res.status).toBe(201);
    // Running well is the volume stage: intensity only for a runner who already runs it.
    expect(res.body).toMatchObject({ stage: 7, stageChosen: true });
    const after = await c.get<{ stageChosen: boolean; proposedStage: unknown }>('/api/progression');
    expect(after.body).toMatchObject({ stageChosen: true, proposedStage: null });
    expect((await c.get<Today>('/api/today')).body.stage).toBe(7);
    const again = await c.post<{ stage: number }>('/api/onboarding', {
      situation: 'running_well',
      typicalRunMin: 45,
      runsPerWeek: 4,
      intensityNow: true,
    });
    expect(again.body.stage).toBe(8);
    const junk = await c.post<{ error: { message: string } }>('/api/onboarding', {
      situation: 'running_well',
      typicalRunMin: 45,
      intensityNow: 'yes',
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error.message).toMatch(/intensityNow/);
  });

  it('onboarding after surgery records the surgery date and holds jogging', async () => {
    const c = await signup();
    const missing = await c.post<{ error: { message: string } }>('/api/onboarding', {
      situation: 'after_surgery',
    });
    expect(missing.body.error.message).toMatch(/surgeryDate: required/);
    const res = await c.post<{ stage: number }>('/api/onboarding', {
      situation: 'after_surgery',
      surgeryDate: utcDay(-14),
    });
    expect(res.body.stage).toBe(0);
    const prog = await c.get<{ surgeryDate: string; stageChosen: boolean }>('/api/progression');
    expect(prog.body).toMatchObject({ surgeryDate: utcDay(-14), stageChosen: true });
    expect((await c.get<Today>('/api/today')).body.hold).toMatchObject({ kind: 'surgery' });
  });

  it('refuses a clearance when nothing holds running', async () => {
    const c = await signup();
    const res = await c.post<{ error: { message: string } }>('/api/clearances', {
      date: utcDay(0),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^date: there is no red flag or surgery hold/);
  });

  it("lets a coach with a grant record the clearance, and reads the athlete's card by name", async () => {
    const runner = await signup('anna.berg@example.com');
    await runner.post('/api/progression/stage', { stage: 4, date: utcDay(-4) });
    await runner.post('/api/checkins', { date: utcDay(-2), nightPain: true, painMorning: 2 });
    const coach = p.client();
    await coach.signup(`coach-${n++}@example.com`, 'coach');
    const athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    // without a grant: 404 on both routes
    expect((await coach.get(`/api/athletes/${athleteId}/clearances`)).status).toBe(404);
    expect(
      (await coach.post(`/api/athletes/${athleteId}/clearances`, { date: utcDay(0) })).status,
    ).toBe(404);
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    expect((await runner.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(201);

    const mine = (await runner.get<Today>('/api/today')).body;
    const theirs = (await coach.get<Today>(`/api/athletes/${athleteId}/today`)).body;
    expect(theirs.recommendation.action).toBe('see_clinician');
    const text = (t: Today) =>
      JSON.stringify([t.recommendation, t.flags, t.hold, (t as { plan?: unknown }).plan]);
    expect(text(mine)).toMatch(/\byour\b/i);
    expect(text(theirs)).not.toMatch(/\byour?\b|\{you/i);
    expect(text(theirs)).toMatch(/anna\.berg’s hip/);
    for (const r of mine.recommendation.reasons) expect(RULES.has(r.rule)).toBe(true);

    const rec = await coach.post<{ by: string; stage: number }>(
      `/api/athletes/${athleteId}/clearances`,
      { date: utcDay(0), stage: 2, note: 'seen by the physio' },
    );
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ by: 'coach', stage: 2 });
    expect((await runner.get<Array<{ by: string }>>('/api/clearances')).body).toEqual([
      expect.objectContaining({ by: 'coach', date: utcDay(0), note: 'seen by the physio' }),
    ]);
    const cleared = (await runner.get<Today>('/api/today')).body;
    expect(cleared).toMatchObject({ hold: null, stage: 2 });
    // a coach cannot log or edit the athlete's check-ins, nor answer their onboarding
    expect((await coach.put(`/api/athletes/${athleteId}/checkins/${utcDay(0)}`, {})).status).toBe(
      403,
    );
    expect(
      (await coach.post(`/api/athletes/${athleteId}/onboarding`, { situation: 'running_well' }))
        .status,
    ).toBe(403);
  });

  it('shows a spike of yesterday as a flag today, with the same number as its reason', async () => {
    const c = await signup();
    await c.post('/api/progression/stage', { stage: 8, date: utcDay(-12) });
    await runOn(c, 11, 25);
    await runOn(c, 1, 60); // 60 / 25 − 1 = 1.4 → very high against the last 30 days
    await c.post('/api/checkins', { date: utcDay(0), painMorning: 0 });
    const t = (await c.get<Today>('/api/today')).body;
    const flag = t.flags.find((f) => f.code === 'spike_very_high');
    const reason = t.recommendation.reasons.find((r) => r.code === 'spike_very_high');
    expect(flag?.value).toBeCloseTo(1.4, 2);
    expect(reason?.value).toBe(flag?.value);
    expect(t.recommendation.action).toBe('cross_train');
    // every measure that is both a reason and a flag carries one number
    for (const r of t.recommendation.reasons) {
      const f = t.flags.find((x) => x.code === r.code);
      if (f && typeof r.value === 'number') expect(f.value, r.code).toBe(r.value);
    }
  });

  it("says walk for stage 0, on the card and on the coach's roster", async () => {
    const runner = await signup();
    await runner.post('/api/checkins', { date: utcDay(0), painMorning: 0 });
    const t = (await runner.get<Today>('/api/today')).body;
    expect(t).toMatchObject({ stage: 0, recommendation: { action: 'walk' } });
    expect(t.recommendation.summary).toBe('Walk as planned: 30 min');
    const coach = p.client();
    await coach.signup(`coach-${n++}@example.com`, 'coach');
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    await runner.post(`/api/invites/${inv.body.token}/accept`);
    const roster = await coach.get<Array<{ action: string }>>('/api/coach/athletes');
    expect(roster.body.map((r) => r.action)).toEqual(['walk']);
  });
});
