// How the interval detection (intervals.ts) splits speeds into two levels, worked by hand on
// generated sessions (one point a second, distance = speed × time, speeds exact in floating
// point): sessions with three speeds, where the split must be iterated to the two means; the
// pause rule, which keeps a long stop out of the levels; the smoothing; and the session limits.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectIntervals, resample } from '../../../shared/activity/intervals.ts';
import { track, type PlanStep } from '../../fixtures/generate-activity.ts';

const samplesOf = (plan: PlanStep[]): Sample[] =>
  track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM }));
const step = (durationS: number, speedMps: number): PlanStep => ({ durationS, speedMps });
const kinds = (plan: PlanStep[]) =>
  detectIntervals(samplesOf(plan)).map((i) => [i.kind, i.startS, i.durationS]);

describe('detectIntervals(): two levels out of three speeds', () => {
  it('iterates the split to the two means: a 2.5 m/s jog joins the walking, not the strides', () => {
    // 125 s at 1.5, 50 s at 2.5, 33 s at 5.5, 125 s at 1.5 m/s. The 10th and 90th percentiles are
    // 1.5 and 2.5 (only 33 of 333 s are at 5.5): split at 2.0. The means then are 1.5 and
    // (50 × 2.5 + 33 × 5.5) / 83 = 3.69, split at 2.60: the jog falls below; the means become
    // 1.67 and 5.5, split at 3.58, where it stays. Only the 33 s at 5.5 m/s are work.
    const plan = [step(125, 1.5), step(50, 2.5), step(33, 5.5), step(125, 1.5)];
    expect(detectIntervals(samplesOf(plan))).toEqual([
      { kind: 'rest', startS: 0, durationS: 175, distanceM: 312.5 },
      { kind: 'work', startS: 175, durationS: 33, distanceM: 181.5 },
      { kind: 'rest', startS: 208, durationS: 125, distanceM: 187.5 },
    ]);
  });

  it('puts a speed exactly at the first split on the fast side', () => {
    // 100 s at 1.5, 40 s at 3.0, 90 s at 4.5, 100 s at 1.5: percentiles 1.5 and 4.5, split at 3.0;
    // 3.0 counts as fast, the means are 1.5 and (40 × 3 + 90 × 4.5) / 130 = 4.04, split at 2.77:
    // the 40 s at 3.0 m/s are work, run together with the 90 s after them.
    const plan = [step(100, 1.5), step(40, 3), step(90, 4.5), step(100, 1.5)];
    expect(kinds(plan)).toEqual([
      ['rest', 0, 100],
      ['work', 100, 130],
      ['rest', 230, 100],
    ]);
  });
});

describe('detectIntervals(): pauses', () => {
  it('keeps a long stop out of the levels: run, 10 minutes standing, then a slow jog home', () => {
    // 100 s at 3, 600 s standing, 100 s at 2 m/s. Standing is paused (under 30 m in 45 s) except
    // for 21 s at its edges, so the levels are 3 m/s and about 1.65 m/s (the jog and those 21 s
    // at 0): split at 2.33, and the jog is rest. Counted in, the 600 s at 0 would make the jog
    // work.
    const plan = [step(100, 3), step(600, 0), step(100, 2)];
    expect(detectIntervals(samplesOf(plan))).toEqual([
      { kind: 'work', startS: 0, durationS: 100, distanceM: 300 },
      { kind: 'rest', startS: 100, durationS: 700, distanceM: 200 },
    ]);
  });
});

describe('detectIntervals(): pauses, judged over 45 s around each second', () => {
  it('reads a run resumed after a 10-minute stop as work from its first second', () => {
    // 100 s at 3, 600 s standing, 100 s at 3 m/s: 45 s around the first second after the stop
    // hold 69 m (23 s at 3 m/s), over the 30 m of a pause, so the second bout is all work.
    const plan = [step(100, 3), step(600, 0), step(100, 3)];
    expect(detectIntervals(samplesOf(plan))).toEqual([
      { kind: 'work', startS: 0, durationS: 100, distanceM: 300 },
      { kind: 'rest', startS: 100, durationS: 600, distanceM: 0 },
      { kind: 'work', startS: 700, durationS: 100, distanceM: 300 },
    ]);
  });
});

