import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '#shared/errors';
import { isTimeZone } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { insertAthlete, findAthleteByUserId } from '#services/db/athletes.repository';
import { findUserByEmail, insertUser } from '#services/db/users.repository';
import { isRecomputePending } from '#services/db/recompute.repository';
import { athleteJson } from './athlete.routes.ts';
import { createLoginLimiter } from './login-limiter.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { currentUser, endSession, startSession } from './session.ts';
import { parseInput } from './validate.ts';

const email = z.string().trim().toLowerCase().email('must be an email address').max(254);

const signupSchema = z.object({
  email,
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  role: z.enum(['runner', 'coach']).default('runner'),
  timezone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Oslo or America/Denver')
    .optional(),
});

const loginSchema = z.object({ email, password: z.string().min(1).max(200) });

export function authRoutes(deps: { pool: Pool; secureCookies: boolean }): Router {
  const router = Router();
  // Per email: guessing one account's password. Per address: sweeping many accounts; higher, since
  // many runners can share one address (a club's wifi).
  const byEmail = createLoginLimiter({ max: 10, windowMs: 15 * 60_000 });
  const byAddress = createLoginLimiter({ max: 50, windowMs: 15 * 60_000 });

  router.post('/signup', async (req, res) => {
    const input = parseInput(signupSchema, req.body);
    const passwordHash = await hashPassword(input.password);
    const user = await withTransaction(deps.pool, async (client) => {
      const u = await insertUser(client, { email: input.email, passwordHash, role: input.role });
      if (u.role === 'runner') await insertAthlete(client, u.id, input.timezone ?? 'UTC');
      return u;
    });
    await startSession(deps.pool, res, user.id, deps.secureCookies);
    res.status(201).json({ id: user.id, email: user.email, role: user.role });
  });

  router.post('/login', async (req, res) => {
    const input = parseInput(loginSchema, req.body);
    const address = [req.ip ?? '?'];
    const account = [input.email];
    const now = Date.now();
    const wait = Math.max(byEmail.retryAfterS(account, now), byAddress.retryAfterS(address, now));
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new AppError(
        'rate_limited',
        `too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min`,
      );
    }
    const user = await findUserByEmail(deps.pool, input.email);
    const ok = user !== undefined && (await verifyPassword(input.password, user.passwordHash));
    if (!user || !ok) {
      byEmail.fail(account, Date.now());
      byAddress.fail(address, Date.now());
      throw new AppError('unauthorized', 'wrong email or password');
    }
    byEmail.succeed(account);
    await startSession(deps.pool, res, user.id, deps.secureCookies);
    res.json({ id: user.id, email: user.email, role: user.role });
  });

  router.post('/logout', async (req, res) => {
    await endSession(deps.pool, req, res);
    res.status(204).end();
  });

  return router;
}

export function meRoute(deps: { pool: Pool }): Router {
  const router = Router();
  router.get('/me', async (_req, res) => {
    const user = currentUser(res);
    const athlete = await findAthleteByUserId(deps.pool, user.id);
    res.json({
      id: user.id,
      email: user.email,
      role: user.role,
      athlete: athlete
        ? {
            ...athleteJson(athlete),
            metricsPending: await isRecomputePending(deps.pool, athlete.id),
          }
        : null,
    });
  });
  return router;
}
