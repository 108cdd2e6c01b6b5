// Issue 18's intensity line at its edges: time at or above the threshold pace (4:10/km = 1000/250
// = 4 m/s exactly) and at or above the threshold heart rate (87 % of HRmax, Seiler & Kjerland 2006:
// 200 → 174 bpm); a sample's heart rate holds until the next one unless they are more than 60 s
// apart (a pause, as for TRIMP); without a usable stream or profile value, no number at all.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import {
  computeActivityIntensity,
  thresholdHrOf,
} from '../../../shared/engine/compute-intensity.ts';

/** One point a second for `seconds` s at `speedMps`, heart rate `hrBpm` (or none). */
function steady(seconds: number, speedMps: number, hrBpm?: number, fromS = 0): Sample[] {
  const out: Sample[] = [];
  for (let s = 0; s <= seconds; s++)
    out.push({
      t: (fromS + s) * 1000,
      distanceM: s * speedMps,
      ...(hrBpm === undefined ? {} : { hrBpm }),
    });
  return out;
}
const intensity = (
  samples: Sample[],
  profile: { hrMaxBpm?: number | null; thresholdPaceSPerKm?: number | null },
) =>
  computeActivityIntensity(
    samples,
    { intervals: [], movingS: 600, distanceM: 2400 },
    { hrMaxBpm: null, thresholdPaceSPerKm: null, ...profile },
  );

describe('computeActivityIntensity() at its edges', () => {
  it('counts running exactly at the threshold pace as at it', () => {
    // 10 min at 4 m/s with a 4 m/s threshold: all 600 s
    expect(intensity(steady(600, 4), { thresholdPaceSPerKm: 250 }).aboveThresholdPaceS).toBe(600);
  });

  it('has no time at the threshold pace without a pace, or without a stream to measure', () => {
    expect(intensity(steady(600, 4), { thresholdPaceSPerKm: 0 }).aboveThresholdPaceS).toBeNull();
    expect(intensity([], { thresholdPaceSPerKm: 250 }).aboveThresholdPaceS).toBeNull();
    const still = [
      { t: 0, distanceM: 0 },
      { t: 0, distanceM: 0 },
    ];
    expect(intensity(still, { thresholdPaceSPerKm: 250 }).aboveThresholdPaceS).toBeNull();
  });

  it('counts a heart rate exactly at the threshold as at it', () => {
    expect(thresholdHrOf(200)).toBe(174);
    expect(intensity(steady(600, 3, 174), { hrMaxBpm: 200 }).aboveThresholdHrS).toBe(600);
  });

  it('has no threshold heart rate without HRmax, and no time above it without heart rate', () => {
    expect(thresholdHrOf(0)).toBeNull();
    expect(thresholdHrOf(null)).toBeNull();
    expect(intensity(steady(600, 3), { hrMaxBpm: 200 })).toMatchObject({
      thresholdHrBpm: 174,
      aboveThresholdHrS: null,
    });
  });

  it('counts a 60-s gap between heart-rate samples, and not a longer one', () => {
    // 5 min at 180 bpm, a gap, 5 min at 180 bpm: 300 + 300 s, plus the gap when it is 60 s
    const gap = (s: number) => [
      ...steady(300, 3, 180),
      ...steady(300, 3, 180, 300 + s).map((p) => ({ ...p, distanceM: (p.distanceM ?? 0) + 900 })),
    ];
    expect(intensity(gap(60), { hrMaxBpm: 200 }).aboveThresholdHrS).toBe(660);
    expect(intensity(gap(61), { hrMaxBpm: 200 }).aboveThresholdHrS).toBe(600);
  });
});
