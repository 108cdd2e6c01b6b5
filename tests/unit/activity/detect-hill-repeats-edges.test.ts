// The edges of the hill-repeat rules (detect-hill-repeats.ts, docs/engine.md): a climb gains at
// least 8 m at a grade of at least 4 % and the runner comes back down at least half of it before
// the next one. Tracks here are a few points drawn by hand (one a second), so each turning point
// and each number is read straight off the points.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectHillRepeats } from '../../../shared/activity/detect-hill-repeats.ts';
import { SampleColumns } from '../../../shared/activity/sample-columns.ts';
import { track, type PlanStep } from '../../fixtures/generate-activity.ts';

/** One point a second at the given cumulative distances and elevations. */
function points(d: readonly number[], e: readonly number[]): Sample[] {
  return d.map((distanceM, i) => ({ t: 1_000_000 + i * 1000, distanceM, eleM: e[i] as number }));
}

const samplesOf = (plan: PlanStep[]): Sample[] =>
  track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM, eleM: p.eleM as number }));

describe('detectHillRepeats(): the limits of a climb', () => {
  it('counts a climb of exactly 8 m (100 m at 8 %), twice, as repeats', () => {
    const climbs = detectHillRepeats(points([0, 100, 200, 300, 400], [400, 408, 400, 408, 400]));
    expect(climbs).toEqual([
      { startS: 0, durationS: 1, distanceM: 100, gainM: 8 },
      { startS: 2, durationS: 1, distanceM: 100, gainM: 8 },
    ]);
  });

  it('counts a climb at exactly 4 % (8 m over 200 m)', () => {
    const climbs = detectHillRepeats(points([0, 200, 400, 600, 800], [400, 408, 400, 408, 400]));
    expect(climbs.map((c) => c.gainM / c.distanceM)).toEqual([0.04, 0.04]);
  });

  it('counts a climb followed by a descent of exactly half of it', () => {
    // Up 10 m, down 5 m, up 10 m, down 5 m: each climb came back down half its gain.
    const climbs = detectHillRepeats(points([0, 100, 200, 300, 400], [400, 410, 405, 415, 410]));
    expect(climbs.map((c) => [c.startS, c.gainM])).toEqual([
      [0, 10],
      [2, 10],
    ]);
  });

  it('leaves out a climb followed by less than half of it back down', () => {
    // Up 10.8 m (60 s at 3 m/s, 6 %), down 4.5 m (25 s), up 10.8 m, down 10.8 m: the first climb
    // is a step up a long hill, so only one repeat is left, and one is not repeats.
    const plan: PlanStep[] = [
      { durationS: 300, speedMps: 3, grade: 0 },
      { durationS: 60, speedMps: 3, grade: 0.06 },
      { durationS: 25, speedMps: 3, grade: -0.06 },
      { durationS: 60, speedMps: 3, grade: 0.06 },
      { durationS: 60, speedMps: 3, grade: -0.06 },
      { durationS: 300, speedMps: 3, grade: 0 },
    ];
    expect(detectHillRepeats(samplesOf(plan))).toEqual([]);
  });

  it('leaves out a last climb that ends at the finish, never run back down', () => {
    // Two climbs with their descents, then a third up to the end: two repeats, at 300 s and 420 s.
    const up: PlanStep = { durationS: 60, speedMps: 3, grade: 0.06 };
    const down: PlanStep = { durationS: 60, speedMps: 3, grade: -0.06 };
    const plan: PlanStep[] = [{ durationS: 300, speedMps: 3, grade: 0 }, up, down, up, down, up];
    expect(detectHillRepeats(samplesOf(plan)).map((c) => c.startS)).toEqual([300, 420]);
  });

  it('ignores a rise with no distance covered (a lift, or a watch that lost its distance)', () => {
    const climbs = detectHillRepeats(points([0, 0, 0, 0, 0], [400, 410, 400, 410, 400]));
    expect(climbs).toEqual([]);
  });

  it('needs three points with elevation and distance', () => {
    expect(detectHillRepeats(points([0, 100], [400, 420]))).toEqual([]);
    expect(detectHillRepeats([])).toEqual([]);
  });
});

