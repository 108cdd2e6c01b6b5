import { describe, expect, it } from 'vitest';
import { computeElevationGainM } from '../../../shared/activity/elevation.ts';

describe('computeElevationGainM()', () => {
  it.each([
    // Climbs count once 3 m above the last low: 0→3 (+3), 3→6 (+3); the last metre is not yet a climb.
    ['a steady climb in 1 m steps', [0, 1, 2, 3, 4, 5, 6, 7], 6],
    ['GPS noise of ±1 m on flat ground', [10, 12, 10, 12, 10, 11, 10], 0],
    // 0→5 (+5), down to 2 resets the low, 2→8 (+6).
    ['two climbs separated by a descent', [0, 5, 2, 8], 11],
    ['a pure descent', [100, 90, 80], 0],
    ['no elevation at all', [], 0],
  ])('is hand-worked for %s', (_, elevations, expected) => {
    expect(computeElevationGainM(elevations)).toBe(expected);
  });

  it('skips missing elevations instead of reading them as 0', () => {
    expect(computeElevationGainM([100, undefined, 104, undefined, 108])).toBe(8);
  });

  it('counts a rise of exactly the threshold, and takes the caller’s threshold', () => {
    expect(computeElevationGainM([0, 3])).toBe(3);
    expect(computeElevationGainM([0, 2, 4], 2)).toBe(4);
    expect(computeElevationGainM([0, 4], 5)).toBe(0);
  });

  it('skips elevations that are not finite numbers', () => {
    expect(computeElevationGainM([100, Number.NaN, 104, Number.POSITIVE_INFINITY, 108])).toBe(8);
  });

  it('climbs from the lowest point reached, however it was reached', () => {
    // 10 → 8 → 8 → 11: the low is 8, so 11 is a climb of 3.
    expect(computeElevationGainM([10, 8, 8, 11])).toBe(3);
  });
});
