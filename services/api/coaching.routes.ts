// Coaching: a coach invites athletes with a link, an athlete accepts and decides what the coach may
// see (shareActivityDetails), and the coach reads a roster sorted by risk and each athlete's pages.
// Athlete pages reuse the runner's own routers: a middleware checks the grant and puts the granted
// athlete in res.locals, so currentAthlete() answers with them. Without a grant every one of those
// routes is a 404 — the same answer as for an id that does not exist.
import { randomBytes } from 'node:crypto';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  compareSeverity,
  isSeverity,
  worstSeverity,
  nameOfEmail,
  speak,
  speakAll,
  type Flag,
  type Severity,
  type Voice,
} from '#shared/engine/index';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import { addDays } from '#shared/local-date';
import { withTransaction, type Pool } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { listActivities } from '#services/db/activities.repository';
import {
  deleteGrant,
  findGrant,
  findInvite,
  insertGrant,
  insertInvite,
  insertNote,
  listGrants,
  listNotes,
  listRoster,
  listRosterSparklines,
  markInviteUsed,
  updateGrant,
  type RosterRow,
} from '#services/db/coaching.repository';
import { computeToday } from '#services/engine/today-decision';
import { rangeSchema } from './activities.routes.ts';
import { derivedOnlyAnswers } from './derived-only.ts';
import { isUuid } from './ids.ts';
import { currentAthlete, currentUser, hashToken, type Locals } from './session.ts';
import { parseInput } from './validate.ts';

const INVITE_DAYS = 14;
const SPARKLINE_DAYS = 28;
const NO_ATHLETE = 'no such athlete, or they have not given you access';
const DERIVED_ONLY =
  'this athlete shares only derived load with you, not the details of each activity';

export interface RosterEntry {
  athleteId: string;
  email: string;
  stage: number;
  stageName: string;
  action: string;
  summary: string;
  /** null when today has no flag (sorted after 'info'). */
  worstSeverity: Severity | null;
  flags: Array<{ code: string; severity: Severity; message: string }>;
  sparkline: Array<{ day: string; runDistanceM: number }>;
  lastActivityAt: string | null;
}

/** Worst severity first, then those sent to a clinician, then by email. */
export function compareRoster(a: RosterEntry, b: RosterEntry): number {
  return (
    compareSeverity(a.worstSeverity, b.worstSeverity) ||
    Number(b.action === 'see_clinician') - Number(a.action === 'see_clinician') ||
    a.email.localeCompare(b.email)
  );
}

function flagsOf(value: unknown): RosterEntry['flags'] {
  if (!Array.isArray(value)) return [];
  return (value as Array<Partial<Flag>>).flatMap((f) =>
    typeof f.code === 'string' && isSeverity(f.severity)
      ? [{ code: f.code, severity: f.severity, message: f.message ?? '' }]
      : [],
  );
}

const worstOf = (flags: RosterEntry['flags']): Severity | null => worstSeverity(flags);

/**
 * The roster: today's stored row per athlete (one query) and their sparklines (a second); the
 * engine runs live only for athletes without a current row (new, or with a recompute pending).
 */
export async function buildRoster(
  pool: Pool,
  coachUserId: string,
  now: Date,
): Promise<RosterEntry[]> {
  const [rows, spark] = await Promise.all([
    listRoster(pool, coachUserId, now),
    listRosterSparklines(pool, coachUserId, now, SPARKLINE_DAYS),
  ]);
  const distances = new Map<string, Map<string, number>>();
  for (const s of spark) {
    const m = distances.get(s.athleteId) ?? new Map<string, number>();
    m.set(s.day, s.runDistanceM);
    distances.set(s.athleteId, m);
  }
  const entries = await Promise.all(
    rows.map(async (r): Promise<RosterEntry> => {
      const decision = await decisionOf(pool, r, now);
      const byDay = distances.get(r.athleteId);
      return {
        athleteId: r.athleteId,
        email: r.email,
        ...decision,
        sparkline: Array.from({ length: SPARKLINE_DAYS }, (_, i) => {
          const day = addDays(r.today, i - SPARKLINE_DAYS + 1);
          return { day, runDistanceM: byDay?.get(day) ?? 0 };
        }),
        lastActivityAt: r.lastActivityAt ? r.lastActivityAt.toISOString() : null,
      };
    }),
  );
  return entries.sort(compareRoster);
}

async function decisionOf(
  pool: Pool,
  r: RosterRow,
  now: Date,
): Promise<
  Pick<RosterEntry, 'stage' | 'stageName' | 'action' | 'summary' | 'worstSeverity' | 'flags'>
