// The return-to-run progression (science.md §4): the evaluation of a session on the morning after,
// and the advance / repeat / drop rules. The default stage table is in default-plan.ts.
import { addDays, type LocalDate } from '../local-date.ts';
import type { SpikeBand } from './compute-spike.ts';
import { formatDay } from './format-day.ts';
import { judgeSession, type SessionVerdict } from './judge-session.ts';
import type { SessionShape } from './session-shape.ts';
import { isAtBaseline, type Baseline } from './morning-baseline.ts';
import { painZoneOf } from './pain-model.ts';
import type {
  ManualStageSetting,
  ProgressionState,
  Reason,
  StageChange,
  StageDefinition,
  Thresholds,
} from './types.ts';

export type SessionOutcome =
  'red' | 'not_back_to_baseline' | 'amber' | 'unrated' | 'not_as_prescribed' | 'completed';

export interface SessionEvaluation {
  /** The day of the session; evaluated on the first morning with a score (usually the next). */
  sessionDate: LocalDate;
  outcome: SessionOutcome;
  /** Highest of pain during and after. */
  painMax?: number;
  nextMorningPain?: number;
  nextMorningStiffness?: number;
  baselinePain: number | null;
  baselineStiffness: number | null;
  backToBaseline?: boolean;
  /** The session's shape against the stage (judge-session.ts); null when judged by time only. */
  verdict?: SessionVerdict | null;
  reasons: Reason[];
}

export interface SessionFacts {
  sessionDate: LocalDate;
  stage: StageDefinition;
  runCount: number;
  longestRunMovingS: number;
  /** The shapes of the day's longest run (session-shape.ts); null when not analysed. */
  shapes?: SessionShape[] | null;
  longestWalkMin: number;
  /** The band of the day's longest run against the last 30 days; null without a run. */
  spikeBand: SpikeBand | null;
  /** The band of the day's longest run against the stage's prescription (stage-beyond.ts). */
  beyondBand: SpikeBand | null;
  painDuring?: number;
  painAfter?: number;
  nextMorningPain?: number;
  nextMorningStiffness?: number;
  baselinePain: Baseline;
  baselineStiffness: Baseline;
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

/**
 * Whether the session matches the stage's prescription: long enough, the right kind, and not far
 * beyond it. A run 10–30 % beyond the prescription is flagged (a caution) but still counts; more
 * than 30 % beyond (a high or very high spike against the prescription) never completes the stage.
 */
export function isAsPrescribed(
  f: SessionFacts,
  t: Pick<Thresholds, 'completionFraction' | 'boutTolerance' | 'stopMaxS'>,
  verdict: SessionVerdict | null = verdictOf(f, t),
): boolean {
  const s = f.stage;
  if (s.mode === 'walk')
    return f.runCount === 0 && f.longestWalkMin >= t.completionFraction * s.totalMin && !f.limp;
  if (f.runCount === 0) return false;
  // A walk-run judged by its bouts needs no total time: the bouts and walk breaks are the session.
  if (verdict?.completion === 'partly_done') return false;
  const byShape = verdict !== null && s.mode === 'walk_run';
  if (!byShape && f.longestRunMovingS < t.completionFraction * s.totalMin * 60) return false;
  if (f.beyondBand === 'high' || f.beyondBand === 'very_high') return false;
  if (s.mode === 'build_volume') return f.spikeBand === null || f.spikeBand === 'ok';
  return true;
}

/** The verdict on the day's longest run by its shape, or null when judged by time only. */
export function verdictOf(
  f: Pick<SessionFacts, 'shapes' | 'stage' | 'runCount'>,
  t: Pick<Thresholds, 'completionFraction' | 'boutTolerance' | 'stopMaxS'>,
): SessionVerdict | null {
  return f.runCount > 0 && f.shapes ? judgeSession(f.shapes, f.stage, t) : null;
}

const sessionWord = (f: SessionFacts): string => (f.stage.mode === 'walk' ? 'walk' : 'run');

/**
 * The session outcome on the morning after, worst first: red pain, not back to baseline (pain or
 * stiffness above the own baseline; green without one yet), amber, not logged, not the prescribed
 * session, completed.
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
  const painBack =
    f.nextMorningPain === undefined || isAtBaseline(f.nextMorningPain, f.baselinePain, t);
  const stiffBack =
    f.nextMorningStiffness === undefined ||
    isAtBaseline(f.nextMorningStiffness, f.baselineStiffness, t);
  const backToBaseline =
    f.nextMorningPain !== undefined || f.nextMorningStiffness !== undefined
      ? painBack && stiffBack
      : undefined;
  const on = `{your} ${sessionWord(f)} on ${formatDay(f.sessionDate)}`;
  const verdict = verdictOf(f, t);
  const result = (outcome: SessionOutcome): SessionEvaluation => ({
    sessionDate: f.sessionDate,
    outcome,
    painMax,
    nextMorningPain: f.nextMorningPain,
    nextMorningStiffness: f.nextMorningStiffness,
    baselinePain: f.baselinePain.value,
    baselineStiffness: f.baselineStiffness.value,
    backToBaseline,
    verdict,
    reasons,
  });
  if (zone === 'red') {
    reasons.push({
      code: 'pain_red',
      message: `Pain reached ${painMax}/10 during or after ${on}: red zone, one stage back.`,
      value: painMax as number,
      rule: 'pain-zones',
    });
    return result('red');
  }
  if (backToBaseline === false) {
    const usual = (b: Baseline): string =>
      b.value === null
        ? `above the green zone while {your} baseline is still being learned`
        : `above {your} usual ${b.value}/10`;
    const what = !painBack
      ? `{Your} pain the morning after ${on} was ${f.nextMorningPain}/10, ${usual(f.baselinePain)}`
      : `{Your} stiffness the morning after ${on} was ${f.nextMorningStiffness}/10, ${usual(f.baselineStiffness)}`;
    reasons.push({
      code: 'not_back_to_baseline',
      message: `${what}: one stage back.`,
      value: !painBack ? f.nextMorningPain : f.nextMorningStiffness,
      rule: 'baseline',
    });
    return result('not_back_to_baseline');
  }
  if (zone === 'amber') {
    reasons.push({
      code: 'pain_amber',
      message: `Pain reached ${painMax}/10 during or after ${on}: amber zone, so the next run repeats stage ${f.stage.stage}.`,
      value: painMax as number,
      rule: 'pain-zones',
    });
    return result('amber');
  }
  if (zone === undefined || backToBaseline === undefined) {
    reasons.push({
      code: 'symptoms_not_logged',
      message: `${capitalise(on)} has no ${zone === undefined ? 'pain score for during or after' : 'morning-after score'}, so it cannot count toward the next stage.`,
      rule: 'progression',
    });
    return result('unrated');
  }
  if (!isAsPrescribed(f, t, verdict)) {
    if (verdict?.completion === 'partly_done') {
      reasons.push({
        code: 'session_partly_done',
        message: `${capitalise(on)} was partly done: ${verdict.reason}. It does not count toward the next stage.`,
        value: verdict.performed,
        rule: 'progression',
      });
      return result('not_as_prescribed');
    }
    reasons.push({
      code: 'not_as_prescribed',
      message: `${capitalise(on)} did not match the stage ${f.stage.stage} session, so it does not count toward the next stage.`,
      rule: 'progression',
    });
    return result('not_as_prescribed');
  }
  reasons.push({
    code: 'session_completed',
    message: `${capitalise(on)} counts as a completed stage ${f.stage.stage} session${verdict ? ` (${verdict.performed})` : ''}: green pain, back to {your} usual level the next morning.`,
    rule: 'progression',
  });
  return result('completed');
}

const capitalise = (s: string): string =>
  s.startsWith('{your}') ? `{Your}${s.slice(6)}` : s.charAt(0).toUpperCase() + s.slice(1);

export interface ProgressionStep {
  state: ProgressionState;
  changes: StageChange[];
  /** Why the stage holds, when it does (e.g. readiness questions not answered). */
  notes: Reason[];
}

