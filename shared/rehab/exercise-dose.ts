// Where a runner is on one exercise (its level, reps or hold, load), and that dose in words.
import type { Exercise, ExerciseLevel } from './exercise.ts';

export interface ExerciseDose {
  exerciseId: string;
  level: number;
  sets: number;
  reps?: number;
  holdS?: number;
  loadKg?: number;
}

export function levelOf(exercise: Exercise, level: number): ExerciseLevel {
  const found = exercise.levels.find((l) => l.level === level) ?? exercise.levels[0];
  if (!found) throw new Error(`exercise ${exercise.id} has no levels`);
  return found;
}

/** The first dose of a level: the fewest reps, the shortest hold, the starting load. */
export function startDoseOf(exercise: Exercise, level = 1): ExerciseDose {
  const l = levelOf(exercise, level);
  return {
    exerciseId: exercise.id,
    level: l.level,
    sets: l.dose.sets,
    ...(l.dose.reps ? { reps: l.dose.reps.min } : {}),
    ...(l.dose.holdS ? { holdS: l.dose.holdS.min } : {}),
    ...(l.dose.loadKg ? { loadKg: l.dose.loadKg.start } : {}),
  };
}

const kg = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(1)} kg`;

/** "3×5 at 60 kg", "3×6 each side", "3×20 s". `withLoad: false` leaves the load out. */
export function doseTextOf(
  exercise: Exercise,
  dose: Pick<ExerciseDose, 'sets' | 'reps' | 'holdS' | 'loadKg'>,
  opts: { withLoad?: boolean } = {},
): string {
  const each = exercise.perSide ? ' each side' : '';
  const amount = dose.holdS !== undefined ? `${dose.holdS} s` : `${dose.reps ?? 0}`;
  const load = opts.withLoad !== false && dose.loadKg !== undefined ? ` at ${kg(dose.loadKg)}` : '';
  return `${dose.sets}×${amount}${each}${load}`;
}

/** The name as it reads inside a sentence ("trap-bar deadlift"); proper names keep their capital. */
export function inlineNameOf(exercise: Exercise): string {
  if (exercise.name.startsWith('Copenhagen')) return exercise.name;
  return exercise.name.charAt(0).toLowerCase() + exercise.name.slice(1);
}

/** Seconds of rest between sets: long for heavy lifts, short for drills and stretches. */
export function restSecondsOf(exercise: Exercise): number {
  switch (exercise.family) {
    case 'heavy_lift':
      return 120;
    case 'hip_drill':
    case 'stretch':
      return 20;
    default:
      return 60;
  }
}
