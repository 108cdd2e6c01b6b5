// `hipcheck strava subscription [--repair] [--replace]`: shows the app's push subscription as
// Strava holds it and as the running Hipcheck last recorded it, and repairs it. It works through
// the configured database in every mode: DATABASE_URL, or — beside a running `hipcheck start` on
// the embedded default — that app's own embedded PostgreSQL (found through DATA_DIR: the port in
// PostgreSQL's lock file, the password file only its owner can read, 127.0.0.1 only). No network
// endpoint is added for it. Repairing needs the app running at PUBLIC_URL: Strava checks the
// callback with its challenge before it creates a subscription.
import type { Config } from '#services/config';
import { findStravaSubscription } from '#services/db/strava-subscription.repository';
import { createMemoryRateLimiter } from '#services/strava/memory-rate-limiter';
import { createStravaContext, missingStravaSettings } from '#services/strava/strava-context';
import {
  ensureStravaSubscription,
  inspectStravaSubscription,
  subscriptionOptionsOf,
} from '#services/strava/subscribe-strava';
import { openDatabase } from '../runtime.ts';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `usage: hipcheck strava subscription [--repair] [--replace]

  (no option)  show Strava's push subscription for this app and the running Hipcheck's last check
  --repair     create it when missing, adopt one that already points at this Hipcheck
  --replace    like --repair, and delete a subscription that points elsewhere first
  (\`hipcheck strava subscribe\` is \`subscription --repair\`)`;

export async function stravaCommand(args: string[], io: Io, config: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'subscription' && sub !== 'subscribe') {
    io.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const flags = new Set(rest);
  for (const f of flags) {
    if (f !== '--repair' && f !== '--replace') {
      io.stderr.write(`unknown argument: ${f}\n${USAGE}\n`);
      return 1;
    }
  }
  const repair = sub === 'subscribe' || flags.has('--repair') || flags.has('--replace');
  const missing = missingStravaSettings(config);
  if (missing.length > 0) {
    io.stderr.write(`Strava is not configured: set ${missing.join(', ')}\n`);
    return 1;
  }
  if (!config.publicUrlSet) {
    io.stderr.write(
      'PUBLIC_URL is not set: Strava cannot reach this Hipcheck, so there is no subscription to ' +
        'keep; set PUBLIC_URL to the address Strava can reach (the same as the running app)\n',
    );
    return 1;
  }
  const ctx = createStravaContext(config, { limiter: createMemoryRateLimiter() });
  if (!ctx) return 1;
  const options = subscriptionOptionsOf(ctx);
  const db = await openDatabase(config, (m) => io.stderr.write(`${m}\n`), { attach: true });
  try {
    if (repair) {
      const report = await ensureStravaSubscription(db.pool, options, {
        replace: flags.has('--replace'),
      });
      io.stdout.write(`${report.message}\n`);
      return report.status === 'active' ? 0 : 1;
    }
    const recorded = await findStravaSubscription(db.pool);
    io.stdout.write(
      recorded
        ? `Last check by Hipcheck (${recorded.checkedAt.toISOString()}): ${recorded.status} — ${recorded.message ?? ''}\n`
        : 'Hipcheck has not checked the subscription yet (it does once it is running with PUBLIC_URL set)\n',
    );
    let strava;
    try {
      strava = await inspectStravaSubscription(options);
    } catch (err) {
      io.stdout.write(`Strava now: could not be asked (${(err as Error).message})\n`);
      return 1;
    }
    io.stdout.write(`Strava now: ${strava.message}\n`);
    return strava.status === 'active' ? 0 : 1;
  } finally {
    await db.close();
  }
}
