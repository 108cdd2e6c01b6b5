// The app's one push subscription with Strava (one per Strava app): checked by the running app once
// it listens (so it can answer Strava's challenge) and every hour, and by `hipcheck strava
// subscription`. Missing: created. Already pointing at our callback: adopted. Pointing elsewhere:
// reported plainly, and replaced only when the operator asks (--replace), since it may belong to
// another running install of the same Strava app. What the check found is recorded, so the webhook
// accepts only our subscription's events and the status route and the CLI can show it.
import { UpstreamUnavailableError } from '#shared/errors';
import type { Queryable } from '#services/db/database';
import {
  findStravaSubscription,
  recordStravaSubscriptionCheck,
  type SubscriptionStatus,
} from '#services/db/strava-subscription.repository';

export interface SubscriptionOptions {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** Ours: `${PUBLIC_URL}/api/strava/webhook`. */
  callbackUrl: string;
  verifyToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface SubscriptionReport {
  status: SubscriptionStatus;
  /** What this check did about it. */
  action: 'created' | 'adopted' | 'kept' | 'replaced' | 'none';
  callbackUrl: string;
  /** Ours when active; the other one when elsewhere. */
  subscriptionId: number | null;
  otherCallbackUrl: string | null;
  message: string;
}

interface Listed {
  id: number;
  callbackUrl: string;
}

function pushApi(options: SubscriptionOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.apiUrl.replace(/\/+$/, '')}/push_subscriptions`;
  const credentials = { client_id: options.clientId, client_secret: options.clientSecret };
  // Strava answers a create only after calling our webhook with the challenge (2 s allowed).
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call(method: string, target: string, body?: URLSearchParams) {
    let res: Response;
    try {
      res = await doFetch(target, {
        method,
        ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new UpstreamUnavailableError(`Strava could not be reached at ${base}`, { cause });
    }
    const text = await res.text();
    let json: unknown = text;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      // keep the text for the message
    }
    return { status: res.status, json };
  }

  return {
    async list(): Promise<Listed[]> {
      const res = await call('GET', `${base}?${new URLSearchParams(credentials).toString()}`);
      if (res.status !== 200 || !Array.isArray(res.json)) {
        throw new UpstreamUnavailableError(
          `Strava answered ${res.status} when asked for the push subscription: ${JSON.stringify(res.json)}`,
        );
      }
      return (res.json as Array<{ id?: unknown; callback_url?: unknown }>).flatMap((s) =>
        typeof s.id === 'number' && typeof s.callback_url === 'string'
          ? [{ id: s.id, callbackUrl: s.callback_url }]
          : [],
      );
    },
    async create(): Promise<number> {
      const res = await call(
        'POST',
        base,
        new URLSearchParams({
          ...credentials,
          callback_url: options.callbackUrl,
          verify_token: options.verifyToken,
        }),
      );
      const id = (res.json as { id?: unknown } | undefined)?.id;
      if ((res.status === 200 || res.status === 201) && typeof id === 'number') return id;
      throw new UpstreamUnavailableError(
        `Strava refused the subscription (${res.status}: ${JSON.stringify(res.json)}); check that ` +
          `${options.callbackUrl} is reachable from the internet and that Hipcheck is running there`,
      );
    },
    async remove(id: number): Promise<void> {
      const res = await call(
        'DELETE',
        `${base}/${id}?${new URLSearchParams(credentials).toString()}`,
      );
      if (res.status !== 204 && res.status !== 200 && res.status !== 404) {
        throw new UpstreamUnavailableError(
          `Strava answered ${res.status} when deleting subscription ${id}`,
        );
      }
    },
  };
}

const elsewhereMessage = (other: Listed, ours: string): string =>
  `Strava's push subscription ${other.id} points at ${other.callbackUrl}, not at ${ours}: ` +
  'Strava sends the events of this app there, so new activities reach this Hipcheck only ' +
  'through the catch-up. If that address is not in use any more, run ' +
  '`hipcheck strava subscription --replace`.';

/** Strava's subscriptions judged against our callback: ours, another one, or none. */
function judge(
  subs: Listed[],
  options: SubscriptionOptions,
): { ours: Listed } | { other: Listed; report: SubscriptionReport } | { none: true } {
  const ours = subs.find((s) => s.callbackUrl === options.callbackUrl);
  if (ours) return { ours };
  const other = subs[0];
  if (!other) return { none: true };
  return {
    other,
    report: report(
      'elsewhere',
      'none',
      options,
      other.id,
      other.callbackUrl,
      elsewhereMessage(other, options.callbackUrl),
    ),
  };
}

/** What Strava holds, compared with our callback; changes nothing. */
export async function inspectStravaSubscription(
  options: SubscriptionOptions,
): Promise<SubscriptionReport> {
  const found = judge(await pushApi(options).list(), options);
  if ('ours' in found) {
    return report(
      'active',
      'none',
      options,
      found.ours.id,
      null,
      activeMessage(found.ours, 'kept'),
    );
  }
  if ('other' in found) return found.report;
  return report(
    'missing',
    'none',
    options,
    null,
    null,
    `Strava has no push subscription for this app; \`hipcheck strava subscription --repair\` (or restarting Hipcheck) creates one for ${options.callbackUrl}`,
  );
}

function activeMessage(s: Listed, action: SubscriptionReport['action']): string {
  const did = {
    created: 'created',
    adopted: 'found already pointing here, and adopted',
    replaced: 'created in place of the old one',
    kept: 'active',
    none: 'active',
  }[action];
  return `Strava push subscription ${s.id} for ${s.callbackUrl}: ${did}`;
}

function report(
  status: SubscriptionStatus,
  action: SubscriptionReport['action'],
  options: SubscriptionOptions,
  subscriptionId: number | null,
  otherCallbackUrl: string | null,
  message: string,
): SubscriptionReport {
  return {
    status,
    action,
    callbackUrl: options.callbackUrl,
    subscriptionId,
    otherCallbackUrl,
    message,
  };
}

/**
 * Makes Strava's subscription ours (adopt, or create) and records what was found. One pointing
 * elsewhere is replaced only with `replace`. Strava unreachable or refusing: recorded as 'error'
 * with the reason, never thrown, so a running app just says so and tries again later.
 */
export async function ensureStravaSubscription(
  db: Queryable,
  options: SubscriptionOptions,
  ensure: { replace?: boolean } = {},
): Promise<SubscriptionReport> {
  const api = pushApi(options);
  let result: SubscriptionReport;
  try {
    const found = judge(await api.list(), options);
    if ('ours' in found) {
      const known = await findStravaSubscription(db);
      const id = found.ours.id;
      const action = known?.status === 'active' && known.subscriptionId === id ? 'kept' : 'adopted';
      result = report('active', action, options, id, null, activeMessage(found.ours, action));
    } else if ('other' in found && !ensure.replace) {
      result = found.report;
    } else {
      if ('other' in found) await api.remove(found.other.id);
      const id = await api.create();
      const action = 'other' in found ? 'replaced' : 'created';
      const created = { id, callbackUrl: options.callbackUrl };
      result = report('active', action, options, id, null, activeMessage(created, action));
    }
  } catch (err) {
    if (!(err instanceof UpstreamUnavailableError)) throw err;
    result = report('error', 'none', options, null, null, err.message);
  }
  await recordStravaSubscriptionCheck(db, {
    status: result.status,
    callbackUrl: options.callbackUrl,
    ...(result.status === 'active' && result.subscriptionId !== null
      ? { subscriptionId: result.subscriptionId }
      : {}),
    ...(result.otherCallbackUrl ? { otherCallbackUrl: result.otherCallbackUrl } : {}),
    message: result.message,
  });
  return result;
}

/** The subscription settings of a Strava context. */
export function subscriptionOptionsOf(ctx: {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  webhookUrl: string;
  webhookVerifyToken: string;
}): SubscriptionOptions {
  return {
    apiUrl: ctx.apiUrl,
    clientId: ctx.clientId,
    clientSecret: ctx.clientSecret,
    callbackUrl: ctx.webhookUrl,
    verifyToken: ctx.webhookVerifyToken,
  };
}
