// When catch-ups run: each connected athlete on a schedule, and when the runner opens the app after
// a gap. With the app's push subscription active, a catch-up is a safety net for a missed webhook
// (every 6 hours); without one, it is how new activities arrive (every hour). Either way the
// scheduled ones take at most half of the daily reads kept for new activities, so with many
// athletes the interval grows instead of the budget running out.
import type { Pool } from '#services/db/database';
import { findStravaSubscription } from '#services/db/strava-subscription.repository';
import {
  countConnectedStravaAccounts,
  requestDueStravaCatchUps,
  requestStravaCatchUpAfterGap,
  type CatchUpRequest,
} from '#services/db/strava-sync.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import type { StravaContext } from './strava-context.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const CATCH_UP_EVERY_MS = { withWebhooks: 6 * HOUR_MS, withoutWebhooks: HOUR_MS } as const;
/** Scheduled catch-ups started per reconciler pass, at most. */
const PER_PASS = 50;

/**
 * The time between two scheduled catch-ups of one athlete: the base interval, or longer when
 * `accounts` catch-ups at that pace would take more than half of the daily reads kept for new
 * activities (`readDailyBudget` × `liveReserve`), one read each.
 */
export function catchUpIntervalMs(
  accounts: number,
  webhooksActive: boolean,
  readDailyBudget: number,
  liveReserve: number,
): number {
  const base = webhooksActive ? CATCH_UP_EVERY_MS.withWebhooks : CATCH_UP_EVERY_MS.withoutWebhooks;
  const perDay = Math.max(1, Math.floor((readDailyBudget * liveReserve) / 2));
  return Math.max(base, Math.ceil((accounts * DAY_MS) / perDay));
}

export async function enqueueCatchUp(queue: JobQueue, request: CatchUpRequest): Promise<void> {
  await queue.enqueue(
    'strava-catch-up',
    request,
    jobIds.stravaCatchUp(request.accountId, request.requestedAtMs),
  );
}

/** The reconciler's pass: asks for the catch-ups that are due, and enqueues them. */
export async function requestScheduledCatchUps(
  deps: { pool: Pool; queue: JobQueue; strava: StravaContext },
  now: Date,
): Promise<number> {
  const [accounts, subscription, limits] = await Promise.all([
    countConnectedStravaAccounts(deps.pool),
    findStravaSubscription(deps.pool),
    deps.strava.limiter.status(),
  ]);
  if (accounts === 0) return 0;
  const interval = catchUpIntervalMs(
    accounts,
    subscription?.status === 'active',
    limits.readDaily.budget,
    limits.liveReserve,
  );
  const due = await requestDueStravaCatchUps(deps.pool, now, interval, PER_PASS);
  for (const request of due) await enqueueCatchUp(deps.queue, request);
  return due.length;
}

/** The runner opened the app: catch up if the last catch-up is older than the gap. */
export async function catchUpAfterGap(
  deps: { pool: Pool; queue: JobQueue; strava: StravaContext },
  accountId: string,
  now: Date,
): Promise<boolean> {
  const request = await requestStravaCatchUpAfterGap(
    deps.pool,
    accountId,
    now,
    deps.strava.catchUpGapMs,
  );
  if (request) await enqueueCatchUp(deps.queue, request);
  return request !== undefined;
}
