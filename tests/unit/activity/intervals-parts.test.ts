// The pieces of the interval detection (intervals.ts), each with numbers worked by hand. Plans are
// generated at one point a second (distance = speed × time), and the speeds chosen (1.5, 2.5, 3.25,
// 4 m/s) add up exactly in floating point, so every bout's start, length and distance is exact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import {
  detectIntervals,
  resample,
  rollingMedian,
  sortedNumbers,
  trackOf,
} from '../../../shared/activity/intervals.ts';
import { SampleColumns } from '../../../shared/activity/sample-columns.ts';
import { track, type PlanStep } from '../../fixtures/generate-activity.ts';

const samplesOf = (plan: PlanStep[]): Sample[] =>
  track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM }));

const step = (durationS: number, speedMps: number): PlanStep => ({ durationS, speedMps });

describe('resample()', () => {
  it('interpolates the cumulative distance at each whole second from the first point', () => {
    // Points at 0 s (0 m), 1 s (2 m) and 3 s (10 m): at 2 s halfway between 2 m and 10 m = 6 m.
    const d = resample(Float64Array.of(5000, 6000, 8000), Float64Array.of(0, 2, 10), 3);
    expect([...d]).toEqual([0, 2, 6, 10]);
  });

  it('holds the last distance past the last point', () => {
    expect([...resample(Float64Array.of(0, 1000), Float64Array.of(0, 4), 3)]).toEqual([0, 4, 4, 4]);
  });
});

describe('trackOf()', () => {
  it('keeps only the points with a time and a distance, from objects or from columns', () => {
    const samples: Sample[] = [
      { t: 0 },
      { t: 1000, distanceM: 3 },
      { t: Number.NaN, distanceM: 4 },
      { t: 2000, distanceM: 6 },
      { t: Number.POSITIVE_INFINITY, distanceM: 7 },
    ];
    for (const input of [samples, SampleColumns.fromSamples(samples)]) {
      const { t, d } = trackOf(input);
      expect([...t]).toEqual([1000, 2000]);
      expect([...d]).toEqual([3, 6]);
    }
  });
});

describe('rollingMedian()', () => {
  it('takes the median of the window centred on each value, shorter at the ends', () => {
    // Window 3: [1,5]→5 (the upper of two), [1,5,2]→2, [5,2,8]→5, [2,8,3]→3, [8,3]→8.
    expect([...rollingMedian(Float64Array.of(1, 5, 2, 8, 3), 3)]).toEqual([5, 2, 5, 3, 8]);
  });

  it('sorts numerically, not as text (10 is above 9)', () => {
    // [9,10,2] sorted as numbers is [2,9,10]: median 9; as text it would be [10,2,9]: median 2.
    expect(rollingMedian(Float64Array.of(9, 10, 2), 3)[1]).toBe(9);
  });

  it('drops the value that leaves the window even when it repeats, window 5', () => {
    // [3,3,1]→3, [3,3,1,3]→3, [3,3,1,3,0]→3, [3,1,3,0,0]→1, [1,3,0,0,7]→1, [3,0,0,7]→3, [0,0,7]→0.
    const values = Float64Array.of(3, 3, 1, 3, 0, 0, 7);
    expect([...rollingMedian(values, 5)]).toEqual([3, 3, 3, 1, 1, 3, 0]);
  });

  it('is the median of each window by its definition, for any series and window', () => {
    // The definition written out: sort the window's values, take the upper middle one.
    const byDefinition = (values: number[], window: number) =>
      values.map((_, k) => {
        const half = window >> 1;
        const w = values.slice(Math.max(0, k - half), k + half + 1).sort((a, b) => a - b);
        return w[w.length >> 1];
      });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 12 }),
        (values, window) => {
          // −0 and 0 are the same speed, and no order tells them apart.
          const zeroAsZero = (xs: Array<number | undefined>) => xs.map((v) => (v === 0 ? 0 : v));
          expect(zeroAsZero([...rollingMedian(Float64Array.from(values), window)])).toEqual(
            zeroAsZero(byDefinition(values, window)),
          );
        },
      ),
    );
  });

  it('still gives each window a median when the series holds a gap (NaN)', () => {
    // Window 3 over [4, NaN, 2, 6]: no order places NaN, but the windows without it are exact:
    // [2,6]→6 at the end.
    const out = rollingMedian(Float64Array.of(4, Number.NaN, 2, 6), 3);
    expect(out).toHaveLength(4);
    expect(out[3]).toBe(6);
  });
});

describe('sortedNumbers()', () => {
  it('sorts ascending as numbers (10 after 9), negatives first', () => {
    expect([...sortedNumbers([10, -1, 9, 2.5])]).toEqual([-1, 2.5, 9, 10]);
  });

  it('keeps every value when one is NaN (which no order places)', () => {
    const out = [...sortedNumbers([3, Number.NaN, 1])];
    expect(out).toHaveLength(3);
    expect(out.filter((v) => !Number.isNaN(v)).sort()).toEqual([1, 3]);
  });
});

