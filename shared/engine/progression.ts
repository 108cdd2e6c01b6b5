// The return-to-run progression (science.md §4): the default stage table, the evaluation of a
// session on the morning after, and the advance / repeat / drop rules.
import { BadInputError } from '../errors.ts';
import { addDays, type LocalDate } from '../local-date.ts';
import type { SpikeBand } from './compute-spike.ts';
import { painZoneOf } from './pain-model.ts';
import type {
  ManualStageSetting,
  ProgressionState,
  Reason,
  StageChange,
  StageDefinition,
  Thresholds,
} from './types.ts';

const base = { surface: 'flat, even ground or treadmill', intensity: 'easy, conversational' };

/** Walk-run table after the six-phase Trials 2023 programme (doi:10.1186/s13063-023-07502-x) and Kraeutler 2017 (J Hip Preserv Surg 4:121). */
export const DEFAULT_PLAN: readonly StageDefinition[] = Object.freeze([
  {
    stage: 0,
    name: 'Walking only',
    mode: 'walk',
    runMin: 0,
    walkMin: 30,
    repeats: 1,
    totalMin: 30,
    perWeek: 4,
    noConsecutiveDays: false,
    minCompletions: 2,
    ...base,
    intensity: 'brisk walk, no limp',
    text: 'Walk 30 min briskly, without a limp',
  },
  {
    stage: 1,
    name: 'Walk-run 1/2',
    mode: 'walk_run',
    runMin: 1,
    walkMin: 2,
    repeats: 10,
    totalMin: 30,
    perWeek: 3,
    noConsecutiveDays: true,
    minCompletions: 2,
    ...base,
    text: '10 × (run 1 min / walk 2 min)',
  },
  {
    stage: 2,
    name: 'Walk-run 2/2',
    mode: 'walk_run',
    runMin: 2,
    walkMin: 2,
    repeats: 8,
    totalMin: 32,
    perWeek: 3,
    noConsecutiveDays: true,
    minCompletions: 2,
    ...base,
    text: '8 × (run 2 min / walk 2 min)',
  },
  {
    stage: 3,
    name: 'Walk-run 3/2',
    mode: 'walk_run',
    runMin: 3,
    walkMin: 2,
    repeats: 6,
    totalMin: 30,
    perWeek: 3,
    noConsecutiveDays: true,
    minCompletions: 2,
    ...base,
    text: '6 × (run 3 min / walk 2 min)',
  },
  {
    stage: 4,
    name: 'Walk-run 4/1',
    mode: 'walk_run',
    runMin: 4,
    walkMin: 1,
    repeats: 5,
    totalMin: 25,
    perWeek: 3,
    noConsecutiveDays: true,
    minCompletions: 2,
    ...base,
    text: '5 × (run 4 min / walk 1 min)',
  },
  {
    stage: 5,
    name: 'Continuous 20 min',
    mode: 'continuous',
    runMin: 20,
    walkMin: 0,
    repeats: 1,
    totalMin: 20,
    perWeek: 3,
    noConsecutiveDays: true,
    minCompletions: 2,
    ...base,
    text: 'Run 20 min continuously, easy, flat',
  },
  {
    stage: 6,
    name: 'Continuous 30 min',
    mode: 'continuous',
    runMin: 30,
    walkMin: 0,
    repeats: 1,
    totalMin: 30,
    perWeek: 4,
    noConsecutiveDays: true,
    minCompletions: 2,
    ...base,
    text: 'Run 30 min continuously, easy',
  },
  {
    stage: 7,
    name: 'Volume builds',
    mode: 'build_volume',
    runMin: 30,
    walkMin: 0,
    repeats: 1,
    totalMin: 30,
    perWeek: 4,
    noConsecutiveDays: false,
    minCompletions: 8,
    surface: 'mostly flat',
    intensity: 'easy',
    text: 'Easy run; the longest run grows by at most 10 % over the last 30 days',
  },
  {
    stage: 8,
    name: 'Intensity returns',
    mode: 'intensity',
    runMin: 30,
    walkMin: 0,
    repeats: 1,
    totalMin: 30,
    perWeek: 4,
    noConsecutiveDays: false,
    minCompletions: 2,
    surface: 'flat first, hills last',
    intensity: 'strides, then short intervals, then hills',
    text: 'Easy run with strides; later short intervals, then hills — one change at a time',
  },
] satisfies StageDefinition[]);

/** Validates a plan once: stages numbered 0..n−1 in order, sane numbers. */
export function validatePlan(plan: readonly StageDefinition[]): void {
  if (plan.length === 0) throw new BadInputError('plan_invalid', 'invalid plan: no stages');
  plan.forEach((s, k) => {
    if (s.stage !== k)
      throw new BadInputError('plan_invalid', `invalid plan: stage ${k} is numbered ${s.stage}`);
    if (!(s.totalMin > 0) || !(s.perWeek >= 1 && s.perWeek <= 7) || !(s.minCompletions >= 1)) {
      throw new BadInputError(
        'plan_invalid',
        `invalid plan: stage ${k} needs totalMin > 0, perWeek 1–7 and minCompletions ≥ 1`,
      );
    }
  });
}