describe('detectIntervals(): smoothing', () => {
  it('smooths away a 1-s burst just before a bout, unless the caller asks for no smoothing', () => {
    // 118 s at 1.5, 1 s at 4, 1 s at 1.5, then the bout. Over 7 s the burst is outvoted where it
    // is (4 slow seconds of 7), and the slow second after it is outvoted by the bout: work starts
    // at 119 s. Unsmoothed, the burst is work and the 1-s gap after it joins the bout: 118 s.
    const plan = [step(118, 1.5), step(1, 4), step(1, 1.5), step(90, 4), step(120, 1.5)];
    expect(kinds(plan)).toEqual([
      ['rest', 0, 119],
      ['work', 119, 91],
      ['rest', 210, 120],
    ]);
    const raw = detectIntervals(samplesOf(plan), { medianWindowS: 1 });
    expect(raw.map((i) => [i.kind, i.startS, i.durationS])).toEqual([
      ['rest', 0, 118],
      ['work', 118, 92],
      ['rest', 210, 120],
    ]);
  });

  it('folds a burst too short for a bout into the rest around it', () => {
    const plan = [step(120, 1.5), step(20, 4), step(120, 1.5), step(90, 4), step(120, 1.5)];
    expect(detectIntervals(samplesOf(plan))).toEqual([
      { kind: 'rest', startS: 0, durationS: 260, distanceM: 440 },
      { kind: 'work', startS: 260, durationS: 90, distanceM: 360 },
      { kind: 'rest', startS: 350, durationS: 120, distanceM: 180 },
    ]);
  });
});

describe('detectIntervals(): sessions it does not read', () => {
  it('reads no session shorter than 60 s, even with two levels', () => {
    expect(detectIntervals(samplesOf([step(20, 1.5), step(30, 4)]))).toEqual([]);
  });

  it('reads nothing from samples without a distance', () => {
    expect(detectIntervals(track([step(300, 3)]).map((p) => ({ t: p.t })))).toEqual([]);
  });

  it('reads a session of 48 h, not one longer', () => {
    // Sparse points, the distance interpolated between them: 24 h at 1.5 m/s, 6 h at 4 m/s (more
    // than a tenth of the session, so a level of its own), then 1.5 m/s to the end.
    const day = 86_400;
    const points = (endS: number): Sample[] => [
      { t: 0, distanceM: 0 },
      { t: day * 1000, distanceM: 1.5 * day },
      { t: (day + 6 * 3600) * 1000, distanceM: 1.5 * day + 4 * 6 * 3600 },
      { t: endS * 1000, distanceM: 1.5 * day + 4 * 6 * 3600 + 1.5 * (endS - day - 6 * 3600) },
    ];
    expect(detectIntervals(points(2 * day)).map((i) => [i.kind, i.startS, i.durationS])).toEqual([
      ['rest', 0, day],
      ['work', day, 6 * 3600],
      ['rest', day + 6 * 3600, 18 * 3600],
    ]);
    expect(detectIntervals(points(2 * day + 1))).toEqual([]);
  });
});

describe('resample()', () => {
  it('interpolates from the last of several points at the same time', () => {
    // Points at 0 s (0 m), 1 s (2 m), 1 s again (4 m), 3 s (8 m): from 1 s the later 4 m holds,
    // and 2 s is halfway from it to 8 m.
    const d = resample(Float64Array.of(0, 1000, 1000, 3000), Float64Array.of(0, 2, 4, 8), 3);
    expect([...d]).toEqual([0, 4, 6, 8]);
  });
});
