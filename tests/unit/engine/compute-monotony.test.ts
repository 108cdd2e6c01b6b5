// science.md §2 "Monotony, strain": "monotony = mean / SD of the last 7 daily loads (zeros
// included); strain = weekly load x monotony (Foster 1998) … Monotony > 2 is a widely used
// heuristic, not a validated cut-off. SD = 0: report 'no variation', never divide by zero."
import { describe, expect, it } from 'vitest';
import { computeMonotony } from '../../../shared/engine/compute-monotony.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

describe('computeMonotony()', () => {
  it('is mean / SD of the last 7 daily loads, zeros included; strain = weekly load × monotony', () => {
    // loads 0,100,0,100,0,100,50: sum 350, mean 50
    // deviations −50,50,−50,50,−50,50,0 → Σ² = 6 × 2500 = 15000; SD = √(15000/7) = √2142.857 = 46.2910
    // monotony = 50 / 46.2910 = 1.08012; strain = 350 × 1.08012 = 378.04
    const r = computeMonotony([0, 100, 0, 100, 0, 100, 50], 6, 7, t);
    expect(r.weeklyLoad).toBe(350);
    expect(r.sd).toBeCloseTo(46.291, 3);
    expect(r.monotony).toBeCloseTo(1.08012, 4);
    expect(r.strain).toBeCloseTo(378.04, 1);
    expect(r.high).toBe(false);
  });

  it('flags monotony above 2 as a heuristic', () => {
    // 100 × 6, 50: mean 650/7 = 92.857; deviations 7.143 ×6, −42.857 → Σ² = 6·51.02 + 1836.73 = 2142.86
    // SD = √(2142.86/7) = 17.496; monotony = 92.857/17.496 = 5.307
    const r = computeMonotony([100, 100, 100, 100, 100, 100, 50], 6, 7, t);
    expect(r.monotony).toBeCloseTo(5.307, 2);
    expect(r.high).toBe(true);
    expect(r.caveat).toMatch(/heuristic/);
  });

  it('reports "no variation" instead of dividing by an SD of 0', () => {
    for (const loads of [
      new Array<number>(7).fill(60),
      new Array<number>(7).fill(0),
      new Array<number>(7).fill(0.1),
    ]) {
      const r = computeMonotony(loads, 6, 7, t);
      expect(r.monotony).toBeNull();
      expect(r.strain).toBeNull();
      expect(r.note).toBe('no_variation');
    }
  });

  it('has no value before 7 days of history', () => {
    expect(computeMonotony([10, 0, 20], 2, 3, t).note).toBe('fewer_than_7_days');
  });
});
