import { describe, expect, it } from 'vitest';
import {
  computeBaseline,
  computePainTrend,
  dailyPainScoreOf,
  medianOf,
  painZoneOf,
} from '../../../shared/engine/pain-model.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

describe('painZoneOf()', () => {
  it.each([
    [0, 'green'],
    [2, 'green'],
    [3, 'amber'],
    [5, 'amber'],
    [6, 'red'],
    [10, 'red'],
  ] as const)('%d/10 is %s', (score, zone) => {
    expect(painZoneOf(score, t)).toBe(zone);
  });
});

describe('computeBaseline()', () => {
  it('is the median of rest-day mornings when there are at least 3', () => {
    // rest-day mornings 1, 2, 1, 3 → sorted 1, 1, 2, 3 → (1 + 2)/2 = 1.5; the post-run 6 is left out
    const b = computeBaseline(
      [
        { value: 1, restDay: true },
        { value: 2, restDay: true },
        { value: 6, restDay: false },
        { value: 1, restDay: true },
        { value: 3, restDay: true },
      ],
      t,
    );
    expect(b).toEqual({ value: 1.5, basis: 'rest_day_mornings', scores: 4 });
  });

  it('falls back on all mornings, then on 0', () => {
    // only 2 rest-day mornings: median of 1, 2, 4 = 2
    expect(
      computeBaseline(
        [
          { value: 1, restDay: true },
          { value: 4, restDay: false },
          { value: 2, restDay: true },
        ],
        t,
      ),
    ).toEqual({
      value: 2,
      basis: 'all_mornings',
      scores: 3,
    });
    expect(computeBaseline([], t)).toEqual({ value: 0, basis: 'assumed_zero', scores: 0 });
    expect(medianOf([5])).toBe(5);
  });
});

describe('computePainTrend()', () => {
  it('is a caution when the 7-day mean rises, even with every score green', () => {
    // previous 7 days: 1, 1, 1 (others unscored) → mean 1; this week: 2, 2, 1 → 5/3 = 1.6667; change +0.6667
    const scores = [
      1,
      undefined,
      1,
      undefined,
      1,
      undefined,
      undefined,
      2,
      undefined,
      2,
      undefined,
      1,
      undefined,
      undefined,
    ];
    const r = computePainTrend(scores, 13, 14, t);
    expect(r.mean7).toBeCloseTo(1.6667, 4);
    expect(r.meanPrevious7).toBe(1);
    expect(r.change).toBeCloseTo(0.6667, 4);
    expect(r.rising).toBe(true);
  });

  it('is rising on any rise of the mean and not when the mean holds or falls', () => {
    // previous 2,2,2,0,0,0,0 → 6/7 = 0.857; this week all 1 → 1.0: +0.143, rising
    expect(computePainTrend([2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1], 13, 14, t).rising).toBe(
      true,
    );
    // previous all 1 → 1.0; this week 1,1,0,0,0,0,0 → 2/7 = 0.286: falling
    expect(computePainTrend([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 13, 14, t).rising).toBe(
      false,
    );
    // equal means: not rising
    expect(computePainTrend([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 13, 14, t).rising).toBe(
      false,
    );
  });

  it('needs 3 scored days in each week', () => {
    const r = computePainTrend(
      [1, 1, undefined, undefined, undefined, undefined, undefined, 3, 3, 3, 3, 3, 3, 3],
      13,
      14,
      t,
    );
    expect(r.change).toBeNull();
    expect(r.rising).toBe(false);
  });
});

describe('dailyPainScoreOf()', () => {
  it('takes the highest of rest pain, the session and the morning after yesterday', () => {
    expect(
      dailyPainScoreOf({ painAtRest: 1 }, { painDuring: 2, painAfter: 4 }, { painNextMorning: 3 }),
    ).toBe(4);
    expect(dailyPainScoreOf(undefined, undefined, { painNextMorning: 3 })).toBe(3);
    expect(dailyPainScoreOf(undefined, undefined, undefined)).toBeUndefined();
  });
});
