// Weekly change, ACWR, monotony and the pain trend read as flags and as reasons, built once from the
// same numbers so a reason and a flag about one measure always carry the same value (science.md §5:
// "where the same measure appears twice on one screen, it shows the same value").
import type { AcwrEwmaResult, AcwrRollingResult } from './compute-acwr.ts';
import type { MonotonyResult } from './compute-monotony.ts';
import type { WeeklyChangeResult } from './compute-weekly-change.ts';
import type { PainTrendResult } from './pain-trend.ts';
import type { Flag, Reason, Thresholds } from './types.ts';

const pct = (v: number): number => Math.round(v * 100);
const NONE = Object.freeze([]) as unknown as never[];

export interface MetricCautions {
  flags: readonly Flag[];
  /** The same measures as reasons, read with the day's decision. */
  reasons: readonly Reason[];
  /** The larger of the coupled rolling ACWR and the EWMA ratio. */
  acwrPeak: number;
}

const MOMENT_WORDS = {
  morning: 'morning pain',
  session: 'pain during and after sessions',
  rest: 'pain at rest',
} as const;

/** Weekly change, ACWR, monotony and the pain trend: flags and reasons from the same numbers. */
export function metricCautionsOf(
  m: {
    weeklyChange: WeeklyChangeResult;
    rolling: AcwrRollingResult;
    ewma: AcwrEwmaResult;
    monotony: MonotonyResult;
    trend: PainTrendResult;
  },
  t: Thresholds,
): MetricCautions {
  const acwrPeak = Math.max(m.rolling.coupled ?? 0, m.ewma.ratio ?? 0);
  if (!m.weeklyChange.caution && acwrPeak <= t.acwrHigh && !m.monotony.high && !m.trend.rising)
    return { flags: NONE, reasons: NONE, acwrPeak };
  const flags: Flag[] = [];
  const reasons: Reason[] = [];
  const wc = m.weeklyChange;
  if (wc.caution && wc.value !== null) {
    const message = `Running distance is up ${pct(wc.value)} % on the 7 days before.`;
    flags.push({ code: 'weekly_change_high', severity: 'caution', message, value: wc.value });
    reasons.push({ code: 'weekly_change_high', message, value: wc.value, rule: 'weekly-change' });
  }
  const acwr = Math.round(acwrPeak * 100) / 100;
  if (acwrPeak >= t.acwrDanger) {
    // Descriptive only: never a red flag, never the sole reason for one.
    const message = `The last 7 days' load is ${acwr.toFixed(2)} times the 4-week average: load rose fast.`;
    flags.push({ code: 'acwr_high', severity: 'caution', message, value: acwr });
    reasons.push({ code: 'acwr_high', message, value: acwr, rule: 'acwr' });
  } else if (acwrPeak > t.acwrHigh) {
    flags.push({
      code: 'acwr_above_range',
      severity: 'info',
      message: `The last 7 days' load is ${acwr.toFixed(2)} times the 4-week average.`,
      value: acwr,
    });
  }
  if (m.monotony.high && m.monotony.monotony !== null) {
    const v = Math.round(m.monotony.monotony * 100) / 100;
    flags.push({
      code: 'monotony_high',
      severity: 'info',
      message: `Training has varied little from day to day this week (monotony ${v.toFixed(2)}).`,
      value: v,
    });
  }
  const tr = m.trend;
  if (tr.rising && tr.change !== null && tr.moment !== null) {
    const change = Math.round(tr.change * 10) / 10;
    const message = `{Your} average ${MOMENT_WORDS[tr.moment]} rose by ${change.toFixed(1)} points on the week before (${(tr.meanPrevious7 as number).toFixed(1)} → ${(tr.mean7 as number).toFixed(1)}).`;
    flags.push({ code: 'pain_trend_rising', severity: 'caution', message, value: change });
    reasons.push({ code: 'pain_trend_rising', message, value: change, rule: 'pain-trend' });
  }
  return { flags, reasons, acwrPeak };
}
