// Every exercise's dose today, from the logged sessions replayed in date order: each session
// progresses the exercises it holds (progress-exercise.ts). The steps are kept for the history
// charts and for the reasons shown next to each exercise.
import type { LocalDate } from '../local-date.ts';
import { exerciseOf } from './exercise-library.ts';
import { startDoseOf, type ExerciseDose } from './exercise-dose.ts';
import {
  progressExercise,
  type ExerciseLog,
  type PainBands,
  type SessionEffort,
  type StepResult,
} from './progress-exercise.ts';

export interface StrengthSessionLog extends SessionEffort {
  date: LocalDate;
  exercises: readonly ExerciseLog[];
}

export interface ProgressionStep extends StepResult {
  date: LocalDate;
  exerciseId: string;
  prescribed: ExerciseDose;
  done: ExerciseLog;
  pain: number | null;
  rpe: number | null;
}

export interface ReplayOptions {
  bands?: PainBands;
  /** Exercises whose level a coach holds. */
  levelHolds?: ReadonlySet<string>;
  /** Whether heavy hip flexion was allowed on a day (science.md §7); allowed when absent. */
  heavyAllowedOn?: (date: LocalDate) => boolean;
}

export interface Replay {
  /** The dose of the next session, per exercise that has been logged at least once. */
  doses: Map<string, ExerciseDose>;
  steps: ProgressionStep[];
}

/** The dose of an exercise: its replayed one, or level 1's start when it was never logged. */
export function doseFrom(replay: Replay, exerciseId: string): ExerciseDose | undefined {
  const known = replay.doses.get(exerciseId);
  if (known) return known;
  const exercise = exerciseOf(exerciseId);
  return exercise ? startDoseOf(exercise) : undefined;
}

export function replayProgression(
  sessions: readonly StrengthSessionLog[],
  opts: ReplayOptions = {},
): Replay {
  const replay: Replay = { doses: new Map(), steps: [] };
  const ordered = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const s of ordered) {
    const heavyAllowed = opts.heavyAllowedOn ? opts.heavyAllowedOn(s.date) : true;
    for (const log of s.exercises) {
      const exercise = exerciseOf(log.id);
      const prescribed = doseFrom(replay, log.id);
      if (!exercise || !prescribed) continue;
      const result = progressExercise(exercise, prescribed, log, s, {
        ...(opts.bands ? { bands: opts.bands } : {}),
        levelHeld: opts.levelHolds?.has(log.id) === true,
        heavyAllowed,
      });
      replay.doses.set(log.id, result.next);
      replay.steps.push({
        ...result,
        date: s.date,
        exerciseId: log.id,
        prescribed,
        done: log,
        pain: s.pain ?? null,
        rpe: s.rpe ?? null,
      });
    }
  }
  return replay;
}
