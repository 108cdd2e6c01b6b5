// Issue 18 from the runner's side, through the HTTP API on the real pipeline: sign up, set the
// stage, upload a generated session (tests/fixtures/generate-activity.ts), log green pain and a
// morning at baseline, then read what GET /api/today and GET /api/activities/:id say about that
// session. A walk-run counts only when its bouts were the stage's bouts; a session that was only
// partly done says why, in the same words on the card and on the activity page, and does not count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hillRepeatsPlan,
  steadyPlan,
  stopsPlan,
  stridesPlan,
  toGpx,
  track,
  walkRunSessionPlan,
  type PlanStep,
} from '../../fixtures/generate-activity.ts';
import { DEFAULT_PLAN } from '#shared/engine/index';
import { utcDay, type TodayBody as Today } from '../../support/daily-loop.ts';
import type { TestClient } from '../../support/http-client.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';

interface Comparison {
  completion: 'completed' | 'partly_done' | null;
  reason: string | null;
  performed: string;
  strides: number;
  hillRepeats: number;
  message: string;
}
interface StoredProgression {
  completions: number;
  evaluation: { outcome: string; verdict: { completion: string; reason: string | null } | null };
}
const reason = (t: Today, code: string) => t.recommendation.reasons.find((r) => r.code === code);
const codes = (xs: Array<{ code: string }>) => xs.map((x) => x.code);

