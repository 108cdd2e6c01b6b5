import { describe, expect, it } from 'vitest';
import { computeHrZoneTimes, hrZoneBounds } from '../../../shared/activity/compute-hr-zones.ts';

const every10s = (hrs: Array<number | undefined>) =>
  hrs.map((hrBpm, i) => ({ t: i * 10_000, ...(hrBpm === undefined ? {} : { hrBpm }) }));

describe('hrZoneBounds()', () => {
  it.each([
    [200, [120, 140, 160, 180]],
    // 0.7 × 185 = 129.5 → 130, 0.9 × 185 = 166.5 → 167.
    [185, [111, 130, 148, 167]],
  ])('is 60/70/80/90 %% of HRmax %i, rounded', (max, bounds) => {
    expect(hrZoneBounds(max)).toEqual(bounds);
  });
});

describe('computeHrZoneTimes()', () => {
  it('counts each 10 s interval at its first sample, a bound belonging to the zone above', () => {
    // HRmax 200 → zones start at 120, 140, 160, 180. The last sample has no interval after it.
    const zones = computeHrZoneTimes(every10s([100, 130, 150, 170, 190, 120, 200]), 200);
    expect(zones.map((z) => z.seconds)).toEqual([10, 20, 10, 10, 10]);
    expect(zones.map((z) => [z.fromBpm, z.toBpm])).toEqual([
      [0, 120],
      [120, 140],
      [140, 160],
      [160, 180],
      [180, null],
    ]);
  });

  it('leaves out pauses longer than 30 s and intervals without a heart rate', () => {
    const samples = [
      { t: 0, hrBpm: 150 },
      { t: 20_000, hrBpm: 150 },
      { t: 80_000, hrBpm: 150 }, // 60 s later: the watch was paused
      { t: 90_000 },
      { t: 100_000, hrBpm: 150 },
    ];
    expect(computeHrZoneTimes(samples, 200).map((z) => z.seconds)).toEqual([0, 0, 30, 0, 0]);
  });

  it('counts a gap of exactly 30 s, and takes the caller’s longest gap', () => {
    const samples = [
      { t: 0, hrBpm: 150 },
      { t: 30_000, hrBpm: 150 },
      { t: 40_000, hrBpm: 150 },
    ];
    expect(computeHrZoneTimes(samples, 200).map((z) => z.seconds)).toEqual([0, 0, 40, 0, 0]);
    expect(computeHrZoneTimes(samples, 200, 20).map((z) => z.seconds)).toEqual([0, 0, 10, 0, 0]);
  });

  it('counts no time for a repeated or backward timestamp', () => {
    const samples = [
      { t: 10_000, hrBpm: 150 },
      { t: 10_000, hrBpm: 150 },
      { t: 0, hrBpm: 150 },
      { t: 10_000, hrBpm: 150 },
    ];
    expect(computeHrZoneTimes(samples, 200).map((z) => z.seconds)).toEqual([0, 0, 10, 0, 0]);
  });

  it('numbers the zones 1 to 5', () => {
    expect(computeHrZoneTimes([], 200).map((z) => z.zone)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects an HRmax that is not positive', () => {
    expect(() => computeHrZoneTimes([], 0)).toThrow('invalid hrMaxBpm: 0');
    expect(() => hrZoneBounds(Number.NaN)).toThrow('invalid hrMaxBpm: NaN');
  });
});
