// Strength days in GET /api/today over HTTP. A runner's story (science.md §7 "a strength session with
// pain above mild counts like an amber run", §4 "Amber ...: no run the next day, and the next run
// repeats the stage"): a stage-5 runner with green mornings lifts yesterday; what yesterday's lift
// hurt decides today's run. And the week's plan names each strength day's session (issue 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay, type TodayBody } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

type Today = Omit<TodayBody, 'plan'> & {
  plan: Array<TodayBody['plan'][number] & { session: { key: string; text: string } | null }>;
};

describe('a painful strength session over HTTP', () => {
  let p: Pipeline;
  let n = 0;

  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p.close();
  });

  /** Stage 5 from 3 days ago, mornings at 1/10, and yesterday's Strength A with `pain`. */
  async function runnerWhoLifted(pain: number | null): Promise<TestClient> {
    const c = p.client();
    await c.signup(`lifter-${n++}@example.com`);
    expect((await c.post('/api/progression/stage', { stage: 5, date: utcDay(-3) })).status).toBe(
      201,
    );
    for (const k of [3, 2, 1, 0])
      expect([200, 201]).toContain(
        (await c.post('/api/checkins', { date: utcDay(-k), painMorning: 1 })).status,
      );
    const logged = await c.post('/api/strength-sessions', {
      date: utcDay(-1),
      sessionKey: 'strength_a',
      exercises: [
        { id: 'bridge', sets: 3, reps: 10 },
        { id: 'side-plank', sets: 3, holdS: 20 },
      ],
      rpe: 6,
      pain,
    });
    expect(logged.status).toBe(201);
    return c;
  }

  it('4/10 during yesterday’s lift: no run today, and the card says why in the runner’s words', async () => {
    const c = await runnerWhoLifted(4);
    const today = (await c.get<Today>('/api/today')).body;
    expect(['cross_train', 'strength', 'rest']).toContain(today.recommendation.action);
    const reason = today.recommendation.reasons[0];
    expect(reason).toMatchObject({ code: 'strength_pain_amber', value: 4, rule: 'pain-zones' });
    expect(reason?.message).toMatch(
      /^Pain reached 4\/10 during your strength session on \w{3} \d{1,2} \w{3}: above mild, so it counts like an amber run and the next run repeats stage 5\.$/,
    );
    expect(today.stage).toBe(5);
    // The week's plan holds no run today; tomorrow the stage-5 run comes back.
    expect(today.plan[0]?.action).not.toMatch(/^run/);
    expect(today.plan.slice(1).some((d) => d.action === 'run')).toBe(true);
  });

  it('1/10 (mild) during yesterday’s lift: today is the stage-5 run', async () => {
    const c = await runnerWhoLifted(1);
    const today = (await c.get<Today>('/api/today')).body;
    expect(today.recommendation.action).toBe('run');
    expect(today.recommendation.reasons.map((r) => r.code)).not.toContain('strength_pain_amber');
  });

  it('names the session of every strength day in the week’s plan: B after a logged A', async () => {
    // Stage 5, pain green throughout (no score above green at all): heavy lifts are in. Strength A
    // was done 2 days ago, so the plan's strength day is Strength B.
    const c = p.client();
    await c.signup(`planner-${n++}@example.com`);
    expect((await c.post('/api/progression/stage', { stage: 5, date: utcDay(-3) })).status).toBe(
      201,
    );
    const logged = await c.post('/api/strength-sessions', {
      date: utcDay(-2),
      sessionKey: 'strength_a',
      exercises: [{ id: 'bridge', sets: 3, reps: 10 }],
      rpe: 5,
      pain: 0,
    });
    expect(logged.status).toBe(201);
    const today = (await c.get<Today>('/api/today')).body;
    const named = today.plan.filter((d) => d.session !== null);
    // Every strength and mobility day is named, and nothing else is.
    expect(named.map((d) => d.date)).toEqual(
      today.plan.filter((d) => d.action === 'strength').map((d) => d.date),
    );
    expect(named.map((d) => d.session?.key).sort()).toEqual(['mobility', 'strength_b']);
    expect(named.find((d) => d.session?.key === 'strength_b')?.session?.text).toMatch(
      /^Strength B: trap-bar deadlift 3×5, rear-foot-elevated split squat 3×\d+ each side, /,
    );
    expect(named.find((d) => d.session?.key === 'mobility')?.session?.text).toMatch(
      /^Mobility & pilates: /,
    );
  });

  it('holds heavy lifts back in the named session after a painful lift, and B follows the logged A', async () => {
    const c = await runnerWhoLifted(4);
    const today = (await c.get<Today>('/api/today')).body;
    const b = today.plan.find((d) => d.session?.key === 'strength_b');
    expect(b?.session?.text).toMatch(/^Strength B: single-leg bridge /);
    expect(b?.session?.text).not.toContain('deadlift');
    // Yesterday's session was A, so the first strength day ahead is B.
    expect(today.plan.find((d) => d.session?.key.startsWith('strength'))?.session?.key).toBe(
      'strength_b',
    );
  });
});
