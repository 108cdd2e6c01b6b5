// `hipcheck strava subscribe`: registers the app's one push subscription with Strava (Strava then
// calls our webhook with the challenge, which the running API answers) and remembers its id, so
// the webhook can drop events for any other subscription.
import { BadInputError, UpstreamUnavailableError } from '#shared/errors';
import type { Queryable } from '#services/db/database';
import { saveStravaSubscription } from '#services/db/strava-subscription.repository';

export interface SubscribeOptions {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  verifyToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface SubscribeResult {
  subscriptionId: number;
  callbackUrl: string;
  /** True when Strava already had this subscription and it was only recorded again. */
  existing: boolean;
}

export async function subscribeStrava(
  db: Queryable,
  options: SubscribeOptions,
): Promise<SubscribeResult> {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.apiUrl.replace(/\/+$/, '')}/push_subscriptions`;
  const credentials = { client_id: options.clientId, client_secret: options.clientSecret };
  // Strava answers only after calling our webhook with the challenge (which it allows 2 s).
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call(method: string, target: string, body?: URLSearchParams) {
    try {
      const res = await doFetch(target, {
        method,
        ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // keep the text for the message
      }
      return { status: res.status, json };
    } catch (cause) {
      throw new UpstreamUnavailableError(`Strava could not be reached at ${target}`, { cause });
    }
  }

  const created = await call(
    'POST',
    url,
    new URLSearchParams({
      ...credentials,
      callback_url: options.callbackUrl,
      verify_token: options.verifyToken,
    }),
  );
  if (created.status === 200 || created.status === 201) {
    const id = (created.json as { id?: unknown }).id;
    if (typeof id !== 'number') throw new UpstreamUnavailableError('Strava answered without an id');
    await saveStravaSubscription(db, id, options.callbackUrl);
    return { subscriptionId: id, callbackUrl: options.callbackUrl, existing: false };
  }
  // One subscription per app: if it is ours already, record it again.
  const listed = await call('GET', `${url}?${new URLSearchParams(credentials).toString()}`);
  const subs = Array.isArray(listed.json)
    ? (listed.json as Array<{ id?: unknown; callback_url?: unknown }>)
    : [];
  const ours = subs.find((s) => s.callback_url === options.callbackUrl);
  if (ours && typeof ours.id === 'number') {
    await saveStravaSubscription(db, ours.id, options.callbackUrl);
    return { subscriptionId: ours.id, callbackUrl: options.callbackUrl, existing: true };
  }
  const other = subs[0]?.callback_url;
  throw new BadInputError(
    'strava_subscribe_failed',
    typeof other === 'string'
      ? `Strava already has a subscription for ${other}; delete it first (DELETE /push_subscriptions/:id)`
      : `Strava refused the subscription (${created.status}: ${JSON.stringify(created.json)}); ` +
          `check that ${options.callbackUrl} is reachable from the internet and answers the challenge`,
  );
}
