// What a call refused with: its BadInputError, or a failure when it returned or threw anything else.
import { BadInputError } from '../../shared/errors.ts';

export function badInputOf(fn: () => unknown): BadInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BadInputError) return err;
    throw err;
  }
  throw new Error('expected a BadInputError');
}

/** The reason of the BadInputError a call throws. */
export const reasonOf = (fn: () => unknown): string => badInputOf(fn).reason;

/** A refusal's reason and message, or null when the call went through (for tables of both). */
export function refusalOf(fn: () => unknown): { reason: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    return { reason: err.reason, message: err.message };
  }
}
