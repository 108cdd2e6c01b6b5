import type { RequestHandler } from 'express';
import { ForbiddenError } from '#shared/errors';
import { currentUser } from './session.ts';

/** Refuses (403) a signed-in account of the other role: "only coach accounts can …". */
export function requireRole(role: 'runner' | 'coach', what: string): RequestHandler {
  return (_req, res, next) => {
    if (currentUser(res).role !== role)
      throw new ForbiddenError(`only ${role} accounts can ${what}`);
    next();
  };
}
