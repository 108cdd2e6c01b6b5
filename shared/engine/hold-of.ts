// What stops running until someone acts, and what they must do: a red flag until a clinician's
// clearance, or the weeks after surgery until the surgeon's clearance (science.md §4).
import type { Hold } from './engine-types.ts';
import { redFlagMessageOf } from './detect-red-flags.ts';
import { RED_FLAG_HOW_TO_CLEAR } from './red-flag-hold.ts';
import type { DayContext } from './recommend-today.ts';
import { surgeryHowToClearOf } from './surgery-hold.ts';

/** The day's hold; a red flag comes before the surgery hold. */
export function holdOf(ctx: Pick<DayContext, 'redFlagHold' | 'surgeryHold'>): Hold | null {
  if (ctx.redFlagHold)
    return {
      kind: 'red_flag',
      since: ctx.redFlagHold.since,
      flags: ctx.redFlagHold.flags.map((f) => ({
        code: f.code,
        message: redFlagMessageOf(f.code, f.date),
      })),
      howToClear: RED_FLAG_HOW_TO_CLEAR,
    };
  if (ctx.surgeryHold)
    return {
      kind: 'surgery',
      surgeryDate: ctx.surgeryHold.surgeryDate,
      weeksSince: ctx.surgeryHold.weeksSince,
      howToClear: surgeryHowToClearOf(ctx.surgeryHold),
    };
  return null;
}
