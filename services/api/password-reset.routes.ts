// "Forgot password": POST /api/auth/password-reset {email} mails a single-use link valid 30
// minutes, and answers the same whether or not the email has an account (the mail is sent after
// the answer, so timing does not tell either). POST /api/auth/password-reset/confirm {token,
// password} sets the new password, ends every session of the account and signs this browser in.
// An unknown, used or expired token gets one answer that does not say which.
import { Router } from 'express';
import { z } from 'zod';
import { AppError, BadInputError } from '#shared/errors';
import { withTransaction, type Pool } from '#services/db/database';
import { replacePassword, usePasswordReset } from '#services/db/password-resets.repository';
import { findUserByEmail } from '#services/db/users.repository';
import type { Logger } from '#services/observability/logger';
import type { Mailer } from '#services/mail/mailer';
import type { AttemptLimiters } from './attempt-limiter.ts';
import { refuseOverLimit } from './auth.routes.ts';
import { hashPassword } from './passwords.ts';
import { createResetLink, RESET_LINK_MINUTES, resetMail } from './password-reset.ts';
import { requestLogOf } from './request-context.ts';
import { hashToken, startSession } from './session.ts';
import { parseInput } from './validate.ts';

const requestSchema = z
  .object({ email: z.string().trim().toLowerCase().email('must be an email address').max(254) })
  .strict();
const confirmSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be the token of a reset link'),
    password: z.string().min(8, 'must be at least 8 characters').max(200),
  })
  .strict();

const LINK_GONE = 'this reset link is unknown, used or expired; ask for a new one';

export function passwordResetRoutes(deps: {
  pool: Pool;
  publicUrl: string;
  secureCookies: boolean;
  limits: AttemptLimiters;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
}): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(requestSchema, req.body);
    if (!deps.mailer.enabled)
      throw new AppError(
        'upstream_unavailable',
        'this Hipcheck server does not send email; ask its operator for a reset link',
      );
    const verdicts = await Promise.all([
      deps.limits.resetPerAddress.take(req.ip ?? '?'),
      deps.limits.resetPerEmail.take(input.email),
    ]);
    refuseOverLimit(res, verdicts, 'password-reset requests');
    res.status(202).json({
      message: `if an account has this email, a link to reset its password is on its way; it works once, for ${RESET_LINK_MINUTES} minutes`,
    });
    const log = requestLogOf(res, deps.logger);
    try {
      const user = await findUserByEmail(deps.pool, input.email);
      if (!user) return;
      const link = await createResetLink(deps.pool, user.id, deps.publicUrl, deps.now());
      await deps.mailer.send(resetMail(user.email, link.url));
      log.info('password-reset link mailed');
    } catch (err) {
      log.error({ err }, 'password-reset link not mailed');
    }
  });

  router.post('/confirm', async (req, res) => {
    const input = parseInput(confirmSchema, req.body);
    const user = await withTransaction(deps.pool, async (client) => {
      const used = await usePasswordReset(client, hashToken(input.token));
      if (used) await replacePassword(client, used.userId, await hashPassword(input.password));
      return used;
    });
    if (!user) throw new BadInputError('reset_link_invalid', LINK_GONE);
    await deps.limits.loginPerEmail.reset(user.email);
    await startSession(deps.pool, res, user.userId, deps.secureCookies);
    res.status(200).json({ id: user.userId, email: user.email });
  });

  return router;
}