export type SessionOutcome =
  'red' | 'not_back_to_baseline' | 'amber' | 'unrated' | 'not_as_prescribed' | 'completed';

export interface SessionEvaluation {
  /** The day of the session; evaluated on the morning after. */
  sessionDate: LocalDate;
  outcome: SessionOutcome;
  /** Highest of pain during and after. */
  painMax?: number;
  nextMorningPain?: number;
  nextMorningStiffness?: number;
  baselinePain: number;
  baselineStiffness: number;
  backToBaseline?: boolean;
  reasons: Reason[];
}

export interface SessionFacts {
  sessionDate: LocalDate;
  stage: StageDefinition;
  runCount: number;
  longestRunMovingS: number;
  longestWalkMin: number;
  /** The band of the day's longest run; null without a run. */
  spikeBand: SpikeBand | null;
  painDuring?: number;
  painAfter?: number;
  nextMorningPain?: number;
  nextMorningStiffness?: number;
  baselinePain: number;
  baselineStiffness: number;
  /** A limp reported on the session day (stage 0 asks for "no limp"). */
  limp: boolean;
}

/** Whether a day had something to evaluate: a run, a stage-0 walk, or pain logged for a session. */
export function hasSession(
  f: Pick<SessionFacts, 'stage' | 'runCount' | 'longestWalkMin' | 'painDuring' | 'painAfter'>,
): boolean {
  return (
    f.runCount > 0 ||
    (f.stage.mode === 'walk' && f.longestWalkMin > 0) ||
    f.painDuring !== undefined ||
    f.painAfter !== undefined
  );
}

/** Whether the session matches the stage's prescription (long enough, and the right kind). */
export function isAsPrescribed(
  f: SessionFacts,
  t: Pick<Thresholds, 'completionFraction'>,
): boolean {
  const s = f.stage;
  if (s.mode === 'walk')
    return f.runCount === 0 && f.longestWalkMin >= t.completionFraction * s.totalMin && !f.limp;
  if (f.runCount === 0 || f.longestRunMovingS < t.completionFraction * s.totalMin * 60)
    return false;
  if (s.mode === 'build_volume') return f.spikeBand === null || f.spikeBand === 'ok';
  return true;
}

/**
 * The session outcome on the morning after, worst first: red pain, not back to baseline (pain or
 * stiffness above the own baseline), amber, not logged, not the prescribed session, completed.
 */
export function evaluateSession(f: SessionFacts, t: Thresholds): SessionEvaluation {
  const reasons: Reason[] = [];
  const painMax =
    f.painDuring === undefined
      ? f.painAfter
      : f.painAfter === undefined
        ? f.painDuring
        : Math.max(f.painDuring, f.painAfter);
  const zone = painMax === undefined ? undefined : painZoneOf(painMax, t);
  let backToBaseline: boolean | undefined;
  if (f.nextMorningPain !== undefined || f.nextMorningStiffness !== undefined) {
    backToBaseline =
      (f.nextMorningPain === undefined || f.nextMorningPain <= f.baselinePain) &&
      (f.nextMorningStiffness === undefined || f.nextMorningStiffness <= f.baselineStiffness);
  }
  const result = (outcome: SessionOutcome): SessionEvaluation => ({
    sessionDate: f.sessionDate,
    outcome,
    painMax,
    nextMorningPain: f.nextMorningPain,
    nextMorningStiffness: f.nextMorningStiffness,
    baselinePain: f.baselinePain,
    baselineStiffness: f.baselineStiffness,
    backToBaseline,
    reasons,
  });
  if (zone === 'red') {
    reasons.push({
      code: 'pain_red',
      message: `Pain ${painMax}/10 during or after the session on ${f.sessionDate}: red zone (≥${t.painAmberMax + 1}).`,
      value: painMax as number,
    });
    return result('red');
  }
  if (backToBaseline === false) {
    const parts: string[] = [];
    if (f.nextMorningPain !== undefined && f.nextMorningPain > f.baselinePain)
      parts.push(`pain ${f.nextMorningPain}/10 vs your usual ${f.baselinePain}`);
    if (f.nextMorningStiffness !== undefined && f.nextMorningStiffness > f.baselineStiffness) {
      parts.push(`stiffness ${f.nextMorningStiffness}/10 vs your usual ${f.baselineStiffness}`);
    }
    reasons.push({
      code: 'not_back_to_baseline',
      message: `Not back to your baseline the morning after ${f.sessionDate}: ${parts.join(', ')}. The session was too much, whatever its distance.`,
      value: f.nextMorningPain,
    });
    return result('not_back_to_baseline');
  }
  if (zone === 'amber') {
    reasons.push({
      code: 'pain_amber',
      message: `Pain ${painMax}/10 during or after the session on ${f.sessionDate}: amber zone, do not progress.`,
      value: painMax as number,
    });
    return result('amber');
  }
  if (zone === undefined || backToBaseline === undefined) {
    reasons.push({
      code: 'symptoms_not_logged',
      message: `The session on ${f.sessionDate} has no ${zone === undefined ? 'pain score for during or after' : 'next-morning score'}: it cannot count toward advancing.`,
    });
    return result('unrated');
  }
  if (!isAsPrescribed(f, t)) {
    reasons.push({
      code: 'not_as_prescribed',
      message: `The session on ${f.sessionDate} did not match the stage ${f.stage.stage} prescription (${f.stage.text}).`,
    });
    return result('not_as_prescribed');
  }
  reasons.push({
    code: 'session_completed',
    message: `Stage ${f.stage.stage} session on ${f.sessionDate} completed: pain green, back to baseline next morning.`,
  });
  return result('completed');
}

