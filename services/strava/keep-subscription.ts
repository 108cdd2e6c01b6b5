// The running app keeps its own push subscription: checked once the HTTP server listens (Strava
// calls our webhook with its challenge before it answers), then every hour, so a subscription
// deleted on Strava's side, or a check that failed while Strava was down, is set right by itself.
// Each finding is logged in one plain line, except an unchanged healthy one.
import type { Pool } from '#services/db/database';
import type { StravaContext } from './strava-context.ts';
import {
  ensureStravaSubscription,
  subscriptionOptionsOf,
  type SubscriptionReport,
} from './subscribe-strava.ts';

const HOUR_MS = 3_600_000;

export function keepStravaSubscription(
  deps: { pool: Pool; strava: StravaContext; log: (message: string) => void },
  intervalMs = HOUR_MS,
): { stop(): void; ready: Promise<SubscriptionReport | undefined> } {
  if (!deps.strava.webhooksPossible) {
    deps.log(
      'Strava webhooks are off: PUBLIC_URL is not set, so Strava cannot reach this Hipcheck; ' +
        'new activities are fetched by the catch-up instead (set PUBLIC_URL to the address ' +
        'Strava can reach to receive them within a minute)',
    );
    return { stop: () => undefined, ready: Promise.resolve(undefined) };
  }
  let last: SubscriptionReport | undefined;
  const check = async (): Promise<SubscriptionReport | undefined> => {
    try {
      const found = await ensureStravaSubscription(deps.pool, subscriptionOptionsOf(deps.strava));
      const unchanged = found.action === 'kept' && last?.status === 'active';
      if (!unchanged) deps.log(found.message);
      last = found;
      return found;
    } catch (err) {
      deps.log(`Strava push subscription: ${(err as Error).message}`);
      return undefined;
    }
  };
  const ready = check();
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), ready };
}