> {
  const voice: Voice = { reader: 'coach', name: nameOfEmail(r.email) };
  if (r.stored && !r.pending) {
    const flags = speakAll(flagsOf(r.stored.flags), voice);
    const rec = r.stored.recommendation as { summary?: unknown } | null;
    return {
      stage: r.stored.stage,
      stageName: r.stored.stageName ?? `Stage ${r.stored.stage}`,
      action: rosterActionOf(r.stored.action, r.stored.stage),
      summary: typeof rec?.summary === 'string' ? speak(rec.summary, voice) : '',
      worstSeverity: isSeverity(r.stored.worstSeverity) ? r.stored.worstSeverity : worstOf(flags),
      flags,
    };
  }
  const athlete = await findAthleteById(pool, r.athleteId);
  if (!athlete) throw new NotFoundError(NO_ATHLETE);
  const today = speakAll(await computeToday(pool, athlete, now), voice);
  const flags = flagsOf(today.flags);
  return {
    stage: today.stage,
    stageName: today.stageName,
    action: today.recommendation.action,
    summary: today.recommendation.summary,
    worstSeverity: worstOf(flags),
    flags,
  };
}

/** Rows stored before stage 0's session was called "walk" said "run": the roster says walk. */
function rosterActionOf(action: string, stage: number): string {
  return stage === 0 && (action === 'run' || action === 'run_modified') ? 'walk' : action;
}

function requireRole(role: 'runner' | 'coach', what: string): RequestHandler {
  return (_req, res, next) => {
    if (currentUser(res).role !== role)
      throw new ForbiddenError(`only ${role} accounts can ${what}`);
    next();
  };
}

const noteSchema = z.object({ body: z.string().trim().min(1).max(4000) }).strict();
const grantPatchSchema = z.object({ shareActivityDetails: z.boolean() }).strict();
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const INVITE_GONE =
  'this invite link is unknown, expired or already used; ask your coach for a new one';

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

/** /api/invites/:token: what a runner sees on opening an invite link, and accepting it. */
export function inviteRoutes(deps: { pool: Pool; now: () => Date }): Router {
  const router = Router();
  router.use(requireRole('runner', 'accept a coach invite'));

  const usable = (invite: { expiresAt: Date }) => invite.expiresAt > deps.now();

  router.get('/:token', async (req, res) => {
    const token = tokenSchema.safeParse(req.params.token);
    const invite = token.success ? await findInvite(deps.pool, hashToken(token.data)) : undefined;
    if (!invite || invite.usedAt !== null || !usable(invite)) throw new NotFoundError(INVITE_GONE);
    res.json({ coachEmail: invite.coachEmail, expiresAt: invite.expiresAt.toISOString() });
  });

  router.post('/:token/accept', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const token = tokenSchema.safeParse(req.params.token);
    if (!token.success) throw new NotFoundError(INVITE_GONE);
    const accepted = await withTransaction(deps.pool, async (client) => {
      const invite = await findInvite(client, hashToken(token.data), { forUpdate: true });
      if (!invite || !usable(invite)) return undefined;
      if (invite.usedAt === null) {
        await markInviteUsed(client, invite.id, athlete.id);
        await insertGrant(client, invite.coachUserId, athlete.id);
        return invite;
      }
      // Accepting again is idempotent for the athlete who accepted (while the grant stands).
      if (invite.usedByAthleteId !== athlete.id) return undefined;
      return (await findGrant(client, invite.coachUserId, athlete.id)) ? invite : undefined;
    });
    if (!accepted) throw new NotFoundError(INVITE_GONE);
    res.status(201).json({ coachId: accepted.coachUserId, coachEmail: accepted.coachEmail });
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

/** /api/notes: the notes coaches left on the signed-in runner. */
export function runnerNotesRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  router.get('/notes', requireRole('runner', 'read notes about themselves'), async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listNotes(deps.pool, athlete.id));
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
  routers: Record<'engine' | 'activities' | 'metrics' | 'wellness' | 'programme', Router>;
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

  router.get('/notes', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listNotes(deps.pool, athlete.id, currentUser(res).id));
  });

  router.post('/notes', async (req, res) => {
    const input = parseInput(noteSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const note = await insertNote(deps.pool, {
      athleteId: athlete.id,
      authorUserId: currentUser(res).id,
      body: input.body,
    });
    res.status(201).json(note);
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
  router.use(() => {
    throw new NotFoundError('no such API route');
  });
  return router;
}
