// science.md §3 "Baseline": "median of the first 3 mornings, then a rolling median of mornings with
// no run the day before … Until 3 mornings exist there is no baseline: a morning score of 0–2 then
// counts as back to baseline, never as a rise against an assumed 0."
import { describe, expect, it } from 'vitest';
import { baselineOf, isAtBaseline } from '../../../shared/engine/morning-baseline.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

describe('baselineOf()', () => {
  it('is the median of rest-day mornings once there are 3 of them', () => {
    // rest-day mornings 1, 2, 1, 3 → sorted 1, 1, 2, 3 → (1 + 2) / 2 = 1.5
    expect(baselineOf([1, 2, 1, 3], [4, 4, 4], t)).toEqual({
      value: 1.5,
      basis: 'rest_day_mornings',
      scores: 4,
    });
  });

  it('is the median of the first 3 mornings before that', () => {
    // first mornings 2, 0, 1 → median 1 (the fourth morning is not part of it)
    expect(baselineOf([3], [2, 0, 1, 6], t)).toEqual({
      value: 1,
      basis: 'first_mornings',
      scores: 3,
    });
  });

  it('does not exist until 3 mornings exist', () => {
    expect(baselineOf([], [1, 1], t)).toEqual({ value: null, basis: 'none', scores: 2 });
  });
});

describe('isAtBaseline()', () => {
  const none = baselineOf([], [], t);

  it('counts a first morning of 1/10 as back to baseline, never as a rise against 0', () => {
    expect(isAtBaseline(1, none, t)).toBe(true);
    expect(isAtBaseline(2, none, t)).toBe(true);
    expect(isAtBaseline(3, none, t)).toBe(false);
  });

  it('compares with the own baseline once it exists', () => {
    const two = baselineOf([2, 2, 2], [], t);
    expect(isAtBaseline(2, two, t)).toBe(true);
    expect(isAtBaseline(3, two, t)).toBe(false);
    const zero = baselineOf([0, 0, 0], [], t);
    expect(isAtBaseline(1, zero, t)).toBe(false);
  });
});