describe('detectIntervals(): bouts worked out from the plan', () => {
  it('splits 2:00 walk, 1:30 run at 4 m/s, 2:00 walk into rest, work, rest', () => {
    // Levels 1.5 and 4 m/s (4 ≥ 1.3 × 1.5, 2.5 m/s apart): threshold 2.75 m/s. The 7-s median keeps
    // each step where it is, so the bouts are the plan's: 120 s × 1.5 = 180 m, 90 s × 4 = 360 m.
    expect(detectIntervals(samplesOf([step(120, 1.5), step(90, 4), step(120, 1.5)]))).toEqual([
      { kind: 'rest', startS: 0, durationS: 120, distanceM: 180 },
      { kind: 'work', startS: 120, durationS: 90, distanceM: 360 },
      { kind: 'rest', startS: 210, durationS: 120, distanceM: 180 },
    ]);
  });

  it('keeps a short rest at the very start or end as rest: only a gap between two bouts joins them', () => {
    const plan = [step(20, 1.5), step(90, 4), step(120, 1.5), step(90, 4), step(20, 1.5)];
    expect(detectIntervals(samplesOf(plan))).toEqual([
      { kind: 'rest', startS: 0, durationS: 20, distanceM: 30 },
      { kind: 'work', startS: 20, durationS: 90, distanceM: 360 },
      { kind: 'rest', startS: 110, durationS: 120, distanceM: 180 },
      { kind: 'work', startS: 230, durationS: 90, distanceM: 360 },
      { kind: 'rest', startS: 320, durationS: 20, distanceM: 30 },
    ]);
  });

  it('keeps a rest of exactly 30 s between two bouts apart (shorter ones join them)', () => {
    const plan = [step(120, 1.5), step(60, 4), step(30, 1.5), step(60, 4), step(120, 1.5)];
    expect(detectIntervals(samplesOf(plan)).map((i) => [i.kind, i.durationS])).toEqual([
      ['rest', 120],
      ['work', 60],
      ['rest', 30],
      ['work', 60],
      ['rest', 120],
    ]);
  });

  it('reads a session of exactly 60 s (two bouts of 30 s) and keeps a work bout of exactly 30 s', () => {
    // 60 s is the shortest session analysed (2 × the 30-s shortest bout).
    expect(detectIntervals(samplesOf([step(30, 1.5), step(30, 4)]))).toEqual([
      { kind: 'rest', startS: 0, durationS: 30, distanceM: 45 },
      { kind: 'work', startS: 30, durationS: 30, distanceM: 120 },
    ]);
  });

  it('counts seconds from the first sample, even one without a distance', () => {
    // A first point 5 s before the track's first distance: every bout starts 5 s later.
    const samples = samplesOf([step(120, 1.5), step(90, 4), step(120, 1.5)]);
    const withLead: Sample[] = [{ t: (samples[0] as Sample).t - 5000 }, ...samples];
    expect(detectIntervals(withLead).map((i) => i.startS)).toEqual([5, 125, 215]);
    expect(detectIntervals(SampleColumns.fromSamples(withLead)).map((i) => i.startS)).toEqual([
      5, 125, 215,
    ]);
  });

  it('needs the fast level at least 1.3 × the slow one: 3.25 m/s against 2.5 m/s is just enough', () => {
    // 2.5 × 1.3 = 3.25 exactly, and 0.75 m/s apart (more than the 0.5 m/s asked).
    const plan = (fast: number) => [step(120, 2.5), step(90, fast), step(120, 2.5)];
    expect(detectIntervals(samplesOf(plan(3.25))).map((i) => i.kind)).toEqual([
      'rest',
      'work',
      'rest',
    ]);
    // 3 m/s is only 1.2 × 2.5: one level, a steady run.
    expect(detectIntervals(samplesOf(plan(3)))).toEqual([]);
    // …unless the caller asks for less contrast.
    expect(detectIntervals(samplesOf(plan(3)), { minContrast: 1.1 })).toHaveLength(3);
  });

  it('needs the two levels at least 0.5 m/s apart, whatever their ratio', () => {
    // 1.25 against 1.5 is 1.2 ×; 1.5 against 2 m/s: 1.33 × and exactly 0.5 m/s apart: two levels.
    // 1 against 1.375 m/s: 1.375 × but only 0.375 m/s apart: one level.
    const plan = (slow: number, fast: number) => [step(120, slow), step(90, fast), step(120, slow)];
    expect(detectIntervals(samplesOf(plan(1.5, 2)))).toHaveLength(3);
    expect(detectIntervals(samplesOf(plan(1, 1.375)))).toEqual([]);
  });

  it('applies the caller’s shortest bout, shortest gap and median window', () => {
    const plan = [step(120, 1.5), step(40, 4), step(40, 1.5), step(40, 4), step(120, 1.5)];
    // Defaults: the 40-s rest between two 40-s bouts stays a rest.
    expect(detectIntervals(samplesOf(plan)).filter((i) => i.kind === 'work')).toHaveLength(2);
    // A 45-s shortest gap joins them into one bout of 120 s.
    expect(
      detectIntervals(samplesOf(plan), { minGapS: 45 })
        .filter((i) => i.kind === 'work')
        .map((i) => i.durationS),
    ).toEqual([120]);
    // A 45-s shortest bout drops both: no work at all, so no intervals.
    expect(detectIntervals(samplesOf(plan), { minWorkS: 45 })).toEqual([]);
  });

  it('analyses nothing longer than the caller’s longest session', () => {
    const plan = [step(120, 1.5), step(90, 4), step(120, 1.5)];
    expect(detectIntervals(samplesOf(plan), { maxDurationS: 329 })).toEqual([]);
    expect(detectIntervals(samplesOf(plan), { maxDurationS: 330 })).toHaveLength(3);
  });
});
