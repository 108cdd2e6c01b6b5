// Coaching: a coach invites athletes with a link, an athlete accepts and decides what the coach may
// see (shareActivityDetails), and the coach reads a roster sorted by risk and each athlete's pages.
// Athlete pages reuse the runner's own routers: a middleware checks the grant and puts the granted
// athlete in res.locals, so currentAthlete() answers with them. Without a grant every one of those
// routes is a 404 — the same answer as for an id that does not exist.
import { randomBytes } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { buildRoster } from '#services/coaching/build-roster';
import { listActivities } from '#services/db/activities.repository';
import {
  deleteGrant,
  findGrant,
  insertInvite,
  listGrants,
  updateGrant,
} from '#services/db/coaching.repository';
import { rangeSchema } from './activities.routes.ts';
import { derivedOnlyAnswers } from './derived-only.ts';
import { isUuid } from './ids.ts';
import { currentAthlete, currentUser, hashToken, type Locals } from './session.ts';
import { requireRole } from './require-role.ts';
import { parseInput } from './validate.ts';

const INVITE_DAYS = 14;
const NO_ATHLETE = 'no such athlete, or they have not given you access';
const DERIVED_ONLY =
  'this athlete shares only derived load with you, not the details of each activity';

const grantPatchSchema = z.object({ shareActivityDetails: z.boolean() }).strict();

/** /api/coach/…: a coach's invites and roster. */
export function coachRoutes(deps: { pool: Pool; publicUrl: string; now: () => Date }): Router {
  const router = Router();
  router.use(requireRole('coach', 'invite athletes and see a roster'));

  router.post('/invites', async (_req, res) => {
    const coach = currentUser(res);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(deps.now().getTime() + INVITE_DAYS * 86_400_000);
    await insertInvite(deps.pool, {
      tokenHash: hashToken(token),
      coachUserId: coach.id,
      expiresAt,
    });
    res.status(201).json({
      token,
      url: `${deps.publicUrl.replace(/\/+$/, '')}/invite/${token}`,
      expiresAt: expiresAt.toISOString(),
    });
  });

  router.get('/athletes', async (_req, res) => {
    res.json(await buildRoster(deps.pool, currentUser(res).id, deps.now()));
  });

  return router;
}

/** /api/grants: the coaches a runner gave access, what they share, and revoking. */
export function grantsRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  router.use(requireRole('runner', 'manage coach access'));

  router.get('/', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listGrants(deps.pool, athlete.id));
  });

  router.patch('/:coachId', async (req, res) => {
    const input = parseInput(grantPatchSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const grant = isUuid(req.params.coachId)
      ? await updateGrant(deps.pool, athlete.id, req.params.coachId, input)
      : undefined;
    if (!grant) throw new NotFoundError('no such coach among those you gave access');
    res.json(grant);
  });

  router.delete('/:coachId', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const removed =
      isUuid(req.params.coachId) && (await deleteGrant(deps.pool, athlete.id, req.params.coachId));
    if (!removed) throw new NotFoundError('no such coach among those you gave access');
    res.status(204).end();
  });

  return router;
}

interface CoachLocals extends Locals {
  shareActivityDetails?: boolean;
}

// Writes a coach may make on a granted athlete; any other write is the athlete's own (403).
const COACH_WRITES = new Set([
  'PUT /progression',
  'POST /progression/stage',
  'POST /clearances',
  'POST /notes',
  'POST /notes/read',
  'PUT /programme/adjustments',
]);

const shareOf = (res: Response): boolean =>
  (res.locals as CoachLocals).shareActivityDetails === true;

/**
 * /api/athletes/:athleteId/…: the runner's routers, for a coach the athlete gave access. The grant
 * is checked before anything else, so without one every path and method answers 404.
 */
export function athleteScopedRoutes(deps: {
  pool: Pool;
  routers: Record<'engine' | 'activities' | 'metrics' | 'wellness' | 'programme' | 'notes', Router>;
}): Router {
  const router = Router({ mergeParams: true });

  router.use(async (req, res, next) => {
    const user = currentUser(res);
    const athleteId = (req.params as { athleteId?: string }).athleteId;
    const grant =
      user.role === 'coach' && isUuid(athleteId)
        ? await findGrant(deps.pool, user.id, athleteId)
        : undefined;
    const athlete =
      grant && isUuid(athleteId) ? await findAthleteById(deps.pool, athleteId) : undefined;
    if (!grant || !athlete) throw new NotFoundError(NO_ATHLETE);
    const locals = res.locals as CoachLocals;
    locals.athlete = athlete;
    locals.actingAs = 'coach';
    locals.shareActivityDetails = grant.shareActivityDetails;
    next();
  });
  router.use((req, res, next) => (shareOf(res) ? next() : derivedOnlyAnswers(req, res, next)));

  router.use((req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (COACH_WRITES.has(`${req.method} ${req.path.replace(/\/+$/, '')}`)) return next();
    throw new ForbiddenError(
      "a coach can read this athlete's data, set their progression, record a clinician's clearance " +
        'and leave notes; check-ins, cross-training, onboarding and uploads are the athlete’s own',
    );
  });

  // Without shareActivityDetails: the list keeps the derived numbers only, and no detail page.
  router.get('/activities', async (req, res, next) => {
    if (shareOf(res)) return next();
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    const rows = await listActivities(deps.pool, athlete.id, range);
    res.json(
      rows.map((a) => ({
        id: a.id,
        sport: a.sport,
        startAt: a.startAt,
        localDate: a.localDate,
        distanceM: a.distanceM,
        movingS: a.movingS,
      })),
    );
  });
  router.get('/activities/:id', (_req, res, next) => {
    if (!shareOf(res)) throw new NotFoundError(DERIVED_ONLY);
    next();
  });

  router.use('/activities', deps.routers.activities);
  router.use('/metrics', deps.routers.metrics);
  router.use('/wellness', deps.routers.wellness);
  router.use(deps.routers.engine);
  router.use(deps.routers.programme);
  router.use(deps.routers.notes);
  router.use(() => {
    throw new NotFoundError('no such API route');
  });
  return router;
}
