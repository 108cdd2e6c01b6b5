// /api/invites/:token — an invite link works for someone who has no account yet: the link's token
// is the only secret, so reading who invites and creating a runner account that accepts at once
// need no session. An unknown, used or expired token is one 404 that does not say which.
// Accepting with an existing account (signed in) stays behind the session.
import { Router } from 'express';
import { z } from 'zod';
import { isTimeZone } from '#shared/local-date';
import { NotFoundError } from '#shared/errors';
import { withTransaction, type Pool, type Queryable } from '#services/db/database';
import { insertAthlete } from '#services/db/athletes.repository';
import {
  findGrant,
  findInvite,
  insertGrant,
  markInviteUsed,
  type InviteRow,
} from '#services/db/coaching.repository';
import { insertUser } from '#services/db/users.repository';
import type { AttemptLimiters } from './attempt-limiter.ts';
import { displayNameSchema, email, refuseOverLimit } from './auth.routes.ts';
import { hashPassword } from './passwords.ts';
import { requireRole } from './require-role.ts';
import { currentAthlete, hashToken, startSession } from './session.ts';
import { parseInput } from './validate.ts';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const INVITE_GONE =
  'this invite link is unknown, expired or already used; ask your coach for a new one';

const signupSchema = z
  .object({
    email,
    password: z.string().min(8, 'must be at least 8 characters').max(200),
    name: displayNameSchema.optional(),
    timezone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Oslo or America/Denver')
      .optional(),
  })
  .strict();

const inviteJson = (invite: InviteRow) => ({
  coachEmail: invite.coachEmail,
  coachName: invite.coachName,
  expiresAt: invite.expiresAt.toISOString(),
});

/** The invite, locked, when it can still be accepted; undefined for any other state. */
async function openInvite(
  db: Queryable,
  token: string | undefined,
  now: Date,
): Promise<InviteRow | undefined> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return undefined;
  const invite = await findInvite(db, hashToken(parsed.data), { forUpdate: true });
  return invite && invite.usedAt === null && invite.expiresAt > now ? invite : undefined;
}

/** Mounted before the session is required: opening the link, and signing up through it. */
export function publicInviteRoutes(deps: {
  pool: Pool;
  now: () => Date;
  limits: AttemptLimiters;
  secureCookies: boolean;
}): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const invite = await openInvite(deps.pool, req.params.token, deps.now());
    if (!invite) throw new NotFoundError(INVITE_GONE);
    res.json(inviteJson(invite));
  });

  // A new runner account that accepts the invite in the same transaction, then signs in.
  router.post('/:token/signup', async (req, res) => {
    const input = parseInput(signupSchema, req.body);
    refuseOverLimit(res, [await deps.limits.signupPerAddress.take(req.ip ?? '?')], 'sign-ups');
    const passwordHash = await hashPassword(input.password);
    const made = await withTransaction(deps.pool, async (client) => {
      const invite = await openInvite(client, req.params.token, deps.now());
      if (!invite) return undefined;
      const user = await insertUser(client, {
        email: input.email,
        passwordHash,
        role: 'runner',
        displayName: input.name ?? null,
      });
      const athlete = await insertAthlete(client, user.id, input.timezone ?? 'UTC');
      await markInviteUsed(client, invite.id, athlete.id);
      await insertGrant(client, invite.coachUserId, athlete.id);
      return { user, invite };
    });
    if (!made) throw new NotFoundError(INVITE_GONE);
    await startSession(deps.pool, res, made.user.id, deps.secureCookies);
    res.status(201).json({
      id: made.user.id,
      email: made.user.email,
      role: made.user.role,
      coachId: made.invite.coachUserId,
      ...inviteJson(made.invite),
    });
  });

  return router;
}

/** POST /api/invites/:token/accept: a signed-in runner accepts. */
export function inviteRoutes(deps: { pool: Pool; now: () => Date }): Router {
  const router = Router();
  router.use(requireRole('runner', 'accept a coach invite'));

  router.post('/:token/accept', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const token = tokenSchema.safeParse(req.params.token);
    if (!token.success) throw new NotFoundError(INVITE_GONE);
    const accepted = await withTransaction(deps.pool, async (client) => {
      const invite = await findInvite(client, hashToken(token.data), { forUpdate: true });
      if (!invite || invite.expiresAt <= deps.now()) return undefined;
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
    res.status(201).json({
      coachId: accepted.coachUserId,
      coachEmail: accepted.coachEmail,
      coachName: accepted.coachName,
    });
  });

  return router;
}
