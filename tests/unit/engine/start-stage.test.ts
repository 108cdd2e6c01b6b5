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
