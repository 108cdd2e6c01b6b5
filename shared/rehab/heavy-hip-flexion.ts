// Where the seeds disagree — one keeps deadlifts and deep squats out while symptoms are high,
// another programmes trap-bar deadlifts for the long term — the programme follows the stage
// (science.md §7): no heavy hip flexion in stages 0–3, nor while symptoms are amber. Symptoms count
// as amber until they have been green for two weeks, so heavy lifts come back from stage 4 once
// the last score above green is 14 days old.
import { daysBetween, type LocalDate } from '../local-date.ts';

export const HEAVY_FROM_STAGE = 4;
export const GREEN_DAYS_BEFORE_HEAVY = 14;

export interface HeavyHipFlexionInput {
  stage: number;
  today: LocalDate;
  /** The last pain score above green (any moment, runs or strength sessions), if any. */
  lastPainAboveGreen: { date: LocalDate; pain: number } | null;
}

export interface HeavyHipFlexion {
  allowed: boolean;
  /** Why, in the reader's voice ({your} tokens as in the engine's reasons). */
  reason: string;
}

export function heavyHipFlexionOf(input: HeavyHipFlexionInput): HeavyHipFlexion {
  if (input.stage < HEAVY_FROM_STAGE)
    return {
      allowed: false,
      reason: `Heavy lifts wait for stage ${HEAVY_FROM_STAGE}: {your} stage is ${input.stage}, so the sessions use hip-friendly exercises without heavy hip flexion.`,
    };
  const last = input.lastPainAboveGreen;
  if (last) {
    const green = daysBetween(last.date, input.today);
    if (green < GREEN_DAYS_BEFORE_HEAVY)
      return {
        allowed: false,
        reason: `Heavy lifts wait until pain has been green for ${GREEN_DAYS_BEFORE_HEAVY} days: {your} last score above green was ${last.pain}/10, ${green} ${green === 1 ? 'day' : 'days'} ago.`,
      };
  }
  return {
    allowed: true,
    reason: `Stage ${input.stage} with pain green for at least ${GREEN_DAYS_BEFORE_HEAVY} days: heavy lifts that need little hip flexion are in.`,
  };
}
