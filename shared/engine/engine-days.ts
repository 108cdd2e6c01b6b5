// The computed days' inputs, side by side: the daily load series from the lookback window's first
// day, each day's check-in answers, and every moment's pain on its own series (science.md §3:
// compare like with like). Index 0 is the window's first day; `first` is the history's first day
// (negative when resuming, so days before the window read as no history).
import type { LocalDate } from '../local-date.ts';
import type { DailyLoad } from './compute-daily-series.ts';
import type { DaySymptoms, MergedCheckIns, SessionSymptoms } from './merge-check-ins.ts';
import { baselineOf, type Baseline } from './morning-baseline.ts';
import { morningScoreOf } from './morning-pain.ts';
import type { PainSeries } from './pain-trend.ts';
import type { Thresholds } from './types.ts';

/** The first morning scores of the history (up to the baseline's minimum), for the early baseline. */
export interface FirstMornings {
  pain: number[];
  stiffness: number[];
}

export interface EngineDays {
  series: readonly DailyLoad[];
  /** Each day's total load and running distance, for the windowed metrics. */
  load: readonly number[];
  runDistance: readonly number[];
  /** Index of the history's first day (0, or negative when the window starts later). */
  first: number;
  /** Days of history before index 0. */
  historyBase: number;
  daily: readonly (DaySymptoms | undefined)[];
  session: readonly (SessionSymptoms | undefined)[];
  /** This morning's score of each day (pain on waking, else the score given the evening before). */
  mornings: readonly (number | undefined)[];
  /** Highest of pain during and after each day's session. */
  sessionPain: readonly (number | undefined)[];
  stiffness: readonly (number | undefined)[];
  /** Highest pain of each day's logged strength sessions (science.md §7). */
  strengthPain: readonly (number | undefined)[];
  painSeries: PainSeries;
  /**
   * The first morning scores seen so far; the day step adds each morning until the minimum is
   * reached. A baseline is computed once per day, with the first mornings known when it is asked.
   */
  firstMornings: FirstMornings;
  /** The baseline of the window ending on day k (k ≥ the day before the first computed day). */
  baselineAt(field: 'pain' | 'stiffness', k: number): Baseline;
}

export const NO_BASELINE: Baseline = Object.freeze({ value: null, basis: 'none', scores: 0 });

const maxOf = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/** The days of `series` (starting `historyBase` days after the history's first day) with their check-ins. */
export function engineDaysOf(
  series: readonly DailyLoad[],
  merged: MergedCheckIns,
  historyBase: number,
  firstMornings: FirstMornings,
  t: Thresholds,
  strengthPain: ReadonlyMap<LocalDate, number> = new Map(),
): EngineDays {
  const first = -historyBase;
  const daily = series.map((d) => merged.daily.get(d.date));
  const session = series.map((d) => merged.session.get(d.date));
  const mornings = series.map((_, i) =>
    morningScoreOf(daily[i], i > first ? session[i - 1] : undefined),
  );
  const sessionPain = session.map((s) => maxOf(s?.painDuring, s?.painAfter));
  const stiffness = daily.map((d) => d?.stiffness);
  const painSeries: PainSeries = {
    morning: mornings,
    session: sessionPain,
    rest: daily.map((d) => d?.painAtRest),
  };
  // The baseline of the window ending on day k is both that day's row baseline and the baseline for
  // evaluating day k's session the next morning: computed once.
  const memo = { pain: [] as (Baseline | undefined)[], stiffness: [] as (Baseline | undefined)[] };
  const restScores: number[] = [];
  const W = t.baselineWindowDays;
  const days: EngineDays = {
    series,
    load: series.map((d) => d.totalLoad),
    runDistance: series.map((d) => d.runDistanceM),
    first,
    historyBase,
    daily,
    session,
    mornings,
    sessionPain,
    stiffness,
    strengthPain: series.map((d) => strengthPain.get(d.date)),
    painSeries,
    firstMornings,
    baselineAt(field, k) {
      if (k < first) return NO_BASELINE;
      const hit = memo[field][k];
      if (hit) return hit;
      const scores = field === 'pain' ? mornings : stiffness;
      restScores.length = 0;
      // Mornings after a run day are not rest scores.
      for (let j = Math.max(0, first, k - W + 1); j <= k; j++) {
        const v = scores[j];
        if (v !== undefined && (j === first || (series[j - 1] as DailyLoad).runCount === 0))
          restScores.push(v);
      }
      const b = baselineOf(restScores, days.firstMornings[field], t);
      memo[field][k] = b;
      return b;
    },
  };
  return days;
}
