// After a break with no run (science.md §4 "After a break", after Daniels' Running Formula): up to 6
// days no change; 7–13 days one stage back; 14–27 days two stages back; 28 days or more back to
// stage 1, the walk-run stage where the runner proves tolerance twice before moving on. The steps
// are counted from the stage the break began at, so a long break steps back once at 7 days, again
// at 14 and to stage 1 at 28. Walking (stage 0) has nothing to step back from, and a running stage
// never steps back below stage 1.
import type { Reason, Thresholds } from './types.ts';

type BreakThresholds = Pick<
  Thresholds,
  'breakOneStageDays' | 'breakTwoStagesDays' | 'breakRestartDays'
>;

/** The stage after `daysWithoutRun` days without a run, for a break that began at `stageAtStart`. */
export function stageAfterBreak(
  stageAtStart: number,
  daysWithoutRun: number,
  t: BreakThresholds,
): number {
  if (stageAtStart < 1) return stageAtStart;
  if (daysWithoutRun >= t.breakRestartDays) return 1;
  if (daysWithoutRun >= t.breakTwoStagesDays) return Math.max(1, stageAtStart - 2);
  if (daysWithoutRun >= t.breakOneStageDays) return Math.max(1, stageAtStart - 1);
  return stageAtStart;
}

/** "12 days without a run: one stage back, to stage 4." */
export function breakReasonOf(daysWithoutRun: number, toStage: number, t: BreakThresholds): Reason {
  const step =
    daysWithoutRun >= t.breakRestartDays
      ? 'back'
      : daysWithoutRun >= t.breakTwoStagesDays
        ? 'two stages back'
        : 'one stage back';
  return {
    code: 'break',
    message: `${daysWithoutRun} days without a run: ${step}, to stage ${toStage}.`,
    value: daysWithoutRun,
    rule: 'break',
  };
}
