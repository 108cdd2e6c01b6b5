// The library: every exercise of the programme, by id.
import type { Exercise } from './exercise.ts';
import { CORE_BALANCE, STRETCHES } from './exercises-core.ts';
import { HIP_DRILLS } from './exercises-drills.ts';
import { HIP_FLEXOR, MULTI_PLANAR } from './exercises-hip-strength.ts';
import { HEAVY_LIFTS } from './exercises-lifts.ts';

export const EXERCISE_LIBRARY: readonly Exercise[] = [
  ...HIP_DRILLS,
  ...HIP_FLEXOR,
  ...MULTI_PLANAR,
  ...HEAVY_LIFTS,
  ...CORE_BALANCE,
  ...STRETCHES,
];

const byId = new Map(EXERCISE_LIBRARY.map((e) => [e.id, e]));

export const exerciseOf = (id: string): Exercise | undefined => byId.get(id);

export const isExerciseId = (id: string): boolean => byId.has(id);
