// science.md §4 "Where a runner starts": "the answer sets the starting stage … the app proposes a
// stage from the last 4 weeks (the stage whose prescription matches their typical run, one below
// when any pain above green was logged) … Nobody who runs 5 km comfortably is told to walk without
// being asked", and §4 "A run beyond the stage" (measured against the prescription).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import {
  pickStartStage,
  proposeStage,
  stageMatchingRun,
} from '../../../shared/engine/pick-start-stage.ts';
import { computeStageBeyond } from '../../../shared/engine/stage-beyond.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';

const t = DEFAULT_THRESHOLDS;
const TODAY = '2026-03-20';

describe('stageMatchingRun() — the stage whose session a typical run covers', () => {
  it.each([
    // running minutes of the table: stage 1 10 (10 × 1), 2 16, 3 18, 4 20, 5 20, 6 30
    [5, 1], // runs at all: stage 1
    [9, 1], // 90 % of 10
    [15, 2], // 16 × 0.9 = 14.4
    [17, 3], // 18 × 0.9 = 16.2
    [18, 5], // 20 × 0.9 = 18: the continuous 20 min
    [27, 6], // 30 × 0.9
    [33, 6], // 30 × 1.1 = 33: not more than 10 % over
    [34, 7], // more than 10 % over the last continuous stage: volume builds
    [55, 7],
  ])('%d min → stage %d', (minutes, stage) => {
    expect(stageMatchingRun(DEFAULT_PLAN, minutes)).toBe(stage);
  });
});

describe('stageMatchingRun() on a plan a coach edited (science.md §4: "A coach or clinician can edit the plan")', () => {
  const walk0 = DEFAULT_PLAN[0] as StageDefinition;
  const walkRun1 = DEFAULT_PLAN[1] as StageDefinition; // 10 × 1 min of running

  it('a plan of walking only has nothing else to offer: stage 0', () => {
    expect(stageMatchingRun([walk0], 30)).toBe(0);
  });

  it('a plan that ends at the 30-min continuous stage keeps a 45-min runner there', () => {
    // No volume stage to move up to: the last continuous stage (6) is the highest match.
    expect(stageMatchingRun(DEFAULT_PLAN.slice(0, 7), 45)).toBe(6);
  });

  it('a continuous stage is one bout of its minutes, whatever its repeats say', () => {
    // 25 min continuously: a 25-min run covers it (25 × 0.9 = 22.5 ≤ 25), with repeats left at 2.
    const continuous25: StageDefinition = {
      ...(DEFAULT_PLAN[5] as StageDefinition),
      stage: 2,
      runMin: 25,
      totalMin: 25,
      repeats: 2,
    };
    expect(stageMatchingRun([walk0, walkRun1, continuous25], 25)).toBe(2);
  });
});

describe('proposeStage()', () => {
  it('proposes the stage of the typical (median) run, never walking for a 5-km runner', () => {
    // 30 min runs, 5 km at 6:00/km: stage 6
    expect(proposeStage(DEFAULT_PLAN, [30, 31, 29, 45], false)).toEqual({
      stage: 6,
      reason:
        '{Your} typical run of the last 4 weeks is 31 min, which matches stage 6 (continuous 30 min).',
    });
  });

  it('proposes one stage lower when pain above green was logged', () => {
    expect(proposeStage(DEFAULT_PLAN, [45, 50, 40], true)?.stage).toBe(6);
  });

  it('names the matching stage and the one below it in the reason when pain was above green', () => {
    // Median of 45, 50, 40 = 45 min: more than 30 × 1.1 = 33, so stage 7; pain above 2: stage 6.
    expect(proposeStage(DEFAULT_PLAN, [45, 50, 40], true)?.reason).toBe(
      '{Your} typical run of the last 4 weeks is 45 min, which matches stage 7; pain above 2/10 was logged, so stage 6 (continuous 30 min).',
    );
  });

  it('proposes nothing without a run', () => {
    expect(proposeStage(DEFAULT_PLAN, [], true)).toBeNull();
  });
});

