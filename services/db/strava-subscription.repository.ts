// SQL of Strava's push subscription (strava_subscription): one row, the app's subscription.
import type { Queryable } from './database.ts';

export async function findStravaSubscription(
  db: Queryable,
): Promise<{ subscriptionId: number; callbackUrl: string } | undefined> {
  const { rows } = await db.query<{ subscription_id: string; callback_url: string }>(
    'SELECT subscription_id, callback_url FROM strava_subscription',
  );
  const r = rows[0];
  return r ? { subscriptionId: Number(r.subscription_id), callbackUrl: r.callback_url } : undefined;
}

export async function saveStravaSubscription(
  db: Queryable,
  subscriptionId: number,
  callbackUrl: string,
): Promise<void> {
  await db.query(
    `INSERT INTO strava_subscription (singleton, subscription_id, callback_url) VALUES (true, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET subscription_id = excluded.subscription_id,
       callback_url = excluded.callback_url, created_at = now()`,
    [subscriptionId, callbackUrl],
  );
}
