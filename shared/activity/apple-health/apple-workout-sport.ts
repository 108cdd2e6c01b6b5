// Apple Health workout types (HKWorkoutActivityType…) → Hipcheck sports.
import type { Sport } from '../activity.ts';
import { sportOfName } from '../sport.ts';

const BY_TYPE: Readonly<Record<string, Sport>> = {
  Running: 'run',
  Walking: 'walk',
  Hiking: 'hike',
  Cycling: 'ride',
  HandCycling: 'ride',
  Swimming: 'swim',
  Elliptical: 'elliptical',
  Rowing: 'rowing',
  TraditionalStrengthTraining: 'strength',
  FunctionalStrengthTraining: 'strength',
  CoreTraining: 'strength',
};

/** The workout type without Apple's prefix, e.g. "Running". */
export function appleWorkoutTypeName(type: string): string {
  return type.replace(/^HKWorkoutActivityType/, '');
}

/** The Sport of an Apple workout type; an indoor run is a treadmill run. */
export function sportOfAppleWorkout(type: string, indoor: boolean): Sport {
  const name = appleWorkoutTypeName(type);
  const sport = BY_TYPE[name] ?? sportOfName(name) ?? 'other';
  return sport === 'run' && indoor ? 'treadmill_run' : sport;
}
