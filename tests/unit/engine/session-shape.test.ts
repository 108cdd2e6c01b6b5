// science.md §6: "A walk-run session must come out as its run and walk bouts, so that the app can
// compare it with the stage's prescription"; the walking limit is 2 m/s (a bout at 2 m/s or slower
// is walking), and among running laps one at least 1.3 × the median running lap is fast (the
// detection's two-level contrast). Bouts are written by hand: distance = seconds × speed.
import { describe, expect, it } from 'vitest';
import {
  sessionShapesOf,
  shapeOfIntervals,
  shapeOfLaps,
  withStrides,
} from '../../../shared/engine/session-shape.ts';
import { bouts, walkRun } from '../../fixtures/session-intervals.ts';

/** Laps back to back: [seconds, m/s]. */
const laps = (...xs: Array<[number, number]>) =>
  bouts(...xs.map(([s, v]) => ['rest', s, v] as ['rest', number, number]));
const run = { movingS: 1800, distanceM: 5400 };

describe('shapeOfIntervals()', () => {
  it('reads a walk-run as its runs, the walks between them and the walk home', () => {
    // a 5-min walk, 3 × (1:00 at 3 m/s = 180 m, 2:00 walk), the last walk 5:00
    expect(shapeOfIntervals(walkRun(3, 60, 120, 300), run)).toEqual({
      source: 'intervals',
      runs: [
        { startS: 300, durationS: 60, distanceM: 180 },
        { startS: 480, durationS: 60, distanceM: 180 },
        { startS: 660, durationS: 60, distanceM: 180 },
      ],
      breaksS: [120, 120],
      walkedAfterS: 300,
      surges: [],
    });
  });

  it('takes a rest bout at 2 m/s as a walk break, faster as easy running', () => {
    const at = (v: number) =>
      shapeOfIntervals(bouts(['work', 60, 3], ['rest', 60, v], ['work', 60, 3]), run);
    expect(at(2)).toMatchObject({ runs: [{ durationS: 60 }, { durationS: 60 }], breaksS: [60] });
    expect(at(2.1)).toMatchObject({ runs: [{ durationS: 180, distanceM: 486 }], breaksS: [] });
    expect(at(2.1).surges).toHaveLength(2); // the work bouts of a run with easy running
  });

  it('is one steady stretch without intervals, and nothing without moving time', () => {
    expect(shapeOfIntervals([], run)).toEqual({
      source: 'steady',
      runs: [{ startS: 0, durationS: 1800, distanceM: 5400 }],
      breaksS: [],
      walkedAfterS: 0,
      surges: [],
    });
    expect(shapeOfIntervals([], { movingS: 0, distanceM: 0 }).runs).toEqual([]);
  });
});

describe('shapeOfLaps()', () => {
  it('needs two laps', () => {
    expect(shapeOfLaps(laps([600, 3]))).toBeNull();
    expect(shapeOfLaps(laps([600, 3], [600, 3]))?.source).toBe('laps');
  });

  it('takes 1.3 × the median running lap as fast, and 2 m/s as walking', () => {
    // running laps 2.5, 2.5 and 3.25 m/s: median 2.5, 1.3 × 2.5 = 3.25 → the last one is fast
    const shape = shapeOfLaps(laps([300, 2.5], [100, 3.25], [120, 2], [300, 2.5]));
    expect(shape).toMatchObject({
      runs: [
        { startS: 0, durationS: 400 },
        { startS: 520, durationS: 300 },
      ],
      breaksS: [120],
      surges: [{ startS: 300, durationS: 100, distanceM: 325 }],
    });
    expect(shape?.walkedAfterS).toBe(0);
  });

  it('takes the median of the running laps only, in order of speed', () => {
    // running 3.5, 4.0, 3.0, 2.4 m/s: sorted 2.4, 3.0, 3.5, 4.0, median (the upper middle) 3.5,
    // fast from 4.55: none is fast. The walking laps do not lower the median, nor does the laps'
    // order pick it (3.0 in the middle would make 4.0 fast).
    const shape = shapeOfLaps(laps([300, 3.5], [120, 2], [300, 4], [120, 2], [300, 3], [300, 2.4]));
    expect(shape?.surges).toEqual([]);
    expect(shape?.runs).toHaveLength(3);
  });

  it('takes a lap of no time as standing, whatever distance it says', () => {
    const shape = shapeOfLaps([
      ...laps([600, 3], [600, 2.5]),
      { startS: 1200, durationS: 0, distanceM: 5 },
    ]);
    expect(shape?.surges).toEqual([]);
  });
});

describe('withStrides()', () => {
  it('adds the strides no surge covers, in order of time, and keeps the surges', () => {
    const shape = sessionShapesOf({ intervals: [], laps: [], ...run })[0];
    const surge = { startS: 100, durationS: 30, distanceM: 150 };
    const base = { ...(shape as NonNullable<typeof shape>), surges: [surge] };
    const before = { startS: 50, durationS: 20, distanceM: 100 };
    const touching = { startS: 80, durationS: 20, distanceM: 100 }; // ends as the surge starts
    const inside = { startS: 110, durationS: 10, distanceM: 50 };
    const after = { startS: 130, durationS: 15, distanceM: 75 }; // starts as the surge ends
    expect(withStrides(base, [after, inside, touching, before]).surges).toEqual([
      before,
      touching,
      surge,
      after,
    ]);
    expect(withStrides(base, [inside]).surges).toEqual([surge]);
  });

  it('reads a session every way it can, with its strides and hill repeats', () => {
    const shapes = sessionShapesOf({
      intervals: [],
      laps: laps([600, 3], [600, 3]),
      ...run,
      strides: [{ startS: 50, durationS: 20, distanceM: 100 }],
      hillRepeats: 4,
    });
    expect(shapes.map((s) => [s.source, s.surges.length, s.hillRepeats])).toEqual([
      ['steady', 1, 4],
      ['laps', 1, 4],
    ]);
  });
});
