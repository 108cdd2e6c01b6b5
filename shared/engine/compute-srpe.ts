// Session-RPE load (Foster 1998, MSSE 30:1164).
import { BadInputError } from '../errors.ts';

/** True when `rpe` is a CR-10 score, 0–10. */
export function isRpe(rpe: unknown): rpe is number {
  return typeof rpe === 'number' && Number.isFinite(rpe) && rpe >= 0 && rpe <= 10;
}

/** Session-RPE load = RPE (CR-10) × minutes. */
export function computeSrpe(rpe: number, minutes: number): number {
  if (!isRpe(rpe)) throw new BadInputError('rpe_invalid', `invalid rpe: ${rpe} (0–10)`);
  if (!(minutes >= 0)) throw new BadInputError('minutes_invalid', `invalid minutes: ${minutes}`);
  // Foster 1998: load = RPE × session minutes
  return rpe * minutes;
}
