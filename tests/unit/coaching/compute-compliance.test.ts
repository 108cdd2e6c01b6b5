// Compliance: hand-worked weeks against a two-stage plan (3 × 30 min a week, 4 × 35 min a week).
import { describe, expect, it } from 'vitest';
import type { StageDefinition } from '#shared/engine/types';
import { colourOfCompliance, computeCompliance } from '#shared/coaching/compute-compliance';

const stage = (n: number, perWeek: number, totalMin: number): StageDefinition => ({
  stage: n,
  name: `S${n}`,
  mode: 'walk_run',
  runMin: 1,
  walkMin: 1,
  repeats: 1,
  totalMin,
  perWeek,
  noConsecutiveDays: true,
  minCompletions: 2,
  surface: 'flat',
  intensity: 'easy',
  text: '',
});
const PLAN = [stage(1, 3, 30), stage(2, 4, 35)];
const week = (stageOf: number, sessions: Array<number>) =>
  Array.from({ length: 7 }, (_, i) => ({
    stage: stageOf,
    runCount: sessions[i] ? 1 : 0,
    runMovingS: (sessions[i] ?? 0) * 60,
  }));

describe('computeCompliance()', () => {
  it('is green for 3 sessions of 30 min against 3 × 30 planned (90 of 90 min)', () => {
    expect(computeCompliance(week(1, [30, 0, 30, 0, 30, 0, 0]), PLAN)).toEqual({
      sessionsDone: 3,
      sessionsPlanned: 3,
      minutesDone: 90,
      minutesPlanned: 90,
      ratio: 1,
      colour: 'green',
    });
  });

  it('is green at exactly 80 % (72 of 90 min) and amber just under it (70 of 90)', () => {
    expect(computeCompliance(week(1, [24, 0, 24, 0, 24]), PLAN)?.colour).toBe('green');
    expect(computeCompliance(week(1, [30, 0, 40]), PLAN)?.colour).toBe('amber');
  });

  it('is amber at 130 % (117 of 90 min) and red at 160 % (144 of 90)', () => {
    expect(computeCompliance(week(1, [39, 0, 39, 0, 39]), PLAN)?.ratio).toBe(1.3);
    expect(computeCompliance(week(1, [39, 0, 39, 0, 39]), PLAN)?.colour).toBe('amber');
    expect(computeCompliance(week(1, [48, 0, 48, 0, 48]), PLAN)?.colour).toBe('red');
  });

  it('is red when nothing was done', () => {
    expect(computeCompliance(week(1, []), PLAN)).toMatchObject({ ratio: 0, colour: 'red' });
  });

  it('plans each day its share of its stage: 4 days of stage 1 and 3 of stage 2 plan 111 min', () => {
    // 4 × (3 × 30 / 7) + 3 × (4 × 35 / 7) = 51.43 + 60 = 111.43 min; sessions 4 × 3/7 + 3 × 4/7 = 3.43.
    const days = [...week(1, []).slice(0, 4), ...week(2, []).slice(0, 3)];
    expect(computeCompliance(days, PLAN)).toMatchObject({
      minutesPlanned: 111,
      sessionsPlanned: 3,
    });
  });

  it('is undefined without days', () => {
    expect(computeCompliance([], PLAN)).toBeUndefined();
  });
});

describe('colourOfCompliance()', () => {
  it.each([
    [1.2, 'green'],
    [0.8, 'green'],
    [1.21, 'amber'],
    [0.5, 'amber'],
    [1.5, 'amber'],
    [0.49, 'red'],
    [1.51, 'red'],
  ] as const)('%s is %s', (ratio, colour) => {
    expect(colourOfCompliance(ratio)).toBe(colour);
  });
});