describe('pickStartStage() — the onboarding answers', () => {
  it('after surgery: walking first', () => {
    const r = pickStartStage(
      DEFAULT_PLAN,
      { situation: 'after_surgery', surgeryDate: '2026-02-20' },
      TODAY,
      t,
    );
    expect(r.stage).toBe(0);
    expect(r.reason).toMatch(/week 10/);
  });

  it('after a break: the typical run’s stage, stepped back by the break rule', () => {
    // 30 min → stage 6; last run 2026-03-02: 17 days without a run (03-03 … 03-19) → two back
    const r = pickStartStage(
      DEFAULT_PLAN,
      { situation: 'after_break', lastRunDate: '2026-03-02', typicalRunMin: 30 },
      TODAY,
      t,
    );
    expect(r.stage).toBe(4);
    expect(r.reason).toMatch(/17 days without a run/);
  });

  it('running with symptoms now: one stage below the typical run; walking on red pain', () => {
    const amber = { situation: 'symptoms_now', typicalRunMin: 20, painDuringRun: 4 } as const;
    expect(pickStartStage(DEFAULT_PLAN, amber, TODAY, t).stage).toBe(4);
    const red = { situation: 'symptoms_now', typicalRunMin: 20, painDuringRun: 6 } as const;
    expect(pickStartStage(DEFAULT_PLAN, red, TODAY, t).stage).toBe(0);
  });

  it('running well with typical runs of 45 min and 4 a week: volume, stage 7, not intensity', () => {
    const r = pickStartStage(
      DEFAULT_PLAN,
      { situation: 'running_well', typicalRunKm: 7, runsPerWeek: 4, painDuringRun: 1 },
      TODAY,
      t,
    );
    // 7 km at 6:30/km ≈ 46 min → stage 7; intensity (stage 8) is a change of its own
    expect(r.stage).toBe(7);
    expect(r.reason).not.toMatch(/stage 8/);
  });

  it('running well, 30 min runs: stage 7 without intensity now, stage 8 only with it', () => {
    const a = { situation: 'running_well', typicalRunMin: 30, runsPerWeek: 4 } as const;
    expect(pickStartStage(DEFAULT_PLAN, a, TODAY, t).stage).toBe(7);
    expect(pickStartStage(DEFAULT_PLAN, { ...a, intensityNow: false }, TODAY, t).stage).toBe(7);
    const r = pickStartStage(DEFAULT_PLAN, { ...a, intensityNow: true }, TODAY, t);
    expect(r.stage).toBe(8);
    expect(r.reason).toMatch(/intensity/);
    // Intensity now does not lift a runner with symptoms: one stage lower than the volume stage.
    const sore = { ...a, situation: 'symptoms_now', intensityNow: true, painDuringRun: 3 } as const;
    expect(pickStartStage(DEFAULT_PLAN, sore, TODAY, t).stage).toBe(5);
  });

  it("never lifts a runner without intensity into an intensity stage, even in a coach's plan that opens with one", () => {
    // §4: intensity returns as a change of its own. A plan whose stage 0 is an intensity stage has
    // no stage "before intensity", so running well lifts nobody: the 30-min runner stays at the
    // continuous stage 1 their run matches (30 × 0.9 ≤ 30), not stage 2's intervals.
    const base = DEFAULT_PLAN[8] as StageDefinition;
    const plan: StageDefinition[] = [
      { ...base, stage: 0, mode: 'intensity', totalMin: 20, runMin: 20 },
      { ...(DEFAULT_PLAN[6] as StageDefinition), stage: 1, totalMin: 30, runMin: 30 },
      { ...base, stage: 2, mode: 'intensity', totalMin: 40, runMin: 40 },
    ];
    const a = { situation: 'running_well', typicalRunMin: 30, runsPerWeek: 4 } as const;
    expect(pickStartStage(plan, a, TODAY, t).stage).toBe(1);
    expect(pickStartStage(plan, { ...a, intensityNow: true }, TODAY, t).stage).toBe(2);
  });

  it('running well twice a week: the last continuous stage before the four-a-week stages', () => {
    const r = pickStartStage(
      DEFAULT_PLAN,
      { situation: 'running_well', typicalRunMin: 45, runsPerWeek: 2 },
      TODAY,
      t,
    );
    expect(r.stage).toBe(6);
  });
});

