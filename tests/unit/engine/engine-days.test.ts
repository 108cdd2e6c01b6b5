// The engine's days side by side (science.md §3): a session's pain is the higher of during and
// after; "pain the morning after" a run is the next day's morning score; the baseline is the median
// of the mornings with no run the day before, in the last 28 days, once there are 3 of them, else
// of the first 3 mornings of the history. Days from Sun 1 March 2026 (tests/fixtures/engine-days.ts).
import { describe, expect, it } from 'vitest';
import { engineDaysOf, NO_BASELINE } from '../../../shared/engine/engine-days.ts';
import { mergeCheckIns } from '../../../shared/engine/merge-check-ins.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { CheckIn } from '../../../shared/engine/types.ts';
import { dayOf, daysOf, runsOn, seriesOf } from '../../fixtures/engine-days.ts';

const t = DEFAULT_THRESHOLDS;
const morningPain = (k: number, painMorning: number): CheckIn => ({ date: dayOf(k), painMorning });

describe('engineDaysOf(): each day’s facts', () => {
  it('a session’s pain is the higher of during and after, whichever is given', () => {
    const days = daysOf(seriesOf(5, runsOn(0, 1, 2, 3)), [
      { date: dayOf(0), painDuring: 4, painAfter: 2 },
      { date: dayOf(1), painDuring: 2, painAfter: 6 },
      { date: dayOf(2), painAfter: 3 },
      { date: dayOf(3), painDuring: 5 },
    ]);
    expect(days.sessionPain).toEqual([4, 6, 3, 5, undefined]);
    expect(days.painSeries.session).toEqual([4, 6, 3, 5, undefined]);
  });

  it('pain the morning after a run is the next day’s morning score, not the run day’s', () => {
    const days = daysOf(seriesOf(3, runsOn(0)), [{ date: dayOf(0), painNextMorning: 4 }]);
    expect(days.mornings).toEqual([undefined, 4, undefined]);
    expect(days.painSeries.morning).toEqual([undefined, 4, undefined]);
  });

  it('keeps stiffness, pain at rest, load and running distance day by day', () => {
    const series = seriesOf(3, { 1: { runDistanceM: 5000, totalLoad: 90 } });
    const days = daysOf(series, [
      { date: dayOf(0), stiffness: 3 },
      { date: dayOf(2), painAtRest: 2, stiffness: 1 },
    ]);
    expect(days.stiffness).toEqual([3, undefined, 1]);
    expect(days.painSeries.rest).toEqual([undefined, undefined, 2]);
    // Pain at rest is the morning score of a day without another.
    expect(days.mornings).toEqual([undefined, undefined, 2]);
    expect(days.load).toEqual([0, 90, 0]);
    expect(days.runDistance).toEqual([0, 5000, 0]);
  });

  it('a window starting 2 days into the history has its first day at index −2', () => {
    const days = engineDaysOf(
      seriesOf(3),
      mergeCheckIns([], new Map()),
      2,
      { pain: [], stiffness: [] },
      t,
    );
    expect(days.first).toBe(-2);
    expect(days.historyBase).toBe(2);
  });
});

describe('engineDaysOf(): the baseline (science.md §3 "Baseline")', () => {
  it('leaves out a morning after a run day: 1, 1, 1 on rest-day mornings, not the 5 after the run', () => {
    // Day 0 is the history's first morning; the run is on day 1, so day 2's morning is not a rest one.
    const days = daysOf(seriesOf(5, runsOn(1)), [
      morningPain(0, 1),
      morningPain(2, 5),
      morningPain(3, 1),
      morningPain(4, 1),
    ]);
    expect(days.baselineAt('pain', 4)).toEqual({
      value: 1,
      basis: 'rest_day_mornings',
      scores: 3,
    });
  });

  it('counts the 28 days ending on the day, the day itself included', () => {
    // Window of day 30: days 3–30. Mornings of 6 on days 0 and 2 fall outside it.
    const days = daysOf(seriesOf(31), [
      morningPain(0, 6),
      morningPain(2, 6),
      morningPain(3, 6),
      morningPain(20, 1),
      morningPain(30, 1),
    ]);
    expect(days.baselineAt('pain', 30)).toEqual({
      value: 1,
      basis: 'rest_day_mornings',
      scores: 3,
    });
  });

  it('stiffness has a baseline of its own', () => {
    const days = daysOf(
      seriesOf(3),
      [0, 1, 2].map((k) => ({ date: dayOf(k), painMorning: 1, stiffness: 4 })),
    );
    expect(days.baselineAt('stiffness', 2).value).toBe(4);
    expect(days.baselineAt('pain', 2).value).toBe(1);
  });

  it('before 3 rest-day mornings, the median of the first 3 mornings of the history', () => {
    const days = daysOf(seriesOf(3), [morningPain(2, 1)]);
    days.firstMornings = { pain: [2, 0, 3], stiffness: [] };
    expect(days.baselineAt('pain', 2)).toEqual({ value: 2, basis: 'first_mornings', scores: 3 });
  });

  it('the day before the history has none, even with first mornings known', () => {
    const days = daysOf(seriesOf(3));
    days.firstMornings = { pain: [1, 1, 1], stiffness: [1, 1, 1] };
    expect(days.baselineAt('pain', -1)).toEqual(NO_BASELINE);
    expect(days.baselineAt('pain', 0)).toEqual({ value: 1, basis: 'first_mornings', scores: 3 });
  });

  it('is computed once per day, with the first mornings known when it was first asked', () => {
    const days = daysOf(seriesOf(3));
    expect(days.baselineAt('pain', 1)).toEqual({ value: null, basis: 'none', scores: 0 });
    days.firstMornings = { pain: [3, 3, 3], stiffness: [] };
    expect(days.baselineAt('pain', 1).value).toBeNull();
    expect(days.baselineAt('pain', 2).value).toBe(3);
  });
});
