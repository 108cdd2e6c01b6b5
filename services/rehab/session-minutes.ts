// The minutes of a strength session logged without them, for its session-RPE load (RPE × minutes,
// Foster 2001): about 45 s of work per set (per side where the exercise is one-sided) plus the
// exercise's rest between sets.
import { exerciseOf, restSecondsOf } from '#shared/rehab/index';

const WORK_S_PER_SET = 45;

export function estimateSessionMinutes(
  exercises: ReadonlyArray<{ id: string; sets: number }>,
): number {
  let seconds = 0;
  for (const e of exercises) {
    const exercise = exerciseOf(e.id);
    if (!exercise) continue;
    const sides = exercise.perSide ? 2 : 1;
    seconds += e.sets * (WORK_S_PER_SET * sides + restSecondsOf(exercise));
  }
  return Math.max(5, Math.round(seconds / 60));
}