// The reasons below are the onboarding rule of docs/engine.md ("Where a runner starts"), worked by
// hand: minutes → stage by the running minutes of §4's table (stage 5: 20, stage 6: 30, stage 7
// above 33); pain zones of §3 (0–2 green, 3–5 amber, ≥ 6 red).
describe('pickStartStage() — each answer and the reason it gives', () => {
  const pick = (a: Parameters<typeof pickStartStage>[1], plan = DEFAULT_PLAN) =>
    pickStartStage(plan, a, TODAY, t);

  it('a break of 3 days changes nothing, and the reason says only the typical run', () => {
    // Last run 03-16, today 03-20: 3 days without a run (03-17 … 03-19), under the 7 of one step.
    expect(
      pick({ situation: 'after_break', lastRunDate: '2026-03-16', typicalRunMin: 30 }),
    ).toEqual({ stage: 6, reason: '{Your} typical run of 30 min matches stage 6.' });
  });

  it('a break of 17 days: two stages back, said with the days', () => {
    expect(
      pick({ situation: 'after_break', lastRunDate: '2026-03-02', typicalRunMin: 30 }).reason,
    ).toBe(
      '{Your} typical run of 30 min matches stage 6; 17 days without a run take it back to stage 4.',
    );
  });

  it('the date of the last run steps back only a runner coming back from a break', () => {
    // 60 days ago would be back to stage 1 after a break; running now with symptoms, it is the
    // typical run's stage 6, one lower: 5.
    expect(
      pick({ situation: 'symptoms_now', lastRunDate: '2026-01-19', typicalRunMin: 30 }).stage,
    ).toBe(5);
  });

  it('red pain while running (6/10) is walking first, with a clinician if it stays', () => {
    expect(pick({ situation: 'symptoms_now', typicalRunMin: 20, painDuringRun: 6 })).toEqual({
      stage: 0,
      reason:
        'Pain of 6/10 while running: walking first, and a clinician should see the hip if it stays.',
    });
  });

  it('amber pain of 5/10, the top of amber, is one stage lower, not walking', () => {
    expect(pick({ situation: 'symptoms_now', typicalRunMin: 20, painDuringRun: 5 })).toEqual({
      stage: 4,
      reason:
        '{Your} typical run of 20 min matches stage 5; with hip symptoms now, one stage lower: stage 4.',
    });
  });

  it('symptoms now without a pain score is still one stage lower', () => {
    expect(pick({ situation: 'symptoms_now', typicalRunMin: 20 }).stage).toBe(4);
  });

  it('after a break, pain of 3 (above green) is one stage lower; 2 (green) is not', () => {
    const back = {
      situation: 'after_break',
      lastRunDate: '2026-03-16',
      typicalRunMin: 30,
    } as const;
    expect(pick({ ...back, painDuringRun: 3 }).stage).toBe(5);
    expect(pick({ ...back, painDuringRun: 2 }).stage).toBe(6);
  });

  it('running well with green pain (2/10) and 30-min runs: the volume stage, said why', () => {
    expect(pick({ situation: 'running_well', typicalRunMin: 30, painDuringRun: 2 })).toEqual({
      stage: 7,
      reason:
        '{Your} typical run of 30 min matches stage 6 and {you} run well: stage 7 (volume builds).',
    });
  });

  it('running "well" with pain of 3/10 is not lifted to volume: one below the typical run', () => {
    expect(pick({ situation: 'running_well', typicalRunMin: 30, painDuringRun: 3 })).toEqual({
      stage: 5,
      reason:
        '{Your} typical run of 30 min matches stage 6; with hip symptoms now, one stage lower: stage 5.',
    });
  });

  it('running well at 20 min (stage 5) is not lifted: only from stage 6 on', () => {
    expect(pick({ situation: 'running_well', typicalRunMin: 20 })).toEqual({
      stage: 5,
      reason: '{Your} typical run of 20 min matches stage 5.',
    });
  });

  it('running well at 46 min is already at the volume stage: nothing to lift, nothing said', () => {
    // 7 km × 6.5 min/km = 45.5 → 46 min, above 33: stage 7.
    expect(pick({ situation: 'running_well', typicalRunKm: 7, runsPerWeek: 4 })).toEqual({
      stage: 7,
      reason: '{Your} typical run of 46 min matches stage 7.',
    });
  });

  it('running well with intensity already: stage 8, said so', () => {
    expect(
      pick({ situation: 'running_well', typicalRunMin: 30, runsPerWeek: 4, intensityNow: true }),
    ).toEqual({
      stage: 8,
      reason:
        '{Your} typical run of 30 min matches stage 6 and {you} run well, with intensity already: stage 8 (intensity returns).',
    });
  });

  it('three runs a week keep the volume stage; two do not (stages 7–8 plan four a week)', () => {
    const well = { situation: 'running_well', typicalRunMin: 45 } as const;
    expect(pick({ ...well, runsPerWeek: 3 }).stage).toBe(7);
    expect(pick({ ...well, runsPerWeek: 2 }).stage).toBe(6);
  });

  it('two runs a week never lift a runner below the four-a-week stages: 20 min stays stage 5', () => {
    expect(pick({ situation: 'running_well', typicalRunMin: 20, runsPerWeek: 2 })).toEqual({
      stage: 5,
      reason: '{Your} typical run of 20 min matches stage 5.',
    });
  });

  it('two runs a week with intensity already: back from stage 8 to the last continuous stage', () => {
    expect(
      pick({ situation: 'running_well', typicalRunMin: 30, runsPerWeek: 2, intensityNow: true }),
    ).toEqual({
      stage: 6,
      reason:
        '{Your} typical run of 30 min matches stage 6 and {you} run well, with intensity already: stage 8 (intensity returns); 2 runs a week, so stage 6 first.',
    });
  });

  it('on a plan without an intensity stage, running well reaches its last stage', () => {
    // Stages 0–7: the last stage is the volume stage 7.
    expect(
      pick({ situation: 'running_well', typicalRunMin: 30 }, DEFAULT_PLAN.slice(0, 8)),
    ).toEqual({
      stage: 7,
      reason:
        '{Your} typical run of 30 min matches stage 6 and {you} run well: stage 7 (volume builds).',
    });
  });
});

describe('computeStageBeyond() — a run beyond the stage is a spike against its prescription', () => {
  const stage = (n: number) => DEFAULT_PLAN[n] as StageDefinition;

  it.each([
    // stage 5 prescribes 20 min: 22 min = +10 % ok, 25 = +25 % caution, 30 = +50 % high, 45 = +125 % very high
    [22, 'ok'],
    [25, 'caution'],
    [30, 'high'],
    [45, 'very_high'],
  ] as const)('%d min at stage 5 is %s', (minutes, band) => {
    expect(computeStageBeyond(minutes * 60, stage(5), t)?.band).toBe(band);
  });

  it('makes any run at a walking stage very high', () => {
    expect(computeStageBeyond(600, stage(0), t)).toMatchObject({ band: 'very_high', value: null });
  });

  it('leaves stages 7–8 to the single-run spike against the last 30 days', () => {
    expect(computeStageBeyond(3600, stage(7), t)).toBeNull();
    expect(computeStageBeyond(3600, stage(8), t)).toBeNull();
  });
});
