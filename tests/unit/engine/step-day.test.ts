// One day of the engine from the carry of the day before (science.md §3–§5): the morning's scores
// give the baseline, a red flag reported today holds running, amber pain after a run means no run
// the next day, and the carry takes the day's state to the next.
import { describe, expect, it } from 'vitest';
import { holdOf } from '../../../shared/engine/hold-of.ts';
import type { CheckIn } from '../../../shared/engine/types.ts';
import { runsOn, seriesOf, stepAll } from '../../fixtures/engine-days.ts';

/** Days from 2026-03-01 at stage 3, a 30-min walk-run on the given indexes. */
const live = (n: number, runDays: number[], checkins: CheckIn[]) =>
  stepAll(seriesOf(n, runsOn(...runDays)), checkins);

describe('stepDay', () => {
  it('three mornings of 1/10 make a baseline of 1, carried from day to day', () => {
    const steps = live(
      4,
      [],
      [
        { date: '2026-03-01', painMorning: 1 },
        { date: '2026-03-02', painMorning: 1 },
        { date: '2026-03-03', painMorning: 1 },
      ],
    );
    expect(steps[1]?.row.pain.baselinePain.value).toBeNull();
    expect(steps[2]?.row.pain.baselinePain.value).toBe(1);
    expect(steps[3]?.row.carry.firstMornings.pain).toEqual([1, 1, 1]);
  });

  it('giving way reported today: see a clinician, a red flag first, and the hold carried on', () => {
    const steps = live(3, [], [{ date: '2026-03-02', givingWay: true }]);
    const day = steps[1];
    expect(day?.recommendation.action).toBe('see_clinician');
    expect(day?.row.flags[0]?.severity).toBe('red_flag');
    expect(steps[2]?.recommendation.action).toBe('see_clinician');
    expect(holdOf(steps[2]?.ctx ?? { redFlagHold: null, surgeryHold: null })?.kind).toBe(
      'red_flag',
    );
  });

  it('pain 4/10 during a run on day 2: no run on day 3', () => {
    const steps = live(4, [2], [{ date: '2026-03-03', painDuring: 4 }]);
    expect(steps[2]?.row.pain.zone).toBe('amber');
    expect(['run', 'run_modified']).not.toContain(steps[3]?.recommendation.action);
  });
});
