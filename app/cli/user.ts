// `hipcheck user reset-link --email E`: prints a password-reset link for the account with email E
// (valid 30 minutes, once), for an operator to hand over when mail is off or does not arrive.
import type { Config } from '#services/config';
import { createResetLink, RESET_LINK_MINUTES } from '#services/api/password-reset';
import { findUserByEmail } from '#services/db/users.repository';
import { openDatabase } from '../runtime.ts';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: hipcheck user reset-link --email E';

function emailOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--email') return args[i + 1];
    if (a.startsWith('--email=')) return a.slice('--email='.length);
  }
  return undefined;
}

export async function userCommand(args: string[], io: Io, config: Config): Promise<number> {
  const [sub, ...rest] = args;
  const email = emailOf(rest)?.trim().toLowerCase();
  if (sub !== 'reset-link' || !email) {
    io.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const db = await openDatabase(config, (m) => io.stderr.write(`${m}\n`));
  try {
    const user = await findUserByEmail(db.pool, email);
    if (!user) {
      io.stderr.write(`no account has the email ${email}\n`);
      return 1;
    }
    const link = await createResetLink(db.pool, user.id, config.publicUrl, new Date());
    io.stdout.write(
      `Password-reset link for ${user.email} (works once, for ${RESET_LINK_MINUTES} minutes, until ${link.expiresAt.toISOString()}):\n${link.url}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
