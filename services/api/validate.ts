import type { z } from 'zod';
import { BadInputError } from '#shared/errors';
import { describeZodError } from './errors.ts';

/** Parse request input with a zod schema; a mismatch is a 400 naming each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new BadInputError('invalid_request', describeZodError(result.error));
  return result.data;
}
