// science.md §3 "Week over week": "the 7-day mean of pain must not rise … Compare like with like
// (the same moment of the day, days with a score on both sides); a missing score is not a zero, and
// one point on a 0–10 scale is within noise (… about 2 points)". The threshold chosen is a rise of
// 1.5 points in one moment's 7-day mean (docs/engine.md).
import { describe, expect, it } from 'vitest';
import { computePainTrend, type PainSeries } from '../../../shared/engine/pain-trend.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;
const _ = undefined;
const only = (morning: (number | undefined)[]): PainSeries => ({
  morning,
  session: [],
  rest: [],
});

describe('computePainTrend()', () => {
  it('is rising when one moment rises by 1.5 points or more, even with every score green', () => {
    // mornings: previous week 0, 0, 1 → 1/3; this week 2, 2, 2 → 2; change +1.67 ≥ 1.5
    const r = computePainTrend(only([0, _, 0, _, 1, _, _, 2, _, 2, _, 2, _, _]), 13, 14, t);
    expect(r.moment).toBe('morning');
    expect(r.meanPrevious7).toBeCloseTo(1 / 3, 12);
    expect(r.mean7).toBe(2);
    expect(r.change).toBeCloseTo(5 / 3, 12);
    expect(r.rising).toBe(true);
  });

  it('calls a one-point rise noise (0 → 1 when a new stage starts)', () => {
    const r = computePainTrend(only([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]), 13, 14, t);
    expect(r.change).toBe(1);
    expect(r.rising).toBe(false);
  });

  it('reads a missing score as missing, never as a zero', () => {
    // previous week: two scored days of 2 and five unscored → not 4/7 but too few scores at all;
    // with a third score of 2 the mean is 2, and this week's 2s are no rise.
    const r = computePainTrend(only([2, _, _, 2, _, _, 2, 2, 2, 2, _, _, _, _]), 13, 14, t);
    expect(r.meanPrevious7).toBe(2);
    expect(r.change).toBe(0);
    const tooFew = computePainTrend(only([2, _, _, 2, _, _, _, 3, 4, 5, 5, _, _, _]), 13, 14, t);
    expect(tooFew.change).toBeNull();
    expect(tooFew.rising).toBe(false);
  });

  it('compares like with like: a run day after rest days is no rise of the mornings', () => {
    // Mornings 1 all along; session pain only this week (no sessions before): no comparison for
    // sessions, and the mornings did not change.
    const r = computePainTrend(
      {
        morning: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        session: [_, _, _, _, _, _, _, 4, _, 4, _, 4, _, _],
        rest: [],
      },
      13,
      14,
      t,
    );
    expect(r.moment).toBe('morning');
    expect(r.rising).toBe(false);
  });

  it('takes the moment that rose most, and says which', () => {
    const r = computePainTrend(
      {
        morning: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        session: [1, _, 1, _, 1, _, _, 3, _, 3, _, 3, _, _],
        rest: [],
      },
      13,
      14,
      t,
    );
    // session: 1 → 3, +2 ≥ 1.5
    expect(r).toMatchObject({ moment: 'session', change: 2, rising: true });
  });
});
