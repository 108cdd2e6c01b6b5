// science.md §1: "session-RPE load = RPE (CR-10, 0–10) x minutes (Foster 1998, MSSE 30:1164)".
import { describe, expect, it } from 'vitest';
import { computeSrpe, isRpe } from '../../../shared/engine/compute-srpe.ts';
import { BadInputError } from '../../../shared/errors.ts';

describe('computeSrpe()', () => {
  it.each([
    // RPE × minutes (Foster 1998)
    [4, 45, 180], // 4 × 45 = 180
    [7, 30, 210], // 7 × 30 = 210
    [0, 60, 0],
    [10, 12.5, 125], // 10 × 12.5 = 125
  ])('RPE %d for %d min is %d AU', (rpe, minutes, load) => {
    expect(computeSrpe(rpe, minutes)).toBe(load);
  });

  it('rejects an RPE outside CR-10 with a bad-input error', () => {
    expect(() => computeSrpe(11, 30)).toThrow(BadInputError);
    expect(() => computeSrpe(-1, 30)).toThrow(/invalid rpe/);
    expect(isRpe(Number.NaN)).toBe(false);
  });
});
