// An exercise of the rehab programme (science.md §7): what it is, what it trains, its levels and
// how each level is dosed and progressed. Exercises are data; the rules that choose and progress
// them live beside this file.

/** The families of science.md §7. */
export type ExerciseFamily =
  'hip_drill' | 'hip_flexor' | 'multi_planar' | 'heavy_lift' | 'core_balance' | 'stretch';

/** One level's dose: sets of reps (or of a hold), each side when `perSide`. */
export interface LevelDose {
  sets: number;
  /** Reps start at `min` and step up by one to `max`; absent for holds. */
  reps?: { min: number; max: number };
  /** Holds start at `min` seconds and step up by `step` to `max`; absent for reps. */
  holdS?: { min: number; max: number; step: number };
  /** Loaded levels: the first load, the step, and the load that sends the next step to the next level. */
  loadKg?: { start: number; step: number; max: number };
}

export interface ExerciseLevel {
  /** 1, 2, 3… in order. */
  level: number;
  name: string;
  /** What changes at this level, in one plain sentence. */
  how: string;
  dose: LevelDose;
  /**
   * Heavy or loaded hip flexion: held back while symptoms are amber and in stages 0–3
   * (science.md §7, where the seeds disagree).
   */
  heavyHipFlexion: boolean;
}

export interface Exercise {
  /** kebab-case, stable: logs and adjustments refer to it. */
  id: string;
  name: string;
  family: ExerciseFamily;
  /** Two or three plain sentences on how to do it. */
  description: string;
  /** The muscles or motion it trains. */
  trains: string;
  perSide: boolean;
  levels: readonly ExerciseLevel[];
  /** How to choose and change the load, in one sentence. */
  loadGuidance: string;
  /** When to stop, in one sentence (science.md §7: mild discomfort that settles is acceptable). */
  painRule: string;
  /** The first stage (science.md §4) at which the exercise is used. */
  fromStage: number;
}

/** The usual pain rule of science.md §7, for exercises that need nothing more specific. */
export const PAIN_RULE =
  'Mild discomfort that settles as soon as the set ends is fine; pain that builds during the set or lingers afterwards means stop and note it.';

/** The stretches' rule (science.md §7: held 15–30 s, stopped on intense pain). */
export const STRETCH_PAIN_RULE =
  'A gentle pull is the aim; stop at once on sharp or intense pain, and do not bounce.';
