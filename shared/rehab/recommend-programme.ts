// The runner's programme on a day: each session of session-templates.ts filled with the exercises
// the stage and symptoms allow (heavy-hip-flexion.ts), a coach's swaps, and each exercise's dose
// from the logged sessions (replay-progression.ts).
import type { Exercise, ExerciseFamily } from './exercise.ts';
import { exerciseOf } from './exercise-library.ts';
import {
  doseTextOf,
  inlineNameOf,
  levelOf,
  restSecondsOf,
  startDoseOf,
  type ExerciseDose,
} from './exercise-dose.ts';
import type { HeavyHipFlexion } from './heavy-hip-flexion.ts';
import { doseFrom, type ProgressionStep, type Replay } from './replay-progression.ts';
import { SESSION_TEMPLATES, type SessionKey } from './session-templates.ts';

export interface Adjustments {
  /** exercise id → the exercise a coach put in its place. */
  swaps: ReadonlyMap<string, string>;
  /** Exercises whose level a coach holds. */
  levelHolds: ReadonlySet<string>;
}

export const NO_ADJUSTMENTS: Adjustments = { swaps: new Map(), levelHolds: new Set() };

export interface PrescribedExercise {
  exerciseId: string;
  name: string;
  family: ExerciseFamily;
  description: string;
  trains: string;
  loadGuidance: string;
  painRule: string;
  perSide: boolean;
  level: number;
  levelName: string;
  levelHow: string;
  levels: number;
  sets: number;
  reps?: number;
  holdS?: number;
  loadKg?: number;
  /** "3×5 at 60 kg". */
  doseText: string;
  restS: number;
  /** The exercise a coach swapped out for this one. */
  swappedFor?: string;
  levelHeld: boolean;
  /** Why the dose is what it is: the last step of this exercise, when there was one. */
  lastStep?: { date: string; outcome: ProgressionStep['outcome']; reason: string };
}

export interface ProgrammeSession {
  key: SessionKey;
  title: string;
  when: string;
  exercises: PrescribedExercise[];
  /** "Strength B: trap-bar deadlift 3×5, …" — the plan's words for the day. */
  text: string;
  /** Notes on exercises left out or swaps not applied, in the reader's voice. */
  notes: string[];
}

export interface ProgrammeInput {
  stage: number;
  heavy: HeavyHipFlexion;
  replay: Replay;
  adjustments?: Adjustments;
}

/** May the exercise be used now (its first stage reached; heavy levels only when allowed)? */
function usable(exercise: Exercise, stage: number, heavyAllowed: boolean): boolean {
  if (stage < exercise.fromStage) return false;
  return heavyAllowed || exercise.levels.some((l) => !l.heavyHipFlexion);
}

/** The dose, brought down to the highest level without heavy hip flexion when that is held back. */
function allowedDose(exercise: Exercise, dose: ExerciseDose, heavyAllowed: boolean): ExerciseDose {
  if (heavyAllowed || !levelOf(exercise, dose.level).heavyHipFlexion) return dose;
  const light = [...exercise.levels]
    .reverse()
    .find((l) => !l.heavyHipFlexion && l.level < dose.level);
  return light ? startDoseOf(exercise, light.level) : dose;
}

function prescribe(
  exercise: Exercise,
  input: ProgrammeInput,
  swappedFor: string | undefined,
): PrescribedExercise {
  const adjustments = input.adjustments ?? NO_ADJUSTMENTS;
  const dose = allowedDose(
    exercise,
    doseFrom(input.replay, exercise.id) ?? startDoseOf(exercise),
    input.heavy.allowed,
  );
  const level = levelOf(exercise, dose.level);
  const last = [...input.replay.steps].reverse().find((s) => s.exerciseId === exercise.id);
  return {
    exerciseId: exercise.id,
    name: exercise.name,
    family: exercise.family,
    description: exercise.description,
    trains: exercise.trains,
    loadGuidance: exercise.loadGuidance,
    painRule: exercise.painRule,
    perSide: exercise.perSide,
    level: level.level,
    levelName: level.name,
    levelHow: level.how,
    levels: exercise.levels.length,
    sets: dose.sets,
    ...(dose.reps !== undefined ? { reps: dose.reps } : {}),
    ...(dose.holdS !== undefined ? { holdS: dose.holdS } : {}),
    ...(dose.loadKg !== undefined ? { loadKg: dose.loadKg } : {}),
    doseText: doseTextOf(exercise, dose),
    restS: restSecondsOf(exercise),
    ...(swappedFor ? { swappedFor } : {}),
    levelHeld: adjustments.levelHolds.has(exercise.id),
    ...(last ? { lastStep: { date: last.date, outcome: last.outcome, reason: last.reason } } : {}),
  };
}

export function recommendProgramme(input: ProgrammeInput): ProgrammeSession[] {
  const adjustments = input.adjustments ?? NO_ADJUSTMENTS;
  const ok = (e: Exercise | undefined): e is Exercise =>
    e !== undefined && usable(e, input.stage, input.heavy.allowed);
  return SESSION_TEMPLATES.map((t) => {
    const notes: string[] = [];
    const exercises: PrescribedExercise[] = [];
    for (const slot of t.slots) {
      const chosen = slot.map(exerciseOf).find(ok);
      if (!chosen) continue;
      const swapId = adjustments.swaps.get(chosen.id);
      const swap = swapId !== undefined ? exerciseOf(swapId) : undefined;
      if (swap && ok(swap) && !exercises.some((e) => e.exerciseId === swap.id)) {
        exercises.push(prescribe(swap, input, chosen.id));
        continue;
      }
      if (swap)
        notes.push(
          `${swap.name} stays out for now (stage ${input.stage}${input.heavy.allowed ? '' : ', no heavy hip flexion'}): ${inlineNameOf(chosen)} instead.`,
        );
      exercises.push(prescribe(chosen, input, undefined));
    }
    const heavyLeftOut = t.slots.some((slot) => {
      const first = exerciseOf(slot[0] ?? '');
      return first?.family === 'heavy_lift' && !ok(first);
    });
    if (heavyLeftOut) notes.push(input.heavy.reason);
    return {
      key: t.key,
      title: t.title,
      when: t.when,
      exercises,
      text: sessionTextOf(t.title, exercises),
      notes,
    };
  });
}

/** "Strength B: trap-bar deadlift 3×5, rear-foot-elevated split squat 3×6 each side, …". */
export function sessionTextOf(title: string, exercises: readonly PrescribedExercise[]): string {
  const parts = exercises.map((p) => {
    const exercise = exerciseOf(p.exerciseId);
    const name = exercise ? inlineNameOf(exercise) : p.name;
    return `${name} ${exercise ? doseTextOf(exercise, p, { withLoad: false }) : p.doseText}`;
  });
  return `${title}: ${parts.join(', ')}`;
}
