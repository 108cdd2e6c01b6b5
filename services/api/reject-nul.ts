// PostgreSQL text cannot hold a NUL character (U+0000): a JSON string or query value with one would
// fail deep inside an insert as a 500. This refuses it at the door, naming the field.
import type { RequestHandler } from 'express';
import { BadInputError } from '#shared/errors';

/** The path ('plan.2.name') of the first string (or key) holding a NUL, or undefined. */
export function findNul(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\u0000')].join('.');
      const found = findNul(v, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Refuses a JSON body or query string holding a NUL anywhere with a 400 naming the field. */
export const rejectNul: RequestHandler = (req, _res, next) => {
  for (const [where, value] of [
    ['query', req.query],
    ['body', req.body as unknown],
  ] as const) {
    const path = findNul(value);
    if (path !== undefined) {
      const field = path === '' ? `the request ${where}` : path;
      throw new BadInputError(
        'nul_character',
        `${field}: contains a NUL character (\\u0000), which text cannot hold; remove it`,
      );
    }
  }
  next();
};
