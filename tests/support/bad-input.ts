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