export interface StepContext {
  readinessPassed: boolean;
  painTrendRising: boolean;
  /** A red flag stands: sessions change nothing until a clinician clears running. */
  redFlagHold: boolean;
  /** After surgery, before the clearance: stage 0 does not advance. */
  surgeryHold: boolean;
}

/**
 * One morning of the progression: the evaluation of a session, then a stage set by hand for today
 * (the runner's or coach's word wins for the day). A drop keeps any existing pause and a manual
 * stage does not lift a pause.
 */
export function stepProgression(
  previous: ProgressionState,
  date: LocalDate,
  evaluation: SessionEvaluation | null,
  manual: ManualStageSetting | undefined,
  context: StepContext,
  plan: readonly StageDefinition[],
  t: Thresholds,
): ProgressionStep {
  let state = previous;
  const changes: StageChange[] = [];
  const notes: Reason[] = [];
  const last = plan.length - 1;
  if (evaluation && !context.redFlagHold) {
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
              message: `No running for ${t.pauseDaysAfterDrop} days after a stage drop: the next run on ${formatDay(pauseUntil)} at the earliest.`,
              value: pauseUntil,
              rule: 'progression',
            },
          ],
        });
        break;
      }
      case 'amber':
        state = { ...state, completions: 0 };
        changes.push({
          date,
          fromStage: from,
          toStage: from,
          kind: 'repeat',
          by: 'engine',
          reasons: [...evaluation.reasons],
        });
        break;
      case 'completed': {
        const completions = state.completions + 1;
        const needed = (plan[from] as StageDefinition).minCompletions;
        state = { ...state, completions };
        if (completions < needed || from >= last) break;
        if (context.surgeryHold && from === 0) break; // the surgery hold explains itself
        if (context.painTrendRising) {
          notes.push({
            code: 'hold_pain_trend',
            message: `Stage ${from} holds: {your} average pain is rising, even if each score is green.`,
            rule: 'pain-trend',
          });
          break;
        }
        if (from === 0 && !context.readinessPassed) {
          notes.push({
            code: 'readiness_questions',
            message:
              'Before stage 1, can {you} walk 15 min, do 10 single-leg squats and 10 lateral step-downs without pain? Answer in the check-in.',
            rule: 'progression',
          });
          break;
        }
        state = { ...state, stage: from + 1, completions: 0, stageSince: date };
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
              message: `Stage ${from} completed ${completions} times with green pain and mornings at {your} usual level: now stage ${from + 1}.`,
              value: completions,
              rule: 'progression',
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
    state = { ...state, stage: manual.stage, completions: 0, stageSince: date };
    const who = manual.by === 'runner' ? '{you}' : `{your} ${manual.by}`;
    changes.push({
      date,
      fromStage: from,
      toStage: manual.stage,
      kind: 'manual',
      by: manual.by,
      reasons: [
        {
          code: 'manual_stage',
          message: `Stage set to ${manual.stage} by ${who}${manual.note ? `: ${manual.note}` : '.'}`,
          value: manual.stage,
          rule: 'progression',
        },
      ],
    });
  }
  return { state, changes, notes };
}