export interface ProgressionStep {
  state: ProgressionState;
  changes: StageChange[];
  /** Why the stage holds, when it does (e.g. readiness questions not answered). */
  notes: Reason[];
}

/**
 * One morning of the progression: the evaluation of yesterday's session, then a stage set by hand
 * for today (the runner's or coach's word wins for the day). A drop keeps any existing pause and
 * a manual stage does not lift a pause.
 */
export function stepProgression(
  previous: ProgressionState,
  date: LocalDate,
  evaluation: SessionEvaluation | null,
  manual: ManualStageSetting | undefined,
  context: { readinessPassed: boolean; painTrendRising: boolean },
  plan: readonly StageDefinition[],
  t: Thresholds,
): ProgressionStep {
  let state = previous;
  const changes: StageChange[] = [];
  const notes: Reason[] = [];
  const last = plan.length - 1;
  if (evaluation) {
    const from = state.stage;
    switch (evaluation.outcome) {
      case 'red':
      case 'not_back_to_baseline': {
        const to = Math.max(0, from - 1);
        const pauseUntil = addDays(date, t.pauseDaysAfterDrop);
        state = {
          stage: to,
          completions: 0,
          stageSince: to === from ? state.stageSince : date,
          noRunBefore:
            state.noRunBefore !== null && state.noRunBefore > pauseUntil
              ? state.noRunBefore
              : pauseUntil,
        };
        changes.push({
          date,
          fromStage: from,
          toStage: to,
          kind: 'drop',
          by: 'engine',
          reasons: [
            ...evaluation.reasons,
            {
              code: 'pause_running',
              message: `Drop one stage and no running for ${t.pauseDaysAfterDrop} days (cross-train meanwhile): next run ${pauseUntil} at the earliest.`,
              value: pauseUntil,
            },
          ],
        });
        break;
      }
      case 'amber':
        state = {
          stage: state.stage,
          completions: 0,
          stageSince: state.stageSince,
          noRunBefore: state.noRunBefore,
        };
        changes.push({
          date,
          fromStage: from,
          toStage: from,
          kind: 'repeat',
          by: 'engine',
          reasons: [
            ...evaluation.reasons,
            {
              code: 'repeat_stage',
              message: `Repeat stage ${from}: completed sessions start again from 0.`,
            },
          ],
        });
        break;
      case 'completed': {
        const completions = state.completions + 1;
        const needed = (plan[from] as StageDefinition).minCompletions;
        state = {
          stage: state.stage,
          completions,
          stageSince: state.stageSince,
          noRunBefore: state.noRunBefore,
        };
        if (completions < needed || from >= last) break;
        if (context.painTrendRising) {
          notes.push({
            code: 'hold_pain_trend',
            message: 'Stage held: your 7-day pain is rising, even if each score is green.',
          });
          break;
        }
        if (from === 0 && !context.readinessPassed) {
          notes.push({
            code: 'readiness_questions',
            message:
              'Before stage 1: can you walk 15 min, do 10 single-leg squats and 10 lateral step-downs without pain? Answer in the check-in.',
          });
          break;
        }
        state = {
          stage: from + 1,
          completions: 0,
          stageSince: date,
          noRunBefore: state.noRunBefore,
        };
        changes.push({
          date,
          fromStage: from,
          toStage: from + 1,
          kind: 'advance',
          by: 'engine',
          reasons: [
            ...evaluation.reasons,
            {
              code: 'advance',
              message: `Stage ${from} completed ${completions} times with green pain and back to baseline: advance to stage ${from + 1}.`,
              value: completions,
            },
          ],
        });
        break;
      }
      default:
        break;
    }
  }
  if (manual) {
    const from = state.stage;
    state = {
      stage: manual.stage,
      completions: 0,
      stageSince: date,
      noRunBefore: state.noRunBefore,
    };
    changes.push({
      date,
      fromStage: from,
      toStage: manual.stage,
      kind: 'manual',
      by: manual.by,
      reasons: [
        {
          code: 'manual_stage',
          message: `Stage set to ${manual.stage} by the ${manual.by}${manual.note ? `: ${manual.note}` : '.'}`,
          value: manual.stage,
        },
      ],
    });
  }
  return { state, changes, notes };
}
