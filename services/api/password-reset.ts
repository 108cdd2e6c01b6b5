// Password-reset links: a random token valid 30 minutes, once. The link carries the token in its
// fragment (/reset-password#token=…), which browsers never send to a server or in a Referer, so it
// stays out of access logs and proxies; the reset page reads it and posts it back.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '#services/db/database';
import { insertPasswordReset } from '#services/db/password-resets.repository';
import type { Mail } from '#services/mail/mailer';
import { hashToken } from './session.ts';

export const RESET_LINK_MINUTES = 30;

export async function createResetLink(
  db: Queryable,
  userId: string,
  publicUrl: string,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  await insertPasswordReset(db, { tokenHash: hashToken(token), userId, expiresAt });
  return { url: `${publicUrl.replace(/\/+$/, '')}/reset-password#token=${token}`, expiresAt };
}

export function resetMail(to: string, url: string): Mail {
  return {
    to,
    subject: 'Reset your Hipcheck password',
    text: [
      'Someone (hopefully you) asked to reset the password of your Hipcheck account.',
      '',
      `Open this link to choose a new password. It works once, for ${RESET_LINK_MINUTES} minutes:`,
      '',
      url,
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}
