// Sessions: a random token in an httpOnly SameSite=Lax cookie; only its sha256 is stored, so a
// database leak does not leak live sessions. State-changing requests from another origin are
// refused (CSRF), on top of what SameSite already blocks.
import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BadInputError, ForbiddenError, NotFoundError, UnauthorizedError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { findAthleteByUserId } from '#services/db/athletes.repository';
import { deleteSession, findSession, insertSession } from '#services/db/sessions.repository';
import type { User } from '#services/db/users.repository';

export const SESSION_COOKIE = 'hipcheck_session';
const SESSION_DAYS = 30;

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export async function startSession(
  pool: Pool,
  res: Response,
  userId: string,
  secure: boolean,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await insertSession(pool, { tokenHash: hashToken(token), userId, expiresAt });
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export async function endSession(pool: Pool, req: Request, res: Response): Promise<void> {
  const token = readCookie(req, SESSION_COOKIE);
  if (token) await deleteSession(pool, hashToken(token));
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

export interface Locals {
  user?: User;
  athlete?: Athlete;
  /** The signed-in user's own athlete (null: none), read with the session. */
  ownAthlete?: Athlete | null;
  /** Set on /api/athletes/:athleteId/… once the coach's grant is checked (coaching.routes.ts). */
  actingAs?: 'coach';
}

/** Who is acting on the athlete's data: the runner themselves, or a coach with a grant. */
export const actingRoleOf = (res: Response): 'runner' | 'coach' =>
  (res.locals as Locals).actingAs ?? 'runner';

/** Loads the session's user, if any, into res.locals.user, with their own athlete. */
export function sessionMiddleware(pool: Pool): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const session = await findSession(pool, hashToken(token));
      if (session) {
        (res.locals as Locals).user = session.user;
        (res.locals as Locals).ownAthlete = session.athlete;
      }
    }
    next();
  };
}

/** The origin of an Origin header ('https://a.example'), or undefined when it does not parse. */
function parseOrigin(header: string): string | undefined {
  try {
    const url = new URL(header);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Refuses unsafe methods whose Origin is not this site. `Origin: null` (a sandboxed frame, a
 * file:// page, a cross-origin redirect) is refused too: a page of ours never sends it. A request
 * without Origin comes from a program, not a browser page, and is let through.
 */
export function sameOriginGuard(publicUrl: string): RequestHandler {
  const allowed = new URL(publicUrl).origin;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    if (origin === 'null')
      return next(new ForbiddenError('requests from an opaque origin (Origin: null) are refused'));
    const parsed = parseOrigin(origin);
    if (parsed === undefined)
      return next(
        new BadInputError(
          'invalid_origin',
          'Origin header: not an origin such as https://hipcheck.example',
        ),
      );
    const host = req.headers.host;
    if (parsed === allowed || (host !== undefined && new URL(parsed).host === host)) return next();
    next(new ForbiddenError(`requests from ${parsed} are not allowed`));
  };
}

export function currentUser(res: Response): User {
  const user = (res.locals as Locals).user;
  if (!user) throw new UnauthorizedError();
  return user;
}

export const requireUser: RequestHandler = (_req, res, next) => {
  currentUser(res);
  next();
};

/** The signed-in runner's own athlete profile. */
export async function currentAthlete(pool: Pool, res: Response): Promise<Athlete> {
  const locals = res.locals as Locals;
  if (locals.athlete) return locals.athlete;
  const user = currentUser(res);
  const athlete =
    locals.ownAthlete !== undefined ? locals.ownAthlete : await findAthleteByUserId(pool, user.id);
  if (!athlete)
    throw new NotFoundError('this account has no athlete profile (coach accounts have none)');
  locals.athlete = athlete;
  return athlete;
}
