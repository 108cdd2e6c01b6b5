// Acute:chronic workload ratio, rolling (coupled and uncoupled) and EWMA. Descriptive only.
import { windowSum } from './compute-weekly-change.ts';
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo, Thresholds } from './types.ts';

export interface AcwrRollingResult extends MetricInfo {
  acute: number;
  /** Mean weekly load over t−27…t. */
  chronicCoupled: number;
  /** Mean weekly load over t−27…t−7. */
  chronicUncoupled: number;
  coupled: number | null;
  uncoupled: number | null;
  note?: string;
}

export interface AcwrEwmaResult extends MetricInfo {
  acute: number;
  chronic: number;
  ratio: number | null;
  note?: string;
}

/** `daily[i]` is day t; `historyDays` days of history end at t (t included). */
export function computeAcwrRolling(
  daily: readonly number[],
  i: number,
  historyDays: number,
  t: Thresholds,
): AcwrRollingResult {
  const first = i - historyDays + 1;
  const acute = windowSum(daily, i - 6, i, first);
  const old = windowSum(daily, i - 27, i - 7, first);
  // Gabbett 2016 BJSM 50:273: coupled chronic = 28-day load / 4; uncoupled = days t−27…t−7 / 3
  const chronicCoupled = (acute + old) / 4;
  const chronicUncoupled = old / 3;
  const { method, source, caveat } = METRIC_INFO.acwrRolling;
  let coupled: number | null = null;
  let uncoupled: number | null = null;
  let note: string | undefined;
  if (historyDays < t.acwrMinHistoryDays)
    note = `Fewer than ${t.acwrMinHistoryDays} days of history.`;
  else {
    if (chronicCoupled > 0) coupled = acute / chronicCoupled;
    if (chronicUncoupled > 0) uncoupled = acute / chronicUncoupled;
    if (coupled === null || uncoupled === null) note = 'Chronic load is 0: no ratio.';
  }
  return {
    method,
    source,
    caveat,
    acute,
    chronicCoupled,
    chronicUncoupled,
    coupled,
    uncoupled,
    note,
  };
}

/** λ = 2/(N+1) (Williams et al. 2017, BJSM 51:209). */
export function ewmaLambdaOf(n: number): number {
  return 2 / (n + 1);
}

/** EWMA_t = λ·L_t + (1−λ)·EWMA_{t−1} (Williams 2017). */
export function ewmaStep(previous: number, load: number, n: number): number {
  const lambda = ewmaLambdaOf(n);
  return lambda * load + (1 - lambda) * previous;
}

/** One day of the EWMA ACWR from the previous day's acute and chronic EWMAs. */
export function computeAcwrEwma(
  previous: { acute: number; chronic: number },
  load: number,
  historyDays: number,
  t: Thresholds,
): AcwrEwmaResult {
  const acute = ewmaStep(previous.acute, load, t.ewmaAcuteDays);
  const chronic = ewmaStep(previous.chronic, load, t.ewmaChronicDays);
  const { method, source, caveat } = METRIC_INFO.acwrEwma;
  let ratio: number | null = null;
  let note: string | undefined;
  if (historyDays < t.acwrMinHistoryDays)
    note = `Fewer than ${t.acwrMinHistoryDays} days of history.`;
  else if (!(chronic > 0)) note = 'Chronic load is 0: no ratio.';
  else ratio = acute / chronic;
  return { method, source, caveat, acute, chronic, ratio, note };
}
