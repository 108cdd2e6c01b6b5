// The intensity of one run, worked out by hand from generated plans (one point a second; heart rate
// = 90 + 18 × speed: 144 bpm at 3 m/s, 180 bpm at 5 m/s).
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectIntervals } from '../../../shared/activity/intervals.ts';
import {
  computeActivityIntensity,
  thresholdHrOf,
} from '../../../shared/engine/compute-intensity.ts';
import {
  hillRepeatsPlan,
  intervals800Plan,
  stridesPlan,
  track,
  type PlanStep,
} from '../../fixtures/generate-activity.ts';

function intensityOf(
  plan: PlanStep[],
  profile: { hrMaxBpm: number | null; thresholdPaceSPerKm: number | null },
) {
  const samples: Sample[] = track(plan).map((p) => ({
    t: p.t,
    distanceM: p.distanceM,
    hrBpm: p.hrBpm as number,
    ...(p.eleM === undefined ? {} : { eleM: p.eleM }),
  }));
  const last = samples[samples.length - 1] as Sample;
  return computeActivityIntensity(
    samples,
    {
      intervals: detectIntervals(samples),
      movingS: (last.t - (samples[0] as Sample).t) / 1000,
      distanceM: last.distanceM as number,
    },
    profile,
  );
}

// 20 min easy at 3 m/s, 6 × (20 s at 5 m/s, 60 s easy), 5 min easy: 1,200 + 480 + 300 = 1,980 s.
const strides = stridesPlan(6, 20);

describe('computeActivityIntensity()', () => {
  it.each([
    // 4:00/km = 4.17 m/s: only the strides, 6 × 20 s.
    [240, 120],
    // 5:00/km = 3.33 m/s: still only the strides.
    [300, 120],
    // 6:00/km = 2.78 m/s: every second of the run is faster.
    [360, 1980],
  ])('threshold pace %i s/km: %i s at or above it', (pace, seconds) => {
    expect(
      intensityOf(strides, { hrMaxBpm: null, thresholdPaceSPerKm: pace }).aboveThresholdPaceS,
    ).toBe(seconds);
  });

  it('threshold heart rate 87 % of HRmax: 190 → 165 bpm, so the 6 × 20 s at 180 bpm count', () => {
    expect(thresholdHrOf(190)).toBe(165);
    const i = intensityOf(strides, { hrMaxBpm: 190, thresholdPaceSPerKm: null });
    expect(i).toMatchObject({
      thresholdHrBpm: 165,
      aboveThresholdHrS: 120,
      aboveThresholdPaceS: null,
    });
    // HRmax 160 → 139 bpm: the easy 144 bpm counts too, every second but the last point's.
    expect(
      intensityOf(strides, { hrMaxBpm: 160, thresholdPaceSPerKm: null }).aboveThresholdHrS,
    ).toBe(1980);
  });

  it('without a threshold pace or HRmax: no threshold times, the fast bouts still counted', () => {
    const i = intensityOf(strides, { hrMaxBpm: null, thresholdPaceSPerKm: null });
    expect(i).toMatchObject({
      aboveThresholdPaceS: null,
      aboveThresholdHrS: null,
      thresholdHrBpm: null,
      fastS: 120,
    });
    expect(i.strides).toHaveLength(6);
    expect(i.hillRepeats).toEqual([]);
  });

  it('6 × 800 m: six fast intervals of 178 s are fast time (1,068 s), not strides', () => {
    const i = intensityOf(intervals800Plan(), { hrMaxBpm: null, thresholdPaceSPerKm: null });
    expect(i.strides).toEqual([]);
    // Detection keeps each bout within a few seconds of its 178 s.
    expect(Math.abs(i.fastS - 6 * 178)).toBeLessThanOrEqual(6 * 5);
  });

  it('4 hill repeats are counted with their climbs', () => {
    const i = intensityOf(hillRepeatsPlan(4), { hrMaxBpm: null, thresholdPaceSPerKm: null });
    expect(i.hillRepeats.map((c) => Math.round(c.gainM * 10) / 10)).toEqual([
      10.8, 10.8, 10.8, 10.8,
    ]);
    expect(i.fastS).toBe(0);
  });
});
