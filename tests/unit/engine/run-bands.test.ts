// science.md §2 single-run spike: distance / longest run of the previous 30 days − 1, bands ≤10 %
// ok, 10–30 % caution, 30–100 % high, >100 % very high; with no run in the 30 days, the run's
// moving time against the stage's session time. §4: a run beyond the stage is measured against
// the stage's prescription with the same bands.
import { describe, expect, it } from 'vitest';
import { emptyDailyLoad, type DailyLoad } from '../../../shared/engine/compute-daily-series.ts';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { runBandsOf, runHistoryAt } from '../../../shared/engine/run-bands.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';
import { addDays } from '../../../shared/local-date.ts';

const t = DEFAULT_THRESHOLDS;
const stage5 = DEFAULT_PLAN[5] as StageDefinition; // continuous 20 min

/** `n` days from 2026-03-01 with runs of [metres, minutes] on the given indexes. */
function days(n: number, runs: Record<number, [number, number]>): DailyLoad[] {
  return Array.from({ length: n }, (_, i) => {
    const d = emptyDailyLoad(addDays('2026-03-01', i));
    const r = runs[i];
    if (r) {
      d.runCount = 1;
      d.longestRunM = r[0];
      d.longestRunMovingS = r[1] * 60;
      d.runDistanceM = r[0];
    }
    return d;
  });
}

describe('runBandsOf', () => {
  it('4 km after a longest of 3 km is +33 % (high); 26 min against a 20-min stage is +30 % (caution)', () => {
    const s = days(10, { 2: [3000, 20], 5: [2500, 17], 9: [4000, 26] });
    const b = runBandsOf(s, 9, 0, stage5, t);
    expect(b.spike.reference).toBe('longest_30d');
    expect(b.spike.value).toBeCloseTo(4000 / 3000 - 1, 10);
    expect(b.spike.band).toBe('high');
    expect(b.beyond?.value).toBeCloseTo(0.3, 10);
    expect(b.beyond?.band).toBe('caution');
  });

  it('runs before the history (index < first) or over 30 days back are no reference', () => {
    const s = days(40, { 0: [9000, 50], 39: [3000, 22] });
    // the 9 km run is 39 days back: outside the 30-day window
    const b = runBandsOf(s, 39, 0, stage5, t);
    expect(b.spike.reference).toBe('stage_prescription');
    expect(b.spike.value).toBeCloseTo(22 / 20 - 1, 10);
    expect(b.beyond).toBe(b.spike);
    const recent = days(5, { 1: [9000, 50], 4: [3000, 22] });
    expect(runBandsOf(recent, 4, 2, stage5, t).spike.reference).toBe('stage_prescription');
  });
});

describe('runHistoryAt', () => {
  it('the longest and the median of the runs of the 30 days before, in minutes', () => {
    const s = days(12, { 1: [3000, 20], 4: [5000, 35], 8: [4000, 26], 11: [9000, 60] });
    expect(runHistoryAt(s, 11, 0, t)).toEqual({ longestRunMin30d: 35, typicalRunMin30d: 26 });
    expect(runHistoryAt(s, 1, 0, t)).toEqual({ longestRunMin30d: null, typicalRunMin30d: null });
  });
});
