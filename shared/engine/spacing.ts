// How runs are spaced (science.md §4–§5): never on consecutive days in stages 1–6; in stages 7–8 at
// most two in a row, and never an intensity session (stage 8) the day after another run. Where
// science.md is silent: while the week's running distance is up more than 30 % on the week before
// (a weekly-change caution), stages 7–8 also keep a day without running between runs.
import type { DayKind } from './day-kind.ts';
import type { Reason, StageDefinition } from './types.ts';

export interface SpacingRule {
  /** No run today, or an easy run only (no strides or intervals). */
  effect: 'no_run' | 'easy_only';
  reason: Reason;
}

/** The spacing rule that applies on a day after `recent` (oldest first; the last is yesterday). */
export function spacingRuleOf(
  stage: StageDefinition,
  recent: readonly DayKind[],
  weeklyRise: boolean,
): SpacingRule | null {
  if (stage.mode === 'walk') return null;
  const ranYesterday = recent[recent.length - 1] === 'session';
  if (!ranYesterday) return null;
  if (stage.noConsecutiveDays)
    return {
      effect: 'no_run',
      reason: {
        code: 'no_consecutive_days',
        message: `{You} ran yesterday: stage ${stage.stage} keeps a day without running between runs.`,
        rule: 'spacing',
      },
    };
  if (weeklyRise)
    return {
      effect: 'no_run',
      reason: {
        code: 'spacing_after_weekly_rise',
        message: `{You} ran yesterday and running distance rose more than 30 % on the week before: a day without running between runs this week.`,
        rule: 'spacing',
      },
    };
  if (recent[recent.length - 2] === 'session')
    return {
      effect: 'no_run',
      reason: {
        code: 'two_runs_in_a_row',
        message: `{You} ran the last two days: stage ${stage.stage} allows at most two runs in a row.`,
        rule: 'spacing',
      },
    };
  if (stage.mode === 'intensity')
    return {
      effect: 'easy_only',
      reason: {
        code: 'no_intensity_after_run',
        message: '{You} ran yesterday: an easy run today, no strides or intervals.',
        rule: 'spacing',
      },
    };
  return null;
}
