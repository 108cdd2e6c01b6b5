// Where a runner starts (science.md §4 "Where a runner starts"): the onboarding answers set the
// starting stage, and a runner with imported history who has not chosen is offered the stage whose
// prescription matches their typical run of the last 4 weeks, one below when pain above green was
// logged. Nobody who runs 5 km comfortably is told to walk without being asked.
import { daysBetween, type LocalDate } from '../local-date.ts';
import { stageAfterBreak } from './break-rule.ts';
import { formatDay } from './format-day.ts';
import { medianOf } from './pain-model.ts';
import type { StageDefinition, Thresholds } from './types.ts';

export type Situation = 'after_surgery' | 'after_break' | 'symptoms_now' | 'running_well';

export interface OnboardingAnswers {
  situation: Situation;
  surgeryDate?: LocalDate;
  lastRunDate?: LocalDate;
  typicalRunMin?: number;
  typicalRunKm?: number;
  runsPerWeek?: number;
  /** The highest pain during a run lately, 0–10. */
  painDuringRun?: number;
  /** Already runs strides, intervals or hills now: only then can the start be the intensity stage. */
  intensityNow?: boolean;
}

export interface StageChoice {
  stage: number;
  reason: string;
}

/** An easy pace of 6:30 min/km turns a typical distance into minutes when no time is given. */
export const EASY_MIN_PER_KM = 6.5;

/** Minutes of running in a stage's session (walk breaks left out). */
const runningMinOf = (s: StageDefinition): number =>
  s.mode === 'walk_run' ? s.runMin * s.repeats : s.mode === 'walk' ? 0 : s.totalMin;

/**
 * The stage whose session matches a typical run: the highest walk-run or continuous stage whose
 * running time the run covers (at 90 %, the completion rule), the volume stage when the run is
 * more than 10 % longer than the last continuous one; a runner who runs at all starts at stage 1.
 */
export function stageMatchingRun(plan: readonly StageDefinition[], minutes: number): number {
  let match = plan.find((s) => s.mode !== 'walk')?.stage ?? 0;
  let lastFixed: StageDefinition | undefined;
  for (const s of plan) {
    if (s.mode === 'walk_run' || s.mode === 'continuous') {
      lastFixed = s;
      if (runningMinOf(s) * 0.9 <= minutes) match = s.stage;
    }
  }
  const volume = plan.find((s) => s.mode === 'build_volume');
  if (volume && lastFixed && minutes > runningMinOf(lastFixed) * 1.1) match = volume.stage;
  return match;
}

const nameOf = (plan: readonly StageDefinition[], stage: number): string =>
  `stage ${stage} (${(plan[stage] as StageDefinition).name.toLowerCase()})`;

/** The proposal from the last 4 weeks of history; null without a run in them. */
export function proposeStage(
  plan: readonly StageDefinition[],
  runMinutes: readonly number[],
  painAboveGreen: boolean,
): StageChoice | null {
  if (runMinutes.length === 0) return null;
  const typical = Math.round(medianOf(runMinutes));
  const match = stageMatchingRun(plan, typical);
  const stage = painAboveGreen ? Math.max(0, match - 1) : match;
  return {
    stage,
    reason: painAboveGreen
      ? `{Your} typical run of the last 4 weeks is ${typical} min, which matches stage ${match}; pain above 2/10 was logged, so ${nameOf(plan, stage)}.`
      : `{Your} typical run of the last 4 weeks is ${typical} min, which matches ${nameOf(plan, stage)}.`,
  };
}

/**
 * The last stage before the first intensity stage: the last stage when the plan has none, and -1
 * (no stage to lift anyone to) when the plan opens with one.
 */
function lastBeforeIntensity(plan: readonly StageDefinition[]): number {
  const k = plan.findIndex((s) => s.mode === 'intensity');
  return k === -1 ? plan.length - 1 : k - 1;
}

/** The starting stage from the onboarding answers (validated by the route). */
export function pickStartStage(
  plan: readonly StageDefinition[],
  a: OnboardingAnswers,
  today: LocalDate,
  t: Pick<
    Thresholds,
    | 'breakOneStageDays'
    | 'breakTwoStagesDays'
    | 'breakRestartDays'
    | 'painAmberMax'
    | 'painGreenMax'
  >,
): StageChoice {
  const last = plan.length - 1;
  if (a.situation === 'after_surgery')
    return {
      stage: 0,
      reason: `After surgery on ${formatDay(a.surgeryDate as LocalDate)}: walking first, no jogging before week 10 and a clinician's clearance.`,
    };
  const minutes = Math.round(a.typicalRunMin ?? (a.typicalRunKm as number) * EASY_MIN_PER_KM);
  const match = stageMatchingRun(plan, minutes);
  const typical = `{Your} typical run of ${minutes} min matches stage ${match}`;
  const pain = a.painDuringRun ?? 0;
  if (pain > t.painAmberMax)
    return {
      stage: 0,
      reason: `Pain of ${pain}/10 while running: walking first, and a clinician should see the hip if it stays.`,
    };
  let stage = match;
  let why = `${typical}`;
  if (a.situation === 'after_break') {
    const gap = Math.max(0, daysBetween(a.lastRunDate as LocalDate, today) - 1);
    const after = stageAfterBreak(match, gap, t);
    if (after < stage) why += `; ${gap} days without a run take it back to stage ${after}`;
    stage = after;
  }
  if (a.situation === 'running_well' && pain <= t.painGreenMax && match >= last - 2) {
    // Intensity is a change of its own (one variable at a time): the intensity stage only for a
    // runner who already runs strides, intervals or hills, else the last stage before it.
    const top = a.intensityNow === true ? last : lastBeforeIntensity(plan);
    if (top > stage) {
      stage = top;
      why = `${typical} and {you} run well${a.intensityNow === true ? ', with intensity already' : ''}: ${nameOf(plan, top)}`;
    }
  }
  // Stages 7–8 plan four runs a week: fewer than three now starts at the last continuous stage.
  const continuous = [...plan].reverse().find((s) => s.mode === 'continuous');
  const mode = plan[stage]?.mode;
  if (
    a.runsPerWeek !== undefined &&
    a.runsPerWeek < 3 &&
    continuous &&
    (mode === 'build_volume' || mode === 'intensity')
  ) {
    stage = continuous.stage;
    why += `; ${a.runsPerWeek} runs a week, so stage ${stage} first`;
  }
  if (a.situation === 'symptoms_now' || pain > t.painGreenMax) {
    stage = Math.max(0, stage - 1);
    why += `; with hip symptoms now, one stage lower: stage ${stage}`;
  }
  return { stage, reason: `${why}.` };
}
