import { Router } from 'express';
import type { DisplayName, Me, SignedIn } from '#shared/api/athlete';
import { z } from 'zod';
import { AppError } from '#shared/errors';
import type { Response } from 'express';
import { isTimeZone } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { insertAthlete, findAthleteByUserId } from '#services/db/athletes.repository';
import { findUserByEmail, insertUser, updateDisplayName } from '#services/db/users.repository';
import { isRecomputePending } from '#services/db/recompute.repository';
import { athleteJson } from './athlete.routes.ts';
import type { AttemptLimiters } from './attempt-limiter.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { currentUser, endSession, startSession } from './session.ts';
import { parseInput } from './validate.ts';

/** A display name: what a coach (or an athlete) reads instead of an email. */
export const displayNameSchema = z.string().trim().min(1, 'must not be empty').max(80);

export const email = z.string().trim().toLowerCase().email('must be an email address').max(254);

const signupSchema = z.object({
  email,
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  role: z.enum(['runner', 'coach']).default('runner'),
  name: displayNameSchema.optional(),
  timezone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Oslo or America/Denver')
    .optional(),
});

const loginSchema = z.object({ email, password: z.string().min(1).max(200) });

/** Refuses an attempt over its limit with 429 and Retry-After. */
export function refuseOverLimit(
  res: Response,
  verdicts: Array<{ allowed: boolean; retryAfterS: number }>,
  what: string,
): void {
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length === 0) return;
  const wait = Math.max(...refused.map((v) => v.retryAfterS));
  res.setHeader('Retry-After', String(wait));
  throw new AppError('rate_limited', `too many ${what}; try again in ${Math.ceil(wait / 60)} min`);
}

export function authRoutes(deps: {
  pool: Pool;
  secureCookies: boolean;
  limits: AttemptLimiters;
}): Router {
  const router = Router();
  const { limits } = deps;
  void dummyHash(); // made now, so that no sign-in waits for it

  router.post('/signup', async (req, res) => {
    const input = parseInput(signupSchema, req.body);
    refuseOverLimit(res, [await limits.signupPerAddress.take(req.ip ?? '?')], 'sign-ups');
    const passwordHash = await hashPassword(input.password);
    const user = await withTransaction(deps.pool, async (client) => {
      const u = await insertUser(client, {
        email: input.email,
        passwordHash,
        role: input.role,
        displayName: input.name ?? null,
      });
      if (u.role === 'runner') await insertAthlete(client, u.id, input.timezone ?? 'UTC');
      return u;
    });
    await startSession(deps.pool, res, user.id, deps.secureCookies);
    res.status(201).json({ id: user.id, email: user.email, role: user.role } satisfies SignedIn);
  });

  router.post('/login', async (req, res) => {
    const input = parseInput(loginSchema, req.body);
    const address = req.ip ?? '?';
    // Counted before the password is checked: parallel guesses see each other's attempts.
    const verdicts = await Promise.all([
      limits.loginPerEmail.take(input.email),
      limits.loginPerAddress.take(address),
    ]);
    refuseOverLimit(res, verdicts, 'sign-in attempts');
    const user = await findUserByEmail(deps.pool, input.email);
    // An unknown email is checked against a dummy hash: it takes as long as a real account.
    const ok = await verifyPassword(input.password, user?.passwordHash);
    if (!user || !ok) throw new AppError('unauthorized', 'wrong email or password');
    await Promise.all([
      limits.loginPerEmail.reset(input.email),
      limits.loginPerAddress.refund(address),
    ]);
    await startSession(deps.pool, res, user.id, deps.secureCookies);
    res.json({ id: user.id, email: user.email, role: user.role } satisfies SignedIn);
  });

  router.post('/logout', async (req, res) => {
    await endSession(deps.pool, req, res);
    res.status(204).end();
  });

  return router;
}

const nameSchema = z.object({ name: displayNameSchema.nullable() }).strict();

export function meRoute(deps: { pool: Pool }): Router {
  const router = Router();
  // The name others read; null clears it (a coach then reads the email).
  router.put('/me/name', async (req, res) => {
    const input = parseInput(nameSchema, req.body);
    await updateDisplayName(deps.pool, currentUser(res).id, input.name);
    res.json({ name: input.name } satisfies DisplayName);
  });
  router.get('/me', async (_req, res) => {
    const user = currentUser(res);
    const athlete = await findAthleteByUserId(deps.pool, user.id);
    res.json({
      id: user.id,
      email: user.email,
      name: user.displayName,
      role: user.role,
      athlete: athlete
        ? {
            ...athleteJson(athlete),
            metricsPending: await isRecomputePending(deps.pool, athlete.id),
          }
        : null,
    } satisfies Me);
  });
  return router;
}
