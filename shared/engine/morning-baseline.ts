// The runner's own baseline (science.md §3 "Baseline"): the median of the first 3 morning scores,
// then a rolling median of the mornings with no run the day before (in the last 28 days, once
// there are 3 of them). Until 3 mornings exist there is no baseline, and a morning score in the
// green zone (0–2) counts as back to baseline — never a rise against an assumed 0.
import { medianInPlace } from './pain-model.ts';
import type { Thresholds } from './types.ts';

export interface Baseline {
  /** null until the runner has 3 morning scores. */
  value: number | null;
  basis: 'rest_day_mornings' | 'first_mornings' | 'none';
  scores: number;
}

/**
 * `restDayMornings`: scratch array of the window's rest-day morning scores (sorted in place);
 * `firstMornings`: the first scores of the history, in date order (up to 3 are used).
 */
export function baselineOf(
  restDayMornings: number[],
  firstMornings: readonly number[],
  t: Pick<Thresholds, 'baselineMinScores'>,
): Baseline {
  if (restDayMornings.length >= t.baselineMinScores)
    return {
      value: medianInPlace(restDayMornings),
      basis: 'rest_day_mornings',
      scores: restDayMornings.length,
    };
  if (firstMornings.length >= t.baselineMinScores)
    return {
      value: medianInPlace(firstMornings.slice(0, t.baselineMinScores)),
      basis: 'first_mornings',
      scores: t.baselineMinScores,
    };
  return { value: null, basis: 'none', scores: firstMornings.length };
}

/** Whether a morning score is back to the baseline (green without one). */
export function isAtBaseline(
  score: number,
  baseline: Baseline,
  t: Pick<Thresholds, 'painGreenMax'>,
): boolean {
  return score <= (baseline.value ?? t.painGreenMax);
}
