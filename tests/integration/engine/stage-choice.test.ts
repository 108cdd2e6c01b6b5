// Choosing where to start (science.md §4 "Where a runner starts"): the stage is chosen from the
// runner's own last 4 weeks, so those very runs are the reason for the stage, not runs beyond it.
// Accepting the proposal ("Use stage N") or onboarding must not turn them into "beyond the stage"
// flags, a 72-h hold or a stage drop, and the card says plainly what comes next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '#shared/engine/default-plan';
import { runOn, utcDay, type TodayBody as Today } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const RUNNING = ['run', 'run_modified'];

describe('choosing a stage from the runs of the last 4 weeks', () => {
  let p: Pipeline;
  let n = 0;
  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p.close();
  });

  /** 30-min easy runs every 2–3 days for two weeks, the last one yesterday, all green. */
  async function runnerWithHistory(): Promise<TestClient> {
    const c = p.client();
    await c.signup(`choice-${n++}@example.com`);
    for (const d of [13, 11, 8, 6, 3, 1]) {
      await runOn(c, d, 30);
      await c.post('/api/checkins', { date: utcDay(-d), painDuring: 1, painAfter: 1 });
      await c.post('/api/checkins', { date: utcDay(-d + 1), painMorning: 1 });
    }
    return c;
  }

  function expectNoStageJudgement(t: Today): void {
    const codes = [...t.flags.map((f) => f.code), ...t.recommendation.reasons.map((r) => r.code)];
    expect(codes.filter((c) => /^stage_beyond|^stage_dropped|^drop|pause_running/.test(c))).toEqual(
      [],
    );
    expect(t.recommendation.reasons.map((r) => r.message).join(' ')).not.toMatch(/walking stage/);
  }

  it('"Use stage 6" from the proposal: no beyond-the-stage flag, no hold, runs in the week', async () => {
    const c = await runnerWithHistory();
    const prog = await c.get<{ proposedStage: { stage: number } | null }>('/api/progression');
    // 30-min runs match stage 6, "continuous 30 min easy"
    expect(prog.body.proposedStage?.stage).toBe(6);
    expect((await c.post('/api/progression/stage', { stage: 6 })).status).toBe(201);
    const t = (await c.get<Today>('/api/today')).body;
    expect(t.stage).toBe(6);
    expectNoStageJudgement(t);
    // A run yesterday at stage 6: no run today (a day between runs), but runs in the days ahead.
    expect(RUNNING).not.toContain(t.recommendation.action);
    expect(t.plan.filter((d) => RUNNING.includes(d.action)).length).toBeGreaterThanOrEqual(2);
    // The card names the chosen stage.
    const words = [
      t.recommendation.summary,
      ...t.recommendation.reasons.map((r) => r.message),
    ].join(' ');
    expect(words).toMatch(/[Ss]tage 6/);
  });

  it('onboarding with symptoms now: stage 5, the same runs stay unflagged', async () => {
    const c = await runnerWithHistory();
    const res = await c.post<{ stage: number }>('/api/onboarding', {
      situation: 'symptoms_now',
      typicalRunMin: 30,
      runsPerWeek: 3,
      painDuringRun: 1,
    });
    // 30 min matches stage 6; with symptoms now, one lower: stage 5, "continuous 20 min"
    expect(res.body.stage).toBe(5);
    const t = (await c.get<Today>('/api/today')).body;
    expect(t.stage).toBe(5);
    expectNoStageJudgement(t);
  });

  it('a plan that opens with intensity lifts no one who runs none into its intensity stage', async () => {
    // A plan of three stages whose first is intervals (the plan checks allow it): a runner
    // running well, 30 min four times a week, no intensity now. §4: intensity returns as a change
    // of its own, so the start is the continuous stage the runs match (stage 1), not stage 2.
    const c = await runnerWithHistory();
    const [continuous, intervals] = [DEFAULT_PLAN[6], DEFAULT_PLAN[8]];
    const plan = [
      { ...intervals, stage: 0, name: 'Intervals first' },
      { ...continuous, stage: 1 },
      { ...intervals, stage: 2, totalMin: 40, runMin: 40 },
    ];
    expect((await c.put('/api/progression', { plan })).status).toBe(200);
    const res = await c.post<{ stage: number }>('/api/onboarding', {
      situation: 'running_well',
      typicalRunMin: 30,
      runsPerWeek: 4,
      painDuringRun: 1,
      intensityNow: false,
    });
    expect(res.status).toBe(201);
    expect(res.body.stage).toBe(1);
    const t = (await c.get<Today>('/api/today')).body;
    expect(t.stage).toBe(1);
  });
});
