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
});
