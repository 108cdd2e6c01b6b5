// SQL of Strava's push subscription (strava_subscription): one row, what the app's last check of
// its subscription found. Events are accepted only for the subscription id of an 'active' row.
import type { Queryable } from './database.ts';

export type SubscriptionStatus = 'active' | 'missing' | 'elsewhere' | 'error';

export interface StravaSubscriptionRow {
  /** The subscription whose events are accepted; null when none is ours. */
  subscriptionId: number | null;
  /** Our callback, where the subscription should point. */
  callbackUrl: string;
  status: SubscriptionStatus;
  /** Where Strava's subscription points instead ('elsewhere'). */
  otherCallbackUrl: string | null;
  /** What the check found, in words (for the log, the status route and the CLI). */
  message: string | null;
  checkedAt: Date;
}

export async function findStravaSubscription(
  db: Queryable,
): Promise<StravaSubscriptionRow | undefined> {
  const { rows } = await db.query<{
    subscription_id: string | null;
    callback_url: string;
    status: SubscriptionStatus;
    other_callback_url: string | null;
    message: string | null;
    checked_at: Date;
  }>(
    `SELECT subscription_id, callback_url, status, other_callback_url, message, checked_at
       FROM strava_subscription`,
  );
  const r = rows[0];
  return r
    ? {
        subscriptionId: r.subscription_id === null ? null : Number(r.subscription_id),
        callbackUrl: r.callback_url,
        status: r.status,
        otherCallbackUrl: r.other_callback_url,
        message: r.message,
        checkedAt: r.checked_at,
      }
    : undefined;
}

/**
 * Records a check. 'active' names the subscription whose events are accepted; 'missing' and
 * 'elsewhere' mean no events will come (none are accepted); 'error' keeps the subscription known
 * before, since Strava could not tell otherwise.
 */
export async function recordStravaSubscriptionCheck(
  db: Queryable,
  check: {
    status: SubscriptionStatus;
    callbackUrl: string;
    subscriptionId?: number;
    otherCallbackUrl?: string;
    message?: string;
  },
): Promise<void> {
  const keep = check.status === 'error';
  await db.query(
    `INSERT INTO strava_subscription AS s (singleton, subscription_id, callback_url, status,
       other_callback_url, message, checked_at)
     VALUES (true, $1, $2, $3, $4, $5, now())
     ON CONFLICT (singleton) DO UPDATE SET
       subscription_id = CASE WHEN $6 THEN s.subscription_id ELSE excluded.subscription_id END,
       callback_url = excluded.callback_url, status = excluded.status,
       other_callback_url = excluded.other_callback_url, message = excluded.message,
       checked_at = now()`,
    [
      check.subscriptionId ?? null,
      check.callbackUrl,
      check.status,
      check.otherCallbackUrl ?? null,
      check.message ?? null,
      keep,
    ],
  );
}