describe('detectHillRepeats(): where a climb starts and ends', () => {
  it('starts a climb at the last point of a flat bottom and ends it at the first point of a flat top', () => {
    // Flat 5 min, up 60 s, level 30 s, down 60 s, level 30 s, up 60 s, level 30 s, down, flat.
    // Climbs: 300→360 s and 480→540 s, each 180 m and 10.8 m up (3 m/s × 60 s × 6 %).
    const s = (durationS: number, grade: number): PlanStep => ({ durationS, speedMps: 3, grade });
    const plan = [s(300, 0), s(60, 0.06), s(30, 0), s(60, -0.06), s(30, 0)];
    plan.push(s(60, 0.06), s(30, 0), s(60, -0.06), s(300, 0));
    const climbs = detectHillRepeats(samplesOf(plan));
    expect(climbs.map((c) => [c.startS, c.durationS, c.distanceM])).toEqual([
      [300, 60, 180],
      [480, 60, 180],
    ]);
    for (const c of climbs) expect(c.gainM).toBeCloseTo(10.8, 6);
  });

  it('times climbs from the first sample, even one without elevation, from objects or columns', () => {
    // A first point 10 s before the drawn track, with a distance but no elevation.
    const samples = [
      { t: 990_000, distanceM: 0 },
      ...points([0, 100, 200, 300, 400], [400, 410, 400, 410, 400]),
    ];
    const expected = [
      { startS: 10, durationS: 1, distanceM: 100, gainM: 10 },
      { startS: 12, durationS: 1, distanceM: 100, gainM: 10 },
    ];
    expect(detectHillRepeats(samples)).toEqual(expected);
    expect(detectHillRepeats(SampleColumns.fromSamples(samples))).toEqual(expected);
  });

  it('skips points whose elevation is not a number, or that have no distance', () => {
    const e = [400, 410, Number.NaN, 400, 410, 400];
    const samples = points([0, 100, 150, 200, 300, 400], e);
    samples.splice(2, 0, { t: 1_001_500, eleM: 300 });
    // Without the unreadable points: up 0→1 s, down to 3 s, up 3→4 s, down to 5 s.
    const expected = [
      [0, 100],
      [3, 100],
    ];
    const startAndDistance = (c: { startS: number; distanceM: number }) => [c.startS, c.distanceM];
    expect(detectHillRepeats(samples).map(startAndDistance)).toEqual(expected);
    expect(detectHillRepeats(SampleColumns.fromSamples(samples)).map(startAndDistance)).toEqual(
      expected,
    );
  });

  it('does not split a climb at a dip of less than 3 m', () => {
    // 400 → 405 → 404 → 410 → 400, twice, 50 m apart: the 1-m dip is GPS noise inside one climb
    // of 10 m over 150 m (6.7 %), so two climbs, from 0 s and from 4 s.
    const e = [400, 405, 404, 410, 400, 405, 404, 410, 400];
    const d = e.map((_, i) => 50 * i);
    expect(detectHillRepeats(points(d, e)).map((c) => [c.startS, c.gainM])).toEqual([
      [0, 10],
      [4, 10],
    ]);
  });

  it('finds repeats on a track that starts downhill', () => {
    // 410 → 400 → 410 → 400 → 410 → 400, 100 m apart: climbs from 1 s and from 3 s.
    const e = [410, 400, 410, 400, 410, 400];
    const climbs = detectHillRepeats(points([0, 100, 200, 300, 400, 500], e));
    expect(climbs.map((c) => c.startS)).toEqual([1, 3]);
  });

  it('turns at a fall of exactly 3 m, the hysteresis of the elevation gain', () => {
    // 400 → 410 → 407 → 417 → 400 → 410 → 400, 100 m apart: the 3-m fall after 410 is a turn, so
    // the climbs that came back down at least half are 407→417 (at 2 s) and 400→410 (at 4 s).
    const e = [400, 410, 407, 417, 400, 410, 400];
    const climbs = detectHillRepeats(points([0, 100, 200, 300, 400, 500, 600], e));
    expect(climbs.map((c) => [c.startS, c.gainM])).toEqual([
      [2, 10],
      [4, 10],
    ]);
  });
});
