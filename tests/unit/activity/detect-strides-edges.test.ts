// The edges of stride detection (detect-strides.ts): the shortest run it reads, what counts as
// running, strides at the very start, and times counted from the first sample. Plans are generated
// at one point a second (distance = speed × time), so each stride's numbers are worked by hand.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectStrides } from '../../../shared/activity/detect-strides.ts';
import { SampleColumns } from '../../../shared/activity/sample-columns.ts';
import { track, type PlanStep } from '../../fixtures/generate-activity.ts';

const samplesOf = (plan: PlanStep[]): Sample[] =>
  track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM }));

const step = (durationS: number, speedMps: number): PlanStep => ({ durationS, speedMps });

describe('detectStrides(): edges', () => {
  it('reads a run of exactly 2 min: 50 s easy, a 20-s stride, 50 s easy', () => {
    // All 120 s are running (faster than 2 m/s): easy = the median, 3 m/s; fast = 3.9 m/s.
    expect(detectStrides(samplesOf([step(50, 3), step(20, 5), step(50, 3)]))).toEqual([
      { startS: 50, durationS: 20, distanceM: 100 },
    ]);
  });

  it('reads nothing from no samples, or from a run shorter than 2 min', () => {
    expect(detectStrides([])).toEqual([]);
    // 119 s: 50 s easy, a 20-s stride, 49 s easy.
    expect(detectStrides(samplesOf([step(50, 3), step(20, 5), step(49, 3)]))).toEqual([]);
  });

  it('needs 2 min of running, not a session of 2 min: 30 s walking, then 119 s running', () => {
    // 49 s easy, a 20-s stride, 50 s easy: 119 running seconds, one short of an easy pace.
    const plan = [step(30, 1.5), step(49, 3), step(20, 5), step(50, 3)];
    expect(detectStrides(samplesOf(plan))).toEqual([]);
    // One more second of easy running, and the stride counts.
    const longer = [step(30, 1.5), step(49, 3), step(20, 5), step(51, 3)];
    expect(detectStrides(samplesOf(longer))).toEqual([
      { startS: 79, durationS: 20, distanceM: 100 },
    ]);
  });

  it('counts 2 m/s as walking: a burst inside a brisk walk is no stride', () => {
    // Only the 20 s at 5 m/s are faster than walking: under the 2 min of running it needs.
    expect(detectStrides(samplesOf([step(600, 2), step(20, 5), step(60, 2)]))).toEqual([]);
  });

  it('counts a stride at exactly 1.3 × the easy pace: 3.25 m/s against 2.5 m/s', () => {
    // 2.5 × 1.3 = 3.25 exactly (and 0.75 m/s faster): each 20-s stride is at the fast level.
    const plan = [step(600, 2.5), step(20, 3.25), step(100, 2.5), step(20, 3.25), step(300, 2.5)];
    expect(detectStrides(samplesOf(plan)).map((s) => s.startS)).toEqual([600, 720]);
  });

  it('finds a stride at the very start and one at the very end of a run', () => {
    // No bout before the first or after the last: the activity's edges count as recovery.
    const plan = [step(20, 5), step(600, 3), step(20, 5)];
    expect(detectStrides(samplesOf(plan))).toEqual([
      { startS: 0, durationS: 20, distanceM: 100 },
      { startS: 620, durationS: 20, distanceM: 100 },
    ]);
  });

  it('counts seconds from the first sample, even one without a distance, objects or columns', () => {
    const samples = samplesOf([step(50, 3), step(20, 5), step(50, 3)]);
    const withLead: Sample[] = [{ t: (samples[0] as Sample).t - 7000 }, ...samples];
    const expected = [{ startS: 57, durationS: 20, distanceM: 100 }];
    expect(detectStrides(withLead)).toEqual(expected);
    expect(detectStrides(SampleColumns.fromSamples(withLead))).toEqual(expected);
  });

  it('reads a session of exactly 48 h, and none longer', () => {
    // Sparse points, with the distance interpolated between them: 3 m/s for 24 h, a 20-s stride
    // at 5 m/s, 3 m/s to 48 h. Longer than 48 h is not one session.
    const t0 = 1_000_000;
    const half = 24 * 3600;
    const pts = (endS: number): Sample[] => [
      { t: t0, distanceM: 0 },
      { t: t0 + half * 1000, distanceM: 3 * half },
      { t: t0 + (half + 20) * 1000, distanceM: 3 * half + 100 },
      { t: t0 + endS * 1000, distanceM: 3 * half + 100 + 3 * (endS - half - 20) },
    ];
    expect(detectStrides(pts(48 * 3600))).toEqual([
      { startS: half, durationS: 20, distanceM: 100 },
    ]);
    expect(detectStrides(pts(48 * 3600 + 1))).toEqual([]);
  });
});
