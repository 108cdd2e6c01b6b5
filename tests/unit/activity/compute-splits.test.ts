import { describe, expect, it } from 'vitest';
import { computeSplits } from '../../../shared/activity/compute-splits.ts';

const at = (s: number, d: number, more: { hrBpm?: number; eleM?: number } = {}) => ({
  t: 1_700_000_000_000 + s * 1000,
  distanceM: d,
  ...more,
});

describe('computeSplits()', () => {
  it('closes a split on a sample that lands on the boundary', () => {
    const splits = computeSplits(
      [at(0, 0), at(200, 500), at(400, 1000), at(700, 1500), at(1000, 2000)],
      1000,
    );
    expect(splits.map((s) => [s.n, s.distanceM, s.durationS])).toEqual([
      [1, 1000, 400],
      [2, 1000, 600],
    ]);
  });

  it('interpolates the crossing between samples, with HR time-weighted and elevation change', () => {
    // 500 m at 100 s, 1500 m at 300 s: 1000 m is crossed halfway, at 200 s, elevation 30 m.
    // Split 1: HR 120 for 100 s, 140 for 100 s → 130; elevation 10 → 30 = +20.
    // Split 2 (800 m in 200 s): HR 140 for 100 s, 160 for 100 s → 150; elevation 30 → 30 = 0.
    const splits = computeSplits(
      [
        at(0, 0, { hrBpm: 120, eleM: 10 }),
        at(100, 500, { hrBpm: 140, eleM: 20 }),
        at(300, 1500, { hrBpm: 160, eleM: 40 }),
        at(400, 1800, { eleM: 30 }),
      ],
      1000,
    );
    expect(splits).toEqual([
      { n: 1, distanceM: 1000, durationS: 200, avgHrBpm: 130, eleChangeM: 20 },
      { n: 2, distanceM: 800, durationS: 200, avgHrBpm: 150, eleChangeM: 0 },
    ]);
  });

  it('counts a stop inside a split as part of its time (elapsed, as a watch does)', () => {
    const splits = computeSplits([at(0, 0), at(100, 500), at(160, 500), at(260, 1000)], 1000);
    expect(splits.map((s) => s.durationS)).toEqual([260]);
  });

  it('splits by the mile: 1609.344 m at 1 m/s is 1609.344 s, then the 390.656 m left', () => {
    const splits = computeSplits([at(0, 0), at(2000, 2000)], 1609.344);
    expect(splits).toHaveLength(2);
    expect(splits[0]?.durationS).toBeCloseTo(1609.344, 6);
    expect(splits[1]?.distanceM).toBeCloseTo(390.656, 6);
  });

  it('drops a last piece under 10 m, and gives nothing without distances', () => {
    expect(computeSplits([at(0, 0), at(1002, 1005)], 1000)).toHaveLength(1);
    expect(computeSplits([{ t: 0 }, { t: 1000 }], 1000)).toEqual([]);
  });

  it('keeps a last piece of exactly 10 m', () => {
    const splits = computeSplits([at(0, 0), at(1010, 1010)], 1000);
    expect(splits.map((s) => s.distanceM)).toEqual([1000, 10]);
  });

  it('counts the heart rate of a stop in the split under way', () => {
    // 100 s at 100 bpm running, 60 s stopped (the reading before the stop, 100 bpm, held), then
    // 100 s at 160 bpm: (100 × 100 + 100 × 60 + 160 × 100) / 260 = 32000 / 260.
    const splits = computeSplits(
      [
        at(0, 0, { hrBpm: 100 }),
        at(100, 500, { hrBpm: 100 }),
        at(160, 500, { hrBpm: 160 }),
        at(260, 1000),
      ],
      1000,
    );
    expect(splits).toHaveLength(1);
    expect(splits[0]?.avgHrBpm).toBeCloseTo(32000 / 260, 9);
  });

  it('counts no heart rate for a stop whose samples carry none', () => {
    // 100 s at 100 bpm, then a stop and a run whose samples have no heart rate: 100 bpm.
    const splits = computeSplits(
      [at(0, 0, { hrBpm: 100 }), at(100, 500), at(160, 500), at(260, 1000)],
      1000,
    );
    expect(splits[0]?.avgHrBpm).toBe(100);
  });

  it('skips samples whose distance is not a number', () => {
    const splits = computeSplits([at(0, 0), at(100, Number.NaN), at(400, 1000)], 1000);
    expect(splits.map((s) => [s.distanceM, s.durationS])).toEqual([[1000, 400]]);
    // Between 500 m at 100 s and 1500 m at 300 s, 1000 m is crossed at 200 s, whatever the
    // unreadable sample between them.
    const around = computeSplits(
      [at(0, 0), at(100, 500), at(200, Number.NaN), at(300, 1500)],
      1000,
    );
    expect(around.map((s) => [s.distanceM, s.durationS])).toEqual([
      [1000, 200],
      [500, 100],
    ]);
  });

  it('gives no elevation change for a split whose start or end has no elevation', () => {
    // The 1000-m boundary falls between a point without elevation and one with it.
    const splits = computeSplits(
      [at(0, 0, { eleM: 10 }), at(100, 500), at(300, 1500, { eleM: 40 })],
      1000,
    );
    expect(splits).toEqual([
      { n: 1, distanceM: 1000, durationS: 200 },
      { n: 2, distanceM: 500, durationS: 100 },
    ]);
  });

  it('gives no elevation change when the boundary falls just before a point without one', () => {
    const splits = computeSplits(
      [at(0, 0, { eleM: 10 }), at(100, 500, { eleM: 20 }), at(300, 1500)],
      1000,
    );
    expect(splits).toEqual([
      { n: 1, distanceM: 1000, durationS: 200 },
      { n: 2, distanceM: 500, durationS: 100 },
    ]);
  });

  it('ends the last split at the last elevation recorded, when the last point has none', () => {
    // Split 1 ends on the 1000-m sample (20 m): +10. Split 2 runs to 1800 m, whose point has no
    // elevation: the last one seen, 35 m at 1500 m, stands for it: 35 − 20 = +15.
    const splits = computeSplits(
      [
        at(0, 0, { eleM: 10 }),
        at(100, 1000, { eleM: 20 }),
        at(200, 1500, { eleM: 35 }),
        at(250, 1800),
      ],
      1000,
    );
    expect(splits.map((s) => [s.durationS, s.eleChangeM])).toEqual([
      [100, 10],
      [150, 15],
    ]);
  });

  it('gives no heart rate to a split whose samples carry none', () => {
    const splits = computeSplits([at(0, 0, { hrBpm: 120 }), at(100, 1000), at(300, 2000)], 1000);
    expect(splits[0]?.avgHrBpm).toBe(120);
    expect(splits[1]).toEqual({ n: 2, distanceM: 1000, durationS: 200 });
  });

  it('rejects a split length that is not positive, or not a number', () => {
    expect(() => computeSplits([], 0)).toThrow('invalid splitM: 0');
    expect(() => computeSplits([], -1000)).toThrow('invalid splitM: -1000');
    expect(() => computeSplits([], Number.NaN)).toThrow('invalid splitM: NaN');
  });
});
