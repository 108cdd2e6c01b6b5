// What each of the 6 days before a day was, for the week's spacing rules (science.md §4–§5).
import type { DailyLoad } from './compute-daily-series.ts';
import type { DayKind } from './day-kind.ts';
import type { StageDefinition } from './types.ts';

/**
 * The kinds of days i−6 … i−1 of `series`, oldest first. A run day, or at a walking stage a walk of
 * at least half the session, is a session; more cardio than strength is cardio; days before the
 * history (index < `first`) are rest.
 */
export function recentDayKinds(
  series: readonly DailyLoad[],
  i: number,
  first: number,
  stage: StageDefinition,
): DayKind[] {
  const kinds: DayKind[] = [];
  for (let k = i - 6; k < i; k++) {
    const d = k >= first && k >= 0 ? series[k] : undefined;
    if (!d) kinds.push('rest');
    else if (d.runCount > 0 || (stage.mode === 'walk' && d.longestWalkMin >= stage.totalMin / 2))
      kinds.push('session');
    else if (d.crossTrainingMin > d.strengthMin) kinds.push('cardio');
    else if (d.strengthMin > 0) kinds.push('strength');
    else kinds.push('rest');
  }
  return kinds;
}
