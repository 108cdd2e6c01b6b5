// The reconciler: everything the outbox holds that is not finished is enqueued again, at start-up
// and every minute. Job ids deduplicate, so a job still in Redis is not added twice; one that
// Redis lost (a flush, a restart without persistence) comes back. The same schedule purges expired
// sessions (a session is refused once expired; this deletes its row), expired sign-in counters and
// reset links, asks for each new day, hands waiting backfill items to workers, asks for the Strava
// catch-ups that are due, and deletes spool files no upload needs (an API killed mid-upload, a
// worker killed between its commit and the delete) once they are an hour old.
import type { Pool } from '#services/db/database';
import { listSpoolNamesInUse, listUnfinishedUploadIds } from '#services/db/uploads.repository';
import { createSpool } from '#services/ingest/spool';
import { listPendingRecomputes } from '#services/db/recompute.repository';
import { deleteExpiredSessions } from '#services/db/sessions.repository';
import { deleteExpiredAttemptCounters } from '#services/db/attempt-counters.repository';
import { deletePasswordResetsPast } from '#services/db/password-resets.repository';
import { completeStravaBackfill } from '#services/strava/backfill-recompute';
import {
  listDispatchedStravaBackfillItems,
  listFinishedStravaBackfills,
  listListingStravaBackfills,
} from '#services/db/strava-backfill.repository';
import { listUnfinishedStravaCatchUps } from '#services/db/strava-sync.repository';
import { listPendingWebhookEventIds } from '#services/db/strava-webhook-events.repository';
import { enqueueCatchUp, requestScheduledCatchUps } from '#services/strava/catch-up-schedule';
import { dispatchStravaBackfill } from '#services/strava/dispatch-backfill';
import type { StravaContext } from '#services/strava/strava-context';
import { requestNewDays } from '#services/engine/daily-tick';
import { sendAlertDigests, sendAlertMails, type AlertDeps } from '#services/coaching/raise-alerts';
import { enqueueRecompute } from '#services/engine/request-recompute';
import { jobIds, type JobQueue } from '#services/queue/jobs';

export async function reconcile(deps: {
  pool: Pool;
  queue: JobQueue;
}): Promise<{ uploads: number; recomputes: number }> {
  const uploads = await listUnfinishedUploadIds(deps.pool);
  for (const uploadId of uploads) {
    await deps.queue.enqueue('ingest', { uploadId }, jobIds.ingest(uploadId));
  }
  const recomputes = await listPendingRecomputes(deps.pool);
  for (const r of recomputes) await enqueueRecompute(deps.queue, r.athleteId, r.version);
  return { uploads: uploads.length, recomputes: recomputes.length };
}

/**
 * Strava's outbox: webhook events not handled, backfills still listing, items handed out and not
 * fetched (and the next waiting ones), catch-ups not finished, and those the schedule asks for.
 */
export async function reconcileStrava(deps: {
  pool: Pool;
  queue: JobQueue;
  strava?: StravaContext | undefined;
  now?: () => Date;
}): Promise<number> {
  const events = await listPendingWebhookEventIds(deps.pool);
  for (const eventId of events) {
    await deps.queue.enqueue('strava-event', { eventId }, jobIds.stravaEvent(eventId));
  }
  const backfills = await listListingStravaBackfills(deps.pool);
  for (const b of backfills) {
    await deps.queue.enqueue(
      'strava-backfill',
      b,
      jobIds.stravaBackfill(b.accountId, b.generation),
    );
  }
  const items = await listDispatchedStravaBackfillItems(deps.pool);
  for (const i of items) {
    await deps.queue.enqueue(
      'strava-activity',
      i,
      jobIds.stravaActivity(i.accountId, i.stravaActivityId),
    );
  }
  const dispatched = await dispatchStravaBackfill(deps);
  // Every item finished but the backfill not marked done (a crash in between): finish it.
  const finished = await listFinishedStravaBackfills(deps.pool);
  for (const accountId of finished) await completeStravaBackfill(deps, accountId);
  const catchUps = await listUnfinishedStravaCatchUps(deps.pool);
  for (const request of catchUps) await enqueueCatchUp(deps.queue, request);
  const scheduled = deps.strava
    ? await requestScheduledCatchUps(
        { pool: deps.pool, queue: deps.queue, strava: deps.strava },
        (deps.now ?? (() => new Date()))(),
      )
    : 0;
  return (
    events.length +
    backfills.length +
    items.length +
    dispatched +
    finished.length +
    catchUps.length +
    scheduled
  );
}

/** A spool file this old that no upload names is left over, and deleted. */
export const SPOOL_LEFTOVER_MS = 60 * 60 * 1000;

export function startReconciler(
  deps: {
    pool: Pool;
    queue: JobQueue;
    log: (message: string) => void;
    strava?: StravaContext | undefined;
    uploadsDir?: string;
    /** Coaches' daily alert digests go out from here (at most one a day per coach). */
    alerts?: AlertDeps | undefined;
  },
  intervalMs = 60_000,
): { stop(): Promise<void>; ready: Promise<void> } {
  let stopped = false;
  const spool = createSpool(deps.uploadsDir);
  const run = async () => {
    if (stopped) return;
    try {
      const n = await reconcile(deps);
      if (n.uploads + n.recomputes > 0) {
        deps.log(
          `reconciler: enqueued ${n.uploads} upload(s) and ${n.recomputes} recompute(s) again`,
        );
      }
      const strava = await reconcileStrava(deps);
      if (strava > 0) deps.log(`reconciler: enqueued ${strava} Strava job(s) again`);
      await requestNewDays({ ...deps, now: () => new Date() });
      const purged = await deleteExpiredSessions(deps.pool);
      if (purged > 0) deps.log(`reconciler: deleted ${purged} expired session(s)`);
      await deleteExpiredAttemptCounters(deps.pool);
      await deletePasswordResetsPast(deps.pool);
      const inUse = await listSpoolNamesInUse(deps.pool);
      const swept = await spool.sweep(inUse, SPOOL_LEFTOVER_MS, Date.now());
      if (swept > 0) deps.log(`reconciler: deleted ${swept} left-over upload file(s)`);
      if (deps.alerts) {
        // Alerts whose email failed at once are tried again here too.
        await sendAlertMails(deps.alerts);
        await sendAlertDigests(deps.alerts);
      }
    } catch (err) {
      deps.log(`reconciler: ${(err as Error).message}`);
    }
  };
  let current = run();
  const timer = setInterval(() => {
    current = run();
  }, intervalMs);
  timer.unref();
  return {
    ready: current,
    // Waits for a run in progress, so that nothing is enqueued on a queue being closed.
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