describe('a session completes its stage by its shape, through the HTTP API', () => {
  let p: Pipeline;
  let n = 0;

  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p.close();
  });

  /**
   * A runner at `stage` since 3 days ago who ran `plan` yesterday at 07:00 UTC with pain 1/10
   * during and after, and woke at 1/10 today.
   */
  async function sessionAt(
    stage: number,
    plan: PlanStep[],
    progressionPlan?: unknown[],
  ): Promise<{ c: TestClient; today: Today; comparison: Comparison }> {
    const c = p.client();
    await c.signup(`shape-${n++}@example.com`);
    if (progressionPlan)
      expect((await c.put('/api/progression', { plan: progressionPlan })).status).toBe(200);
    expect((await c.post('/api/progression/stage', { stage, date: utcDay(-3) })).status).toBe(201);
    const startMs = Date.parse(`${utcDay(-1)}T07:00:00Z`);
    const gpx = toGpx(track(plan, { startMs }), { type: 'running' });
    const up = await c.upload([{ name: 'session.gpx', content: gpx }]);
    const done = await waitForUpload(c, up.body.uploads[0]?.id ?? '');
    expect(done.status).toBe('done');
    const id = done.activityIds[0] ?? '';
    for (const [day, body] of [
      [-1, { painDuring: 1, painAfter: 1, activityId: id }],
      [0, { painMorning: 1 }],
    ] as const)
      expect([200, 201]).toContain(
        (await c.post('/api/checkins', { date: utcDay(day), ...body })).status,
      );
    const today = (await c.get<Today>('/api/today')).body;
    const activity = await c.get<{ comparison: Comparison }>(`/api/activities/${id}`);
    expect(activity.status).toBe(200);
    return { c, today, comparison: activity.body.comparison };
  }

  /** Today's stored row, once the worker has evaluated yesterday's session. */
  async function stored(c: TestClient): Promise<StoredProgression> {
    let found: StoredProgression | undefined;
    await eventually(
      async () => {
        const days = await c.get<Array<{ progression?: StoredProgression }>>(
          `/api/metrics/daily?from=${utcDay(0)}&to=${utcDay(0)}`,
        );
        found = days.body[0]?.progression;
        // A recompute from before the scores arrived may have stored the session unrated.
        return (
          found?.evaluation !== undefined &&
          found.evaluation !== null &&
          found.evaluation.outcome !== 'unrated'
        );
      },
      20_000,
      'the morning evaluation to be stored',
    );
    return found as StoredProgression;
  }

  it('a complete 10 × 1:00 at stage 1 counts: 1 of 2 completed sessions', async () => {
    const { c, today, comparison } = await sessionAt(1, walkRunSessionPlan(10, 60, 120));
    expect(comparison).toMatchObject({ completion: 'completed', reason: null });
    expect(comparison.performed).toMatch(/^10 × 1:0\d$/);
    expect(reason(today, 'session_completed')?.message).toContain(`(${comparison.performed})`);
    expect(today.stage).toBe(1);
    // 10 × 1:00 is the 10 min of running prescribed: the 5-min walk before it is no excess.
    expect(codes(today.flags).filter((c) => /^(stage_beyond|spike)_/.test(c))).toEqual([]);
    expect(await stored(c)).toMatchObject({
      completions: 1,
      evaluation: { outcome: 'completed', verdict: { completion: 'completed' } },
    });
  });

  it("a continuous stage's session is judged by the minutes it prescribes, in a plan a coach edited", async () => {
    // Stage 5 prescribes "Run 30 min" (totalMin 30) in a plan whose runMin field says 10: 15 min
    // of running is half of it (below 0.9 × 30 min), partly done, and does not count.
    const plan = DEFAULT_PLAN.map((s) => (s.stage === 5 ? { ...s, totalMin: 30, runMin: 10 } : s));
    const { c, today, comparison } = await sessionAt(5, steadyPlan(15 * 60, 3), plan);
    expect(codes(today.recommendation.reasons)).not.toContain('session_completed');
    expect(comparison).toMatchObject({
      completion: 'partly_done',
      reason: '15 min of running instead of 30 min',
    });
    expect(await stored(c)).toMatchObject({
      completions: 0,
      evaluation: { verdict: { completion: 'partly_done' } },
    });
  });

  it('7 of 10 intervals, then walking, is partly done and does not count', async () => {
    const { c, today, comparison } = await sessionAt(1, walkRunSessionPlan(7, 60, 120, 540));
    expect(comparison).toMatchObject({
      completion: 'partly_done',
      reason: '7 of 10 run intervals, then walked',
    });
    const partly = reason(today, 'session_partly_done');
    expect(partly?.message).toContain('partly done: 7 of 10 run intervals, then walked.');
    expect(codes(today.recommendation.reasons)).not.toContain('session_completed');
    expect(await stored(c)).toMatchObject({
      completions: 0,
      evaluation: { outcome: 'not_as_prescribed', verdict: { completion: 'partly_done' } },
    });
    // Partly done is not a failure: the stage stays, nothing is dropped or repeated.
    expect(today.stage).toBe(1);
    expect(codes(today.flags)).not.toContain('stage_dropped');
  });

  it('running through the walks at stage 1 is partly done, said the same on card and page', async () => {
    const plan: PlanStep[] = [{ durationS: 300, speedMps: 1.5 }, ...steadyPlan(1800, 3)];
    const { c, today, comparison } = await sessionAt(1, plan);
    expect(comparison.completion).toBe('partly_done');
    expect(comparison.reason).toMatch(
      /^ran 30 min without a walk break; stage 1 prescribes 10 × 1 min with walks$/,
    );
    expect(reason(today, 'session_partly_done')?.message).toContain(comparison.reason ?? '-');
    expect((await stored(c)).completions).toBe(0);
    // Flagged like a run beyond the stage: 30 min of running against 10 × 1 min is +200 %, very
    // high, so no running for 72 h.
    const flag = today.flags.find((f) => f.code === 'stage_beyond_very_high');
    expect(flag?.value).toBeCloseTo(2, 6);
    expect(flag?.message).toContain(
      'ran 30 min without a walk break; stage 1 prescribes 10 × 1 min with walks (200 % more running than prescribed)',
    );
    expect(today.recommendation.action).toBe('cross_train');
    expect(reason(today, 'stage_beyond_very_high')?.value).toBe(flag?.value);
  });

  it('a continuous 20 min with two short stops completes stage 5', async () => {
    const { c, today, comparison } = await sessionAt(5, stopsPlan([420, 420, 420], 40));
    expect(comparison).toMatchObject({ completion: 'completed', reason: null });
    expect(comparison.performed).toMatch(/^21 min continuously/);
    expect(reason(today, 'session_completed')).toBeDefined();
    expect((await stored(c)).completions).toBe(1);
  });

  it('a fast finish at stage 5 is partly done and flagged against the easy stage', async () => {
    const { c, today, comparison } = await sessionAt(5, [
      ...steadyPlan(1020, 3),
      { durationS: 180, speedMps: 4.2 },
    ]);
    expect(comparison).toMatchObject({
      completion: 'partly_done',
      reason: 'a fast finish of 3:00; stage 5 is easy, conversational',
    });
    expect(reason(today, 'session_partly_done')?.message).toContain(comparison.reason ?? '-');
    const days = await c.get<Array<{ flags: Today['flags'] }>>(
      `/api/metrics/daily?from=${utcDay(-1)}&to=${utcDay(-1)}`,
    );
    expect(days.body[0]?.flags.find((f) => f.code === 'intensity_beyond_stage')).toMatchObject({
      severity: 'caution',
      value: 1,
    });
  });

  it('a custom plan that changes time and terrain in one step is saved with a warning', async () => {
    const c = p.client();
    await c.signup(`shape-${n++}@example.com`);
    const plain = await c.get<{ planWarnings: unknown[] }>('/api/progression');
    expect(plain.body.planWarnings).toEqual([]);
    // From stage 6 on, hills: the step 5 → 6 adds 10 min and hills at once.
    const plan = DEFAULT_PLAN.map((s) => (s.stage >= 6 ? { ...s, surface: 'hills' } : s));
    const put = await c.put<{ planWarnings: Array<Record<string, unknown>> }>('/api/progression', {
      plan,
    });
    expect(put.status).toBe(200);
    expect(put.body.planWarnings).toEqual([
      {
        code: 'several_variables',
        fromStage: 5,
        toStage: 6,
        variables: ['time', 'terrain'],
        message:
          'Stage 5 → 6 changes time and terrain at once: one variable at a time is safer for the hip.',
      },
    ]);
    const stored = await c.get<{ planWarnings: unknown[] }>('/api/progression');
    expect(stored.body.planWarnings).toEqual(put.body.planWarnings);
  });

  it('a stage-8 session with 6 strides is recognised and completes the stage', async () => {
    const { c, today, comparison } = await sessionAt(8, stridesPlan(6));
    expect(comparison).toMatchObject({ completion: 'completed', strides: 6 });
    expect(comparison.performed).toMatch(/with 6 strides$/);
    expect(reason(today, 'session_completed')?.message).toContain('with 6 strides');
    expect((await stored(c)).completions).toBe(1);
    const days = await c.get<Array<{ flags: Today['flags'] }>>(
      `/api/metrics/daily?from=${utcDay(-1)}&to=${utcDay(-1)}`,
    );
    expect(codes(days.body[0]?.flags ?? [])).not.toContain('intensity_beyond_stage');
  });

  it('six strides of 20 s, shorter than the detected 30-s bouts, are recognised at stage 8', async () => {
    const { c, today, comparison } = await sessionAt(8, stridesPlan(6, 20));
    expect(comparison).toMatchObject({ completion: 'completed', strides: 6 });
    expect(comparison.performed).toBe('33 min with 6 strides');
    expect(reason(today, 'session_completed')?.message).toContain('(33 min with 6 strides)');
    expect((await stored(c)).completions).toBe(1);
  });

  it('six strides of 20 s at the easy stage 5 are partly done and flagged, on card and page', async () => {
    const { c, today, comparison } = await sessionAt(5, stridesPlan(6, 20));
    expect(comparison).toMatchObject({
      completion: 'partly_done',
      reason: '6 strides; stage 5 is easy, conversational',
      strides: 6,
    });
    expect(reason(today, 'session_partly_done')?.message).toContain(comparison.reason ?? '-');
    expect((await stored(c)).completions).toBe(0);
    const days = await c.get<Array<{ flags: Today['flags'] }>>(
      `/api/metrics/daily?from=${utcDay(-1)}&to=${utcDay(-1)}`,
    );
    expect(days.body[0]?.flags.find((f) => f.code === 'intensity_beyond_stage')).toMatchObject({
      severity: 'caution',
      value: 6,
    });
  });

  it('four hill repeats are recognised in the stage-8 comparison', async () => {
    // 15 min easy first, so the session is stage 8's 30 min: 900 + 300 + 4 × 120 + 300 s = 33 min.
    const plan = [{ durationS: 900, speedMps: 3 }, ...hillRepeatsPlan(4)];
    const { today, comparison } = await sessionAt(8, plan);
    expect(comparison).toMatchObject({ completion: 'completed', hillRepeats: 4 });
    expect(comparison.performed).toBe('33 min with 4 hill repeats');
    expect(reason(today, 'session_completed')?.message).toContain('with 4 hill repeats');
  });
});
