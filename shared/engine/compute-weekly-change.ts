// Week-over-week change of running distance (Nielsen et al. 2014, JOSPT 44:739).
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo, Thresholds } from './types.ts';

export interface WeeklyChangeResult extends MetricInfo {
  /** Fraction (0.3 = +30 %); null before 14 days of history or when the previous 7 days are 0. */
  value: number | null;
  thisWeekM: number;
  previousWeekM: number;
  caution: boolean;
  note?: string;
}

/**
 * `daily[i]` is day t; `historyDays` is how many days of history end at t (t included).
 * change = Σ daily[t−6..t] / Σ daily[t−13..t−7] − 1.
 */
export function computeWeeklyChange(
  daily: readonly number[],
  i: number,
  historyDays: number,
  t: Thresholds,
): WeeklyChangeResult {
  const thisWeekM = windowSum(daily, i - 6, i, i - historyDays + 1);
  const previousWeekM = windowSum(daily, i - 13, i - 7, i - historyDays + 1);
  const { method, source, caveat } = METRIC_INFO.weeklyChange;
  let value: number | null = null;
  let note: string | undefined;
  if (historyDays < 14) note = 'Fewer than 14 days of history.';
  else if (previousWeekM <= 0) note = 'No running in the previous 7 days.';
  // Nielsen 2014: weekly change = this week / previous week − 1
  else value = thisWeekM / previousWeekM - 1;
  const caution = value !== null && value > t.weeklyChangeCaution + 1e-9;
  return { method, source, caveat, value, thisWeekM, previousWeekM, caution, note };
}

/** Σ daily[from..to], skipping indices before `first` (before history) or outside the array. */
export function windowSum(daily: readonly number[], from: number, to: number, first = 0): number {
  let s = 0;
  for (let k = Math.max(from, first, 0); k <= to; k++) s += daily[k] ?? 0;
  return s;
}
