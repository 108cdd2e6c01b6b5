// science.md §1: "rTSS … 100 x hours x IF², IF = normalised graded speed / threshold speed (use
// speeds, not min/km)". Normalised speed: the 30-s rolling mean of the grade-adjusted speed, then
// the 4th-power mean over the moving time; pauses (gaps over 60 s, under 0.5 m/s) are not moving
// time. Every expected number below is worked from those definitions.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { computeRtss, runningCostOf } from '../../../shared/engine/compute-rtss.ts';

/** Samples every `dtS` seconds along `speedAt(second)` m/s, from t = 0 and distance 0. */
function stream(seconds: number, dtS: number, speedAt: (s: number) => number): Sample[] {
  const out: Sample[] = [{ t: 0, distanceM: 0 }];
  let d = 0;
  for (let s = dtS; s <= seconds; s += dtS) {
    d += speedAt(s) * dtS;
    out.push({ t: s * 1000, distanceM: d });
  }
  return out;
}
const rtssOf = (samples: Sample[], pace = 250) =>
  computeRtss({ samples, distanceM: 0, movingS: 0 }, pace);

describe('computeRtss() from a stream', () => {
  it('averages over 30 s before the 4th power: 30 min of (20 s at 3 m/s, 10 s at 6 m/s)', () => {
    // Points every 2 s: 900 steps of 2 s; step k covers seconds 2k−2 … 2k, at 3 m/s for the first
    // 10 steps of each 15 and 6 m/s for the last 5. A 30-s window holds 15 steps: from step 15 on
    // one whole period, mean (10 × 3 + 5 × 6)/15 = 4. Before it, steps 1…k: 3 up to k = 10, then
    // (30 + 6(k − 10))/k for k = 11…14.
    const pattern = (s: number) => ((s - 1) % 30 < 20 ? 3 : 6);
    let sum4 = 10 * 3 ** 4 * 2 + (900 - 14) * 4 ** 4 * 2;
    for (let k = 11; k <= 14; k++) sum4 += ((30 + 6 * (k - 10)) / k) ** 4 * 2;
    const ngs = (sum4 / 1800) ** 0.25;
    const r = rtssOf(stream(1800, 2, pattern));
    expect(r.ngsMps).toBeCloseTo(ngs, 9);
    expect(r.hours).toBe(0.5);
    // 4:10/km = 1000/250 = 4 m/s; rTSS = 100 × 0.5 h × (ngs/4)²
    expect(r.value).toBeCloseTo(100 * 0.5 * (ngs / 4) ** 2, 9);
    expect(r).toMatchObject({ basis: 'samples', notes: [] });
  });

  it('grades the speed from the point about 30 s back, once it is more than 5 m behind', () => {
    // 2.5 m/s up a steady 10 % for 10 min, a point a second. Seconds 1 and 2 are 2.5 and 5 m from
    // the start: no grade yet (speed 2.5); from second 3 on, +10 %: 2.5 × C(0.1)/C(0) = 2.5 × g.
    const g = runningCostOf(0.1) / runningCostOf(0);
    const samples = stream(600, 1, () => 2.5).map((p) => ({
      ...p,
      eleM: 0.1 * (p.distanceM ?? 0),
    }));
    // 30-s means: seconds 1–2 → 2.5; T = 3…30 → (2 × 2.5 + (T − 2) × 2.5g)/T;
    // T = 31 → (2.5 + 29 × 2.5g)/30; from T = 32 on, 2.5g.
    let sum4 = 2 * 2.5 ** 4 + ((2.5 + 29 * 2.5 * g) / 30) ** 4 + (600 - 31) * (2.5 * g) ** 4;
    for (let T = 3; T <= 30; T++) sum4 += ((2 * 2.5 + (T - 2) * 2.5 * g) / T) ** 4;
    expect(rtssOf(samples).ngsMps).toBeCloseTo((sum4 / 600) ** 0.25, 9);
  });

  it('takes no grade from a point without elevation, and no elevation at all as flat', () => {
    const flat = stream(600, 1, () => 2.5);
    expect(rtssOf(flat).ngsMps).toBeCloseTo(2.5, 12);
    // the start without elevation: the first 30 s have no grade to take, the rest climb
    const hill = flat.map((p, i) => (i === 0 ? p : { ...p, eleM: 0.1 * (p.distanceM ?? 0) }));
    const ngs = rtssOf(hill).ngsMps as number;
    expect(Number.isFinite(ngs)).toBe(true);
    expect(ngs).toBeGreaterThan(2.5);
    // a point half-way without elevation: that second is taken flat, the rest still climb
    const gap = hill.map((p, i) => (i === 300 ? { t: p.t, distanceM: p.distanceM } : p));
    const withGap = rtssOf(gap).ngsMps as number;
    expect(Number.isFinite(withGap)).toBe(true);
    expect(withGap).toBeGreaterThan(2.5);
  });

  it('counts a 60-s gap between points as moving, and a longer one as a pause', () => {
    // 10 min at 4 m/s, a gap of `gapS` with the runner moving on, then 599 s more at 4 m/s
    const withGap = (gapS: number): Sample[] => {
      const b = stream(600, 1, () => 4)
        .slice(1)
        .map((p) => ({
          t: p.t + (599 + gapS) * 1000,
          distanceM: (p.distanceM ?? 0) + 2400 + 4 * (gapS - 1),
        }));
      return [...stream(600, 1, () => 4), ...b];
    };
    expect(rtssOf(withGap(60)).hours).toBeCloseTo((600 + 60 + 599) / 3600, 12);
    expect(rtssOf(withGap(61)).hours).toBeCloseTo((600 + 599) / 3600, 12);
  });

  it('counts 0.5 m/s as moving and less as standing', () => {
    expect(rtssOf(stream(600, 1, () => 0.5)).hours).toBeCloseTo(600 / 3600, 12);
    // no moving point, and no moving time or distance given beside the stream
    expect(rtssOf(stream(600, 1, () => 0.4)).basis).toBe('none');
  });

  it('reads the watch’s speed where a point has no distance, and skips a repeated instant', () => {
    const speeds: Sample[] = [];
    for (let s = 0; s <= 600; s++) speeds.push({ t: s * 1000, speedMps: 3 });
    expect(rtssOf(speeds)).toMatchObject({ basis: 'samples', ngsMps: 3 });
    // every other point with a distance: between two of them the distance, else the watch's speed
    const mixed = speeds.map((p, i) => (i % 2 === 0 ? { ...p, distanceM: 3 * i } : p));
    expect(rtssOf(mixed)).toMatchObject({ hours: 600 / 3600, ngsMps: 3 });
    const repeated = stream(600, 1, () => 3);
    repeated.splice(300, 0, { t: 299_000, distanceM: 900 }); // same instant, 3 m further
    expect(rtssOf(repeated).ngsMps).toBeCloseTo(3, 9);
  });
});

describe('computeRtss() without a stream', () => {
  it('says why there is no rTSS', () => {
    expect(computeRtss({ distanceM: 10000, movingS: 3000 }, undefined)).toMatchObject({
      value: null,
      basis: 'none',
      notes: [expect.stringMatching(/threshold pace/)],
    });
    for (const a of [
      { distanceM: 0, movingS: 3000 },
      { distanceM: 10000, movingS: 0 },
    ])
      expect(computeRtss(a, 240)).toMatchObject({
        value: null,
        basis: 'none',
        notes: [expect.stringMatching(/moving time or distance/)],
      });
  });
});
