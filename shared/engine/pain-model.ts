// The pain-monitoring model (science.md §3): zones, the runner's own morning baseline, weekly trend.
import { METRIC_INFO } from './metric-info.ts';
import type { DaySymptoms, SessionSymptoms } from './merge-check-ins.ts';
import type { MetricInfo, Thresholds } from './types.ts';

export type PainZone = 'green' | 'amber' | 'red';

/** 0–2 green, 3–5 amber, ≥6 red (Silbernagel 2007 AJSM 35:897; amber already means "do not progress" for the hip). */
export function painZoneOf(
  score: number,
  t: Pick<Thresholds, 'painGreenMax' | 'painAmberMax'>,
): PainZone {
  if (score <= t.painGreenMax) return 'green';
  if (score <= t.painAmberMax) return 'amber';
  return 'red';
}

export function medianOf(xs: readonly number[]): number {
  return medianInPlace([...xs]);
}

const ascending = (a: number, b: number): number => a - b;

/** Median that sorts its (scratch) argument in place. */
function medianInPlace(s: number[]): number {
  s.sort(ascending);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface MorningScore {
  value: number;
  /** The morning after a day without a run. */
  restDay: boolean;
}

export interface Baseline {
  value: number;
  basis: 'rest_day_mornings' | 'all_mornings' | 'assumed_zero';
  scores: number;
}

/**
 * The runner's own baseline: the median of rest-day morning scores in the window when there are
 * at least `baselineMinScores` of them; else the median of all morning scores; else 0.
 */
export function computeBaseline(
  mornings: readonly MorningScore[],
  t: Pick<Thresholds, 'baselineMinScores'>,
): Baseline {
  return baselineOf(
    mornings.filter((m) => m.restDay).map((m) => m.value),
    mornings.map((m) => m.value),
    t,
  );
}

/** computeBaseline on plain scratch arrays (sorted in place): rest-day morning scores and all morning scores. */
export function baselineOf(
  rest: number[],
  all: number[],
  t: Pick<Thresholds, 'baselineMinScores'>,
): Baseline {
  if (rest.length >= t.baselineMinScores)
    return { value: medianInPlace(rest), basis: 'rest_day_mornings', scores: rest.length };
  if (all.length > 0)
    return { value: medianInPlace(all), basis: 'all_mornings', scores: all.length };
  return { value: 0, basis: 'assumed_zero', scores: 0 };
}

/** A day's pain for the trend: the highest score logged about that day. */
export function dailyPainScoreOf(
  day: DaySymptoms | undefined,
  session: SessionSymptoms | undefined,
  previousSession: SessionSymptoms | undefined,
): number | undefined {
  let s: number | undefined;
  for (const v of [
    day?.painAtRest,
    session?.painDuring,
    session?.painAfter,
    previousSession?.painNextMorning,
  ]) {
    if (v !== undefined && (s === undefined || v > s)) s = v;
  }
  return s;
}

export interface PainTrendResult extends MetricInfo {
  mean7: number | null;
  meanPrevious7: number | null;
  change: number | null;
  rising: boolean;
  note?: string;
}

/** 7-day mean pain vs the 7 days before; days without a score are left out (not zeros). */
export function computePainTrend(
  scores: readonly (number | undefined)[],
  i: number,
  historyDays: number,
  t: Pick<Thresholds, 'painTrendMinScores' | 'painTrendRise'>,
): PainTrendResult {
  const first = i - historyDays + 1;
  const mean = (from: number, to: number): number | null => {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(from, first, 0); k <= to; k++) {
      const v = scores[k];
      if (v !== undefined) {
        sum += v;
        n++;
      }
    }
    return n >= t.painTrendMinScores ? sum / n : null;
  };
  const mean7 = mean(i - 6, i);
  const meanPrevious7 = mean(i - 13, i - 7);
  const { method, source, caveat } = METRIC_INFO.pain;
  if (mean7 === null || meanPrevious7 === null) {
    const note = `Needs ${t.painTrendMinScores} scored days in each week.`;
    return { method, source, caveat, mean7, meanPrevious7, change: null, rising: false, note };
  }
  const change = mean7 - meanPrevious7;
  const rising = change > t.painTrendRise + 1e-9;
  return { method, source, caveat, mean7, meanPrevious7, change, rising, note: undefined };
}
