// science.md §2 "Weekly change": "this 7 days' running distance / previous 7 days' − 1 … >30 % is
// a caution … The '10 % rule' showed no benefit in an RCT (Buist et al., AJSM 2008;36:33): never
// present it as law."
import { describe, expect, it } from 'vitest';
import { computeWeeklyChange } from '../../../shared/engine/compute-weekly-change.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;
// 14 days, oldest first: index 13 is today.
const twoWeeks = (previous: number[], current: number[]) => [...previous, ...current];

describe('computeWeeklyChange()', () => {
  it('is this 7 days over the previous 7 days − 1, a caution above +30 %', () => {
    // previous: 3 × 5000 = 15000; this week: 4 × 5000 = 20000; 20000/15000 − 1 = 0.33333
    const d = twoWeeks([5000, 0, 5000, 0, 5000, 0, 0], [5000, 0, 5000, 0, 5000, 0, 5000]);
    const r = computeWeeklyChange(d, 13, 14, t);
    expect(r.thisWeekM).toBe(20000);
    expect(r.previousWeekM).toBe(15000);
    expect(r.value).toBeCloseTo(0.33333, 4);
    expect(r.caution).toBe(true);
  });

  it('is not a caution at exactly +30 %', () => {
    // 19500/15000 − 1 = 0.3
    const d = twoWeeks([5000, 0, 5000, 0, 5000, 0, 0], [6500, 0, 6500, 0, 6500, 0, 0]);
    const r = computeWeeklyChange(d, 13, 14, t);
    expect(r.value).toBeCloseTo(0.3, 9);
    expect(r.caution).toBe(false);
  });

  it('has no value before 14 days of history or after an empty week', () => {
    const d = twoWeeks([0, 0, 0, 0, 0, 0, 0], [5000, 0, 0, 0, 0, 0, 0]);
    expect(computeWeeklyChange(d, 13, 14, t).value).toBeNull();
    expect(computeWeeklyChange(d, 13, 13, t).value).toBeNull();
  });

  it('says the 10 % rule is not a law', () => {
    expect(computeWeeklyChange([0], 0, 1, t).caveat).toMatch(/Buist/);
  });
});
