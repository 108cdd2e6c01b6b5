// The progression of one exercise after a logged session (science.md §7; the hip's pain zones of
// §3): logged complete with RPE ≤ 7 and pain no more than mild (green, 0–2), the next session steps
// up — reps (or hold time) first, then load, then level. Pain in the amber zone (3–5) holds the
// dose; red pain (6 or more) steps it back. Anything short of the prescription, or an RPE above 7,
// holds it.
import type { Exercise } from './exercise.ts';
import { levelOf, startDoseOf, type ExerciseDose } from './exercise-dose.ts';

/** One exercise as logged: what was done, which may differ from what was prescribed. */
export interface ExerciseLog {
  id: string;
  sets: number;
  reps?: number | null;
  holdS?: number | null;
  loadKg?: number | null;
}

export interface SessionEffort {
  /** CR-10 session RPE. */
  rpe?: number | null;
  /** Hip pain 0–10 during or right after the session. */
  pain?: number | null;
}

export interface PainBands {
  painGreenMax: number;
  painAmberMax: number;
}

/** The hip's zones (science.md §3): mild is green. */
export const DEFAULT_PAIN_BANDS: PainBands = { painGreenMax: 2, painAmberMax: 5 };

/** RPE at or below which a completed session steps up (a load with two or three reps in reserve). */
export const STEP_UP_MAX_RPE = 7;

export type StepOutcome = 'step_up' | 'hold' | 'step_back';
export type StepChange = 'reps' | 'hold' | 'load' | 'level' | null;

export interface StepResult {
  outcome: StepOutcome;
  /** What changed for the next session (null when nothing did). */
  change: StepChange;
  next: ExerciseDose;
  /** Why, in one plain sentence. */
  reason: string;
}

export interface StepOptions {
  bands?: PainBands;
  /** A coach holds the exercise at its level: reps and load still step up, the level does not. */
  levelHeld?: boolean;
  /** Heavy hip flexion allowed (science.md §7); a heavy next level waits while it is not. */
  heavyAllowed?: boolean;
}

/** Done at least what was prescribed (a missing load means the prescribed one was used). */
export function isLoggedComplete(prescribed: ExerciseDose, log: ExerciseLog): boolean {
  if (log.sets < prescribed.sets) return false;
  if (prescribed.reps !== undefined && (log.reps ?? 0) < prescribed.reps) return false;
  if (prescribed.holdS !== undefined && (log.holdS ?? 0) < prescribed.holdS) return false;
  if (prescribed.loadKg !== undefined && log.loadKg != null && log.loadKg < prescribed.loadKg)
    return false;
  return true;
}

/** One step up: reps, then hold time, then load, then the next level. */
export function stepUp(
  exercise: Exercise,
  dose: ExerciseDose,
  opts: Pick<StepOptions, 'levelHeld' | 'heavyAllowed'> = {},
): { next: ExerciseDose; change: StepChange } {
  const l = levelOf(exercise, dose.level);
  const { reps, holdS, loadKg } = l.dose;
  if (reps && dose.reps !== undefined && dose.reps < reps.max)
    return { next: { ...dose, reps: dose.reps + 1 }, change: 'reps' };
  if (holdS && dose.holdS !== undefined && dose.holdS < holdS.max)
    return {
      next: { ...dose, holdS: Math.min(holdS.max, dose.holdS + holdS.step) },
      change: 'hold',
    };
  if (loadKg && dose.loadKg !== undefined && dose.loadKg + loadKg.step <= loadKg.max)
    return {
      next: {
        ...dose,
        loadKg: dose.loadKg + loadKg.step,
        ...(reps ? { reps: reps.min } : {}),
        ...(holdS ? { holdS: holdS.min } : {}),
      },
      change: 'load',
    };
  const higher = exercise.levels.find((x) => x.level === dose.level + 1);
  if (!higher || opts.levelHeld === true) return { next: dose, change: null };
  if (higher.heavyHipFlexion && opts.heavyAllowed === false) return { next: dose, change: null };
  return { next: startDoseOf(exercise, higher.level), change: 'level' };
}

/** One step back: a load step lighter, otherwise the level below, otherwise this level's start. */
export function stepBack(exercise: Exercise, dose: ExerciseDose): ExerciseDose {
  const l = levelOf(exercise, dose.level);
  if (
    l.dose.loadKg &&
    dose.loadKg !== undefined &&
    dose.loadKg - l.dose.loadKg.step >= l.dose.loadKg.start
  )
    return { ...dose, loadKg: dose.loadKg - l.dose.loadKg.step };
  if (exercise.levels.some((x) => x.level === dose.level - 1))
    return startDoseOf(exercise, dose.level - 1);
  return startDoseOf(exercise, dose.level);
}

/**
 * The next dose of `exercise` after a session in which `log` was done against `prescribed`. A load
 * logged heavier than prescribed is where the next step starts from.
 */
export function progressExercise(
  exercise: Exercise,
  prescribed: ExerciseDose,
  log: ExerciseLog,
  effort: SessionEffort,
  opts: StepOptions = {},
): StepResult {
  const bands = opts.bands ?? DEFAULT_PAIN_BANDS;
  const pain = effort.pain ?? null;
  const rpe = effort.rpe ?? null;
  const hold = (reason: string): StepResult => ({
    outcome: 'hold',
    change: null,
    next: prescribed,
    reason,
  });
  if (pain !== null && pain > bands.painAmberMax)
    return {
      outcome: 'step_back',
      change: null,
      next: stepBack(exercise, prescribed),
      reason: `Pain ${pain}/10 is in the red zone: one step back next time.`,
    };
  if (pain !== null && pain > bands.painGreenMax)
    return hold(`Pain ${pain}/10 is above mild: the same dose next time.`);
  if (!isLoggedComplete(prescribed, log))
    return hold('Less than prescribed was logged: the same dose next time.');
  if (pain === null) return hold('No pain score was logged, so the dose holds.');
  if (rpe === null) return hold('No RPE was logged, so the dose holds.');
  if (rpe > STEP_UP_MAX_RPE)
    return hold(`RPE ${rpe} is above ${STEP_UP_MAX_RPE}: the same dose next time.`);
  const from =
    prescribed.loadKg !== undefined && log.loadKg != null && log.loadKg > prescribed.loadKg
      ? { ...prescribed, loadKg: log.loadKg }
      : prescribed;
  const { next, change } = stepUp(exercise, from, opts);
  if (change === null)
    return {
      outcome: 'hold',
      change: null,
      next,
      reason: opts.levelHeld
        ? 'Complete and comfortable; the level is held by the coach.'
        : 'Complete and comfortable at the top of what the programme allows now.',
    };
  return {
    outcome: 'step_up',
    change,
    next,
    reason: `Complete with RPE ${rpe} and pain ${pain}/10: ${change === 'level' ? 'the next level' : `more ${change === 'hold' ? 'hold time' : change}`} next time.`,
  };
}
