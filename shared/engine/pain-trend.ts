// Week over week (science.md §3): the 7-day mean of pain must not rise. Like is compared with like:
// each moment of the day — the morning, the session (during or after), at rest — has its own
// series, and a week's mean counts only the days that have a score (a missing score is not a zero),
// with at least 3 scored days on each side. One point on a 0–10 scale is within noise and the
// minimal clinically important difference of a pain score is about 2 points (Farrar 2001); a mean
// of several days is steadier than one score, so a rise of 1.5 points or more in one moment's
// 7-day mean is "rising" (docs/engine.md).
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo, Thresholds } from './types.ts';

export type PainMoment = 'morning' | 'session' | 'rest';
export const PAIN_MOMENTS: readonly PainMoment[] = ['morning', 'session', 'rest'];

export type PainSeries = Record<PainMoment, readonly (number | undefined)[]>;

export interface PainTrendResult extends MetricInfo {
  /** The moment whose mean changed most (null when no moment had enough scores). */
  moment: PainMoment | null;
  mean7: number | null;
  meanPrevious7: number | null;
  change: number | null;
  rising: boolean;
  note?: string;
}

/** Mean of the scored days of series[from..to] (clipped to the history), or null with too few. */
function meanOf(
  s: readonly (number | undefined)[],
  from: number,
  to: number,
  first: number,
  min: number,
): number | null {
  let sum = 0;
  let n = 0;
  for (let k = Math.max(from, first, 0); k <= to; k++) {
    const v = s[k];
    if (v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n >= min ? sum / n : null;
}

/** The trend on day `i` of the series (index 0 may be before the history's first day). */
export function computePainTrend(
  series: PainSeries,
  i: number,
  historyDays: number,
  t: Pick<Thresholds, 'painTrendMinScores' | 'painTrendRise'>,
): PainTrendResult {
  const first = i - historyDays + 1;
  const { method, source, caveat } = METRIC_INFO.painTrend;
  let best: Omit<PainTrendResult, 'method' | 'source' | 'caveat' | 'rising'> | null = null;
  for (const moment of PAIN_MOMENTS) {
    const s = series[moment];
    const mean7 = meanOf(s, i - 6, i, first, t.painTrendMinScores);
    if (mean7 === null) continue;
    const meanPrevious7 = meanOf(s, i - 13, i - 7, first, t.painTrendMinScores);
    if (meanPrevious7 === null) continue;
    const change = mean7 - meanPrevious7;
    if (!best || change > (best.change as number)) best = { moment, mean7, meanPrevious7, change };
  }
  if (!best) {
    return {
      method,
      source,
      caveat,
      moment: null,
      mean7: null,
      meanPrevious7: null,
      change: null,
      rising: false,
      note: `Needs ${t.painTrendMinScores} scores of one moment of the day in each of the two weeks.`,
    };
  }
  const rising = (best.change as number) >= t.painTrendRise - 1e-9;
  return {
    method,
    source,
    caveat,
    moment: best.moment,
    mean7: best.mean7,
    meanPrevious7: best.meanPrevious7,
    change: best.change,
    rising,
    note: undefined,
  };
}
