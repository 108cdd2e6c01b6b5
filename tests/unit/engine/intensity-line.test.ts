// The intensity line: runs' intensity summed per day and Monday–Sunday week, by the basis.
import { describe, expect, it } from 'vitest';
import type { ActivityIntensity } from '#shared/engine/compute-intensity';
import { intensityBasisOf, intensityLineOf } from '#shared/engine/intensity-line';

const stride = { startS: 0, durationS: 20, distanceM: 100 };
const climb = { startS: 0, durationS: 60, distanceM: 180, gainM: 10.8 };
const run = (
  pace: number | null,
  hr: number | null,
  fastS: number,
  strides = 0,
  hills = 0,
): ActivityIntensity => ({
  strides: new Array(strides).fill(stride),
  hillRepeats: new Array(hills).fill(climb),
  fastS,
  aboveThresholdPaceS: pace,
  aboveThresholdHrS: hr,
  thresholdHrBpm: hr === null ? null : 165,
});

// Sun 22 Nov, Mon 23 Nov (two runs), Wed 25 Nov: weeks of Mon 16 and Mon 23 Nov 2026.
const runs = [
  { localDate: '2026-11-22', intensity: run(100, 60, 120, 6) },
  { localDate: '2026-11-23', intensity: run(30, null, 40, 2) },
  { localDate: '2026-11-23', intensity: run(null, 90, 0, 0, 4) },
  { localDate: '2026-11-25', intensity: run(0, 0, 0) },
];

describe('intensityBasisOf()', () => {
  it.each([
    [{ thresholdPaceSPerKm: 270, hrMaxBpm: 190 }, 'pace'],
    [{ thresholdPaceSPerKm: null, hrMaxBpm: 190 }, 'heart_rate'],
    [{ thresholdPaceSPerKm: null, hrMaxBpm: null }, 'fast_bouts'],
  ] as const)('%o measures against %s', (profile, basis) => {
    expect(intensityBasisOf(profile)).toBe(basis);
  });
});

describe('intensityLineOf()', () => {
  it('sums pace time per day and week; a run without a threshold pace counts 0 s', () => {
    const { days, weeks } = intensityLineOf(runs, 'pace');
    expect(days).toEqual([
      { day: '2026-11-22', aboveThresholdS: 100, fastS: 120, strides: 6, hillRepeats: 0, runs: 1 },
      { day: '2026-11-23', aboveThresholdS: 30, fastS: 40, strides: 2, hillRepeats: 4, runs: 2 },
      { day: '2026-11-25', aboveThresholdS: 0, fastS: 0, strides: 0, hillRepeats: 0, runs: 1 },
    ]);
    expect(weeks).toEqual([
      {
        weekStart: '2026-11-16',
        aboveThresholdS: 100,
        fastS: 120,
        strides: 6,
        hillRepeats: 0,
        runs: 1,
      },
      {
        weekStart: '2026-11-23',
        aboveThresholdS: 30,
        fastS: 40,
        strides: 2,
        hillRepeats: 4,
        runs: 3,
      },
    ]);
  });

  it('sums heart-rate time, or the fast bouts, by the basis', () => {
    expect(intensityLineOf(runs, 'heart_rate').weeks.map((w) => w.aboveThresholdS)).toEqual([
      60, 90,
    ]);
    expect(intensityLineOf(runs, 'fast_bouts').weeks.map((w) => w.aboveThresholdS)).toEqual([
      120, 40,
    ]);
  });

  it('gives no days and no weeks without runs', () => {
    expect(intensityLineOf([], 'pace')).toEqual({ days: [], weeks: [] });
  });
});
