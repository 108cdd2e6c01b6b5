// science.md §2 "Fitness / fatigue / form": "CTL_t = CTL_{t−1} + (L_t − CTL_{t−1})/42; ATL likewise
// with 7; form = CTL − ATL of the day before … say which one we use".
import { describe, expect, it } from 'vitest';
import { computeFitness } from '../../../shared/engine/compute-fitness.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

describe('computeFitness()', () => {
  it("moves CTL by 1/42 and ATL by 1/7 of the gap to the load; form is yesterday's CTL − ATL", () => {
    // CTL = 10 + (70 − 10)/42 = 10 + 1.428571 = 11.428571
    // ATL = 20 + (70 − 20)/7 = 20 + 7.142857 = 27.142857
    // form = 10 − 20 = −10 (the day before)
    const r = computeFitness({ ctl: 10, atl: 20 }, 70, t);
    expect(r.ctl).toBeCloseTo(11.428571, 6);
    expect(r.atl).toBeCloseTo(27.142857, 6);
    expect(r.form).toBe(-10);
  });

  it('decays toward 0 on a rest day', () => {
    // CTL = 42 − 42/42 = 41; ATL = 7 − 7/7 = 6
    const r = computeFitness({ ctl: 42, atl: 7 }, 0, t);
    expect(r.ctl).toBe(41);
    expect(r.atl).toBe(6);
    expect(r.form).toBe(35);
  });

  it('says which convention it uses', () => {
    expect(computeFitness({ ctl: 0, atl: 0 }, 0, t).source).toMatch(/time constants/);
  });
});
