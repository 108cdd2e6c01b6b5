// science.md §1: "session-RPE load = RPE (CR-10, 0–10) x minutes (Foster 1998, MSSE 30:1164)".
import { describe, expect, it } from 'vitest';
import { computeSrpe, isRpe } from '../../../shared/engine/compute-srpe.ts';
import { BadInputError } from '../../../shared/errors.ts';

function thrown(f: () => unknown): BadInputError {
  try {
    f();
  } catch (e) {
    return e as BadInputError;
  }
  throw new Error('expected a bad-input error');
}

describe('computeSrpe()', () => {
  it.each([
    // RPE × minutes (Foster 1998)
    [4, 45, 180], // 4 × 45 = 180
    [7, 30, 210], // 7 × 30 = 210
    [0, 60, 0],
    [10, 12.5, 125], // 10 × 12.5 = 125
    [6, 0, 0], // a session of 0 min carries no load: 6 × 0 = 0
  ])('RPE %d for %d min is %d AU', (rpe, minutes, load) => {
    expect(computeSrpe(rpe, minutes)).toBe(load);
  });

  it('rejects an RPE outside CR-10 with a bad-input error', () => {
    expect(() => computeSrpe(11, 30)).toThrow(BadInputError);
    expect(() => computeSrpe(-1, 30)).toThrow(/invalid rpe/);
    expect(isRpe(Number.NaN)).toBe(false);
    const err = thrown(() => computeSrpe(10.5, 30));
    expect(err.reason).toBe('rpe_invalid');
    expect(err.message).toBe('invalid rpe: 10.5 (0–10)');
  });

  it('rejects negative or unknown minutes with a bad-input error naming them', () => {
    for (const minutes of [-1, Number.NaN]) {
      const err = thrown(() => computeSrpe(5, minutes));
      expect(err).toBeInstanceOf(BadInputError);
      expect(err.reason).toBe('minutes_invalid');
      expect(err.message).toBe(`invalid minutes: ${minutes}`);
    }
  });
});

describe('isRpe()', () => {
  it('takes the CR-10 scale from 0 to 10, ends included', () => {
    expect([0, 0.5, 5, 10].map(isRpe)).toEqual([true, true, true, true]);
    expect([-0.5, 10.5, Infinity, -Infinity].map(isRpe)).toEqual([false, false, false, false]);
  });

  it('takes only numbers: a score typed as text, or missing, is not a score', () => {
    // '5' and true compare as 5 and 1 with >= and <=: only the checks of the type refuse them.
    expect(['5', null, undefined, true].map(isRpe)).toEqual([false, false, false, false]);
  });
});
