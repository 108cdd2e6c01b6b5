// Training monotony and strain over the last 7 daily loads, zeros included (Foster 1998).
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo, Thresholds } from './types.ts';

export interface MonotonyResult extends MetricInfo {
  weeklyLoad: number;
  mean: number;
  sd: number;
  monotony: number | null;
  strain: number | null;
  high: boolean;
  note?: 'no_variation' | 'fewer_than_7_days';
}

/** `daily[i]` is day t; `historyDays` days of history end at t. Population SD over the 7 days. */
export function computeMonotony(
  daily: readonly number[],
  i: number,
  historyDays: number,
  t: Pick<Thresholds, 'monotonyHigh'>,
): MonotonyResult {
  let weeklyLoad = 0;
  for (let k = i - 6; k <= i; k++) weeklyLoad += k >= 0 ? (daily[k] ?? 0) : 0;
  const mean = weeklyLoad / 7;
  let ss = 0;
  for (let k = i - 6; k <= i; k++) {
    const d = (k >= 0 ? (daily[k] ?? 0) : 0) - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / 7);
  const { method, source, caveat } = METRIC_INFO.monotony;
  let monotony: number | null = null;
  let note: MonotonyResult['note'];
  if (historyDays < 7) note = 'fewer_than_7_days';
  // Relative tolerance: seven equal loads can leave an SD of ~1e-15 from rounding.
  else if (sd <= 1e-9 * Math.max(1, mean)) note = 'no_variation';
  // Foster 1998: monotony = mean / SD; strain = weekly load × monotony
  else monotony = mean / sd;
  const strain = monotony === null ? null : weeklyLoad * monotony;
  return {
    method,
    source,
    caveat,
    weeklyLoad,
    mean,
    sd,
    monotony,
    strain,
    high: monotony !== null && monotony > t.monotonyHigh,
    note,
  };
}
