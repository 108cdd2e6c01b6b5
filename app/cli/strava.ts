// `hipcheck strava subscribe [--callback-url URL]`: registers Strava's push subscription for this
// app. The API must be running and reachable at the callback URL (default
// ${PUBLIC_URL}/api/strava/webhook), since Strava checks it with the challenge before answering.
import type { Config } from '#services/config';
import { openDatabase } from '../runtime.ts';
import { subscribeStrava } from '#services/strava/subscribe-strava';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: hipcheck strava subscribe [--callback-url URL]';

export async function stravaCommand(args: string[], io: Io, config: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'subscribe') {
    io.stderr.write(`${USAGE}\n`);
    return 1;
  }
  let callbackUrl = `${config.publicUrl.replace(/\/+$/, '')}/api/strava/webhook`;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--callback-url' && rest[i + 1] !== undefined) callbackUrl = rest[++i] as string;
    else if (a.startsWith('--callback-url=')) callbackUrl = a.slice('--callback-url='.length);
    else {
      io.stderr.write(`unknown argument: ${a}\n${USAGE}\n`);
      return 1;
    }
  }
  const { clientId, clientSecret, webhookVerifyToken, apiUrl } = config.strava;
  const missing = [
    ...(clientId ? [] : ['STRAVA_CLIENT_ID']),
    ...(clientSecret ? [] : ['STRAVA_CLIENT_SECRET']),
    ...(webhookVerifyToken ? [] : ['STRAVA_WEBHOOK_VERIFY_TOKEN']),
  ];
  if (!clientId || !clientSecret || !webhookVerifyToken) {
    io.stderr.write(`hipcheck strava subscribe needs ${missing.join(', ')}\n`);
    return 1;
  }
  const db = await openDatabase(config, (m) => io.stderr.write(`${m}\n`));
  try {
    const result = await subscribeStrava(db.pool, {
      apiUrl,
      clientId,
      clientSecret,
      callbackUrl,
      verifyToken: webhookVerifyToken,
    });
    io.stdout.write(
      `Strava subscription ${result.subscriptionId} ${result.existing ? 'already existed; recorded' : 'created'} for ${result.callbackUrl}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
