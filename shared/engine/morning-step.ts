// One morning of the progression with its holds (science.md §4–§5), in order: red flags reported
// today join the hold and a clearance dated today ends it; the session evaluated this morning and a
// stage set by hand; the restart after a clearance; the surgery hold; the break rule.
import type { LocalDate } from '../local-date.ts';
import { daysFromTo } from './day-number.ts';
import { breakReasonOf, stageAfterBreak } from './break-rule.ts';
import { formatDay } from './format-day.ts';
import { stepProgression, type SessionEvaluation } from './progression.ts';
import { stepRedFlagHold, type RedFlagHold } from './red-flag-hold.ts';
import { surgeryReasonOf, type SurgeryStatus } from './surgery-hold.ts';
import type {
  Clearance,
  ManualStageSetting,
  ProgressionState,
  Reason,
  StageChange,
  StageDefinition,
  Thresholds,
} from './types.ts';

/** The last day with a run (or a stage set), and the stage then: where a break is counted from. */
export interface BreakRef {
  date: LocalDate;
  stage: number;
}

export interface MorningInput {
  date: LocalDate;
  plan: readonly StageDefinition[];
  previous: ProgressionState;
  evaluation: SessionEvaluation | null;
  manual: ManualStageSetting | undefined;
  readinessPassed: boolean;
  painTrendRising: boolean;
  redFlagHold: RedFlagHold | null;
  /** Codes of the red flags today's check-in answered "yes". */
  reportedRedFlags: readonly string[];
  /** A clearance dated today. */
  clearance: Clearance | undefined;
  surgery: SurgeryStatus;
  breakRef: BreakRef;
}

export interface MorningStep {
  state: ProgressionState;
  changes: StageChange[];
  notes: Reason[];
  redFlagHold: RedFlagHold | null;
  breakRef: BreakRef;
}

export function stepMorning(m: MorningInput, t: Thresholds): MorningStep {
  const { date, plan } = m;
  const rf = stepRedFlagHold(
    m.redFlagHold,
    date,
    m.reportedRedFlags,
    m.previous.stage,
    m.clearance,
  );
  const step = stepProgression(
    m.previous,
    date,
    m.evaluation,
    m.manual,
    {
      readinessPassed: m.readinessPassed,
      painTrendRising: m.painTrendRising,
      redFlagHold: m.redFlagHold !== null || rf.hold !== null,
      surgeryHold: m.surgery.hold !== null,
    },
    plan,
    t,
  );
  let state = step.state;
  const changes = [...step.changes];
  let redFlagHold = rf.hold;
  // A stage set by hand during a red-flag hold is where the runner restarts once cleared.
  if (redFlagHold && m.manual) redFlagHold = { ...redFlagHold, restartStage: m.manual.stage };
  const setStage = (
    to: number,
    kind: StageChange['kind'],
    by: StageChange['by'],
    reason: Reason,
  ): void => {
    changes.push({ date, fromStage: state.stage, toStage: to, kind, by, reasons: [reason] });
    state = { ...state, stage: to, completions: 0, stageSince: date };
  };
  const cleared =
    rf.cleared ??
    (m.surgery.liftedToday?.stage != null && m.clearance
      ? { clearance: m.clearance, stage: m.surgery.liftedToday.stage }
      : null);
  if (cleared) {
    const stage = Math.min(cleared.stage, plan.length - 1);
    setStage(stage, 'clearance', cleared.clearance.by, {
      code: 'cleared',
      message: `A clinician cleared running on ${formatDay(cleared.clearance.date)}: restart at stage ${stage}.`,
      value: stage,
      rule: 'clearance',
    });
  }
  if (m.surgery.hold && state.stage > 0 && plan[0]?.mode === 'walk')
    setStage(0, 'hold', 'engine', surgeryReasonOf(m.surgery.hold));
  let breakRef = m.breakRef;
  if (changes.some((c) => c.kind !== 'repeat')) breakRef = { date, stage: state.stage };
  else if (!redFlagHold && !m.surgery.hold) {
    const gap = daysFromTo(breakRef.date, date) - 1;
    const target = stageAfterBreak(breakRef.stage, gap, t);
    if (target < state.stage) setStage(target, 'break', 'engine', breakReasonOf(gap, target, t));
  }
  return { state, changes, notes: step.notes, redFlagHold, breakRef };
}
