// Every rule of the daily loop that could tell an injured runner to run, lived through the HTTP API
// on the real pipeline: sign up, post check-ins, upload runs, GET /api/today, check the action and
// the plan. Each story names the clause of ../shared/science.md it checks; the inputs come from the
// clause's text (pain 6, amber 4, a 12-day break, week 3 after surgery), not from the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOn, utcDay, type TodayBody as Today } from '../../support/daily-loop.ts';
import { eventually, startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const RUNNING = ['run', 'run_modified'];
const ON_FEET = ['run', 'run_modified', 'walk'];
const NO_RUN = ['cross_train', 'strength', 'rest'];
const codes = (xs: Array<{ code: string }>) => xs.map((x) => x.code);

describe('the daily loop over HTTP: rules that keep an injured runner from running', () => {
  let p: Pipeline;
  let n = 0;

  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p.close();
  });

  async function runner(): Promise<TestClient> {
    const c = p.client();
    await c.signup(`loop-${n++}@example.com`);
    return c;
  }
  const stage = async (c: TestClient, s: number, daysAgo: number) =>
    expect(
      (await c.post('/api/progression/stage', { stage: s, date: utcDay(-daysAgo) })).status,
    ).toBe(201);
  const checkin = async (c: TestClient, daysAgo: number, body: Record<string, unknown>) =>
    expect([200, 201]).toContain(
      (await c.post('/api/checkins', { date: utcDay(-daysAgo), ...body })).status,
    );
  const today = async (c: TestClient) => (await c.get<Today>('/api/today')).body;

  it('§5 rule 1: a red flag holds until a clearance — no lapse after 3 days, no lapse on a later "no"', async () => {
    const c = await runner();
    await stage(c, 5, 9);
    await checkin(c, 6, { painMorning: 1, givingWay: true, catchingOrLocking: true });
    await checkin(c, 2, { painMorning: 1, givingWay: false });
    const t = await today(c);
    expect(t.recommendation.action).toBe('see_clinician');
    expect(t.hold).toMatchObject({ kind: 'red_flag', since: utcDay(-6) });
    expect(t.hold?.howToClear).toMatch(/record the clearance/);
    expect(
      t.flags
        .filter((f) => f.severity === 'red_flag')
        .map((f) => f.code)
        .sort(),
    ).toEqual(['catching_or_locking', 'giving_way']);
    expect(t.plan.filter((d) => ON_FEET.includes(d.action))).toEqual([]);

    // A clearance before the flag clears nothing; one after it restarts one stage below 5.
    const early = await c.post<{ error: { message: string } }>('/api/clearances', {
      date: utcDay(-7),
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^date: .* before/);
    expect((await c.post('/api/clearances', { date: utcDay(-1) })).status).toBe(201);
    const after = await today(c);
    expect(after.hold).toBeNull();
    expect(after.stage).toBe(4);
    expect(after.recommendation.action).not.toBe('see_clinician');
    // The stored history follows once the recompute has run.
    await eventually(
      async () => {
        const { body } = await c.get<{
          history: Array<{ date: string; kind: string; by: string }>;
        }>('/api/progression');
        const last = body.history.at(-1);
        return last?.date === utcDay(-1) && last.kind === 'clearance' && last.by === 'runner';
      },
      20_000,
      'the clearance in the stage history',
    );
  });

  it('§3: 6/10 this morning means rest today, and no run tomorrow in the plan', async () => {
    const c = await runner();
    await stage(c, 5, 3);
    await runOn(c, 1, 20);
    await checkin(c, 1, { painMorning: 1, painDuring: 1, painAfter: 2 });
    await checkin(c, 0, { painMorning: 6 });
    const t = await today(c);
    expect(t.recommendation.action).toBe('rest');
    // the morning after the run, 6/10: the run was too much (stage drop), and 6 means rest
    expect(codes(t.recommendation.reasons).slice(0, 2)).toEqual([
      'not_back_to_baseline',
      'morning_pain_red',
    ]);
    expect(t.stage).toBe(4);
    expect(RUNNING).not.toContain(t.plan[1]?.action);
  });

  it('§3: a morning score with no run before it still decides today (4/10 → no running)', async () => {
    const c = await runner();
    await stage(c, 6, 1);
    await checkin(c, 0, { painMorning: 4 });
    const t = await today(c);
    expect(NO_RUN).toContain(t.recommendation.action);
    expect(t.recommendation.reasons[0]).toMatchObject({ code: 'morning_pain_amber', value: 4 });
  });

  it('§3: after 6/10, the next run waits for a morning back at the baseline', async () => {
    const c = await runner();
    await stage(c, 5, 6);
    for (const d of [5, 4, 3]) await checkin(c, d, { painMorning: 1 });
    await checkin(c, 2, { painMorning: 6 });
    // yesterday had no score: still waiting; this morning back at 1/10: the run comes back
    const waiting = await today(c);
    expect(NO_RUN).toContain(waiting.recommendation.action);
    expect(waiting.recommendation.reasons[0]?.code).toBe('waiting_for_baseline');
    await checkin(c, 0, { painMorning: 1 });
    expect((await today(c)).recommendation.action).toBe('run');
  });

  it('§4: amber (4/10) after yesterday’s run means no run today; the next run repeats the stage', async () => {
    const c = await runner();
    await stage(c, 5, 3);
    await runOn(c, 1, 20);
    await checkin(c, 1, { painDuring: 2, painAfter: 4 });
    await checkin(c, 0, { painMorning: 1 });
    const t = await today(c);
    expect(NO_RUN).toContain(t.recommendation.action);
    expect(t.recommendation.reasons[0]).toMatchObject({ code: 'pain_amber', value: 4 });
    expect(t.stage).toBe(5);
  });

  it('§4: runs never on consecutive days in stages 1–6; at stage 7 at most two in a row', async () => {
    const five = await runner();
    await stage(five, 5, 3);
    await runOn(five, 1, 20);
    await checkin(five, 1, { painDuring: 1, painAfter: 1 });
    await checkin(five, 0, { painMorning: 1 });
    const t5 = await today(five);
    expect(NO_RUN).toContain(t5.recommendation.action);
    expect(t5.recommendation.reasons[0]?.code).toBe('no_consecutive_days');
    const seven = await runner();
    await stage(seven, 7, 4);
    for (const d of [2, 1]) {
      await runOn(seven, d, 30);
      await checkin(seven, d, { painMorning: 1, painDuring: 1, painAfter: 1 });
    }
    await checkin(seven, 0, { painMorning: 1 });
    const t7 = await today(seven);
    expect(NO_RUN).toContain(t7.recommendation.action);
    expect(t7.recommendation.reasons[0]?.code).toBe('two_runs_in_a_row');
    // the week: two strength and mobility days, one of them pilates-type, and a rest day
    const strength = t7.plan.filter((d) => d.action === 'strength');
    expect(strength.length).toBeGreaterThanOrEqual(2);
    expect(strength.some((d) => d.prescription.startsWith('Mobility & pilates'))).toBe(true);
    expect(t7.plan.some((d) => d.action === 'rest')).toBe(true);
    for (const d of t7.plan) expect(d.prescription).toMatch(/^\w[\w &-]* \d+ min|^Rest/);
  });

  it('§4 "After a break": 11 days without a run at stage 8 is one stage back, with the reason', async () => {
    const c = await runner();
    await stage(c, 8, 20);
    for (const d of [19, 17, 15, 12]) await runOn(c, d, 30);
    await checkin(c, 0, { painMorning: 0 });
    const t = await today(c);
    // the last run 12 days ago: the 11 days between it and today are days without a run
    expect(t.stage).toBe(7);
    const reason = t.recommendation.reasons.find((r) => r.code === 'break');
    expect(reason).toMatchObject({ value: 11, rule: 'break' });
    expect(reason?.message).toBe('11 days without a run: one stage back, to stage 7.');
  });

  it('§4 "After a break": runs the week steps back from stage 7 to 6 keep a day between them', async () => {
    // Stage 7, the last run 6 days ago, 6/10 this morning: no run today or tomorrow, so the week's
    // next run comes after 7 days without one, one stage back at 6, where runs are never on
    // consecutive days (stage 7 would allow two in a row).
    const c = await runner();
    await stage(c, 7, 10);
    await runOn(c, 6, 30);
    await checkin(c, 6, { painDuring: 1, painAfter: 1 });
    await checkin(c, 0, { painMorning: 6 });
    const { plan } = await today(c);
    const running = plan.map((d) => RUNNING.includes(d.action));
    expect(running.filter(Boolean).length).toBeGreaterThan(0);
    for (const d of plan) if (RUNNING.includes(d.action)) expect(d.stage).toBe(6);
    for (let k = 1; k < plan.length; k++)
      expect(running[k - 1] && running[k], `${plan[k - 1]?.date} and ${plan[k]?.date}`).toBe(false);
  });

  it('§3 "Baseline": a new runner’s first morning of 1/10 is back to baseline, not a stage drop', async () => {
    const c = await runner();
    await stage(c, 3, 2);
    await runOn(c, 1, 30);
    await checkin(c, 1, { painDuring: 1, painAfter: 1 });
    await checkin(c, 0, { painMorning: 1 });
    const t = await today(c);
    expect(t.stage).toBe(3);
    expect(codes(t.flags)).not.toContain('not_back_to_baseline');
    expect(codes(t.recommendation.reasons)).not.toContain('not_back_to_baseline');
  });

  it('§4 "A run beyond the stage": running at a walking stage is a very high spike, no run for 72 h', async () => {
    const c = await runner();
    await checkin(c, 3, { painMorning: 1 });
    await runOn(c, 1, 45); // stage 0 by default: walking only
    await checkin(c, 0, { painMorning: 1 });
    const t = await today(c);
    expect(t.stage).toBe(0);
    expect(t.recommendation.action).toBe('cross_train');
    expect(t.flags.find((f) => f.severity === 'very_high')?.code).toMatch(
      /^(spike|stage_beyond)_very_high$/,
    );
  });

  it('§4 "After surgery": no jogging before a clearance and week 10, even at a running stage', async () => {
    const c = await runner();
    await stage(c, 5, 2);
    const put = await c.put<{ surgeryDate: string }>('/api/athlete', { surgeryDate: utcDay(-21) });
    expect(put.status).toBe(200);
    expect(put.body.surgeryDate).toBe(utcDay(-21));
    expect(
      (await c.get<{ athlete: { surgeryDate: string } }>('/api/me')).body.athlete.surgeryDate,
    ).toBe(utcDay(-21));
    const held = await today(c);
    expect(held.hold).toMatchObject({ kind: 'surgery', weeksSince: 3 });
    expect(held.plan.filter((d) => RUNNING.includes(d.action))).toEqual([]);
    expect(held.stage).toBe(0);
    // A clearance without a stage in week 4 keeps jogging for week 10.
    expect((await c.post('/api/clearances', { date: utcDay(0) })).status).toBe(201);
    const cleared = await today(c);
    expect(cleared.hold).toMatchObject({ kind: 'surgery' });
    expect(cleared.plan.filter((d) => RUNNING.includes(d.action))).toEqual([]);
    // The clinician names stage 1: running starts there.
    expect((await c.post('/api/clearances', { date: utcDay(0), stage: 1 })).status).toBe(201);
    const running = await today(c);
    expect(running.hold).toBeNull();
    expect(running.stage).toBe(1);
  });
});
