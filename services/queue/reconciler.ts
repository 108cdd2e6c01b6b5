// The reconciler: everything the outbox holds that is not finished is enqueued again, at start-up
// and every minute. Job ids deduplicate, so a job still in Redis is not added twice; one that
// Redis lost (a flush, a restart without persistence) comes back.
import type { Pool } from '#services/db/database';
import { listUnfinishedUploadIds } from '#services/db/uploads.repository';
import { listPendingRecomputes } from '#services/db/recompute.repository';
import { jobIds, type JobQueue } from './jobs.ts';

export async function reconcile(deps: {
  pool: Pool;
  queue: JobQueue;
}): Promise<{ uploads: number; recomputes: number }> {
  const uploads = await listUnfinishedUploadIds(deps.pool);
  for (const uploadId of uploads) {
    await deps.queue.enqueue('ingest', { uploadId }, jobIds.ingest(uploadId));
  }
  const recomputes = await listPendingRecomputes(deps.pool);
  for (const r of recomputes) {
    await deps.queue.enqueue(
      'recompute',
      { athleteId: r.athleteId },
      jobIds.recompute(r.athleteId, r.version),
    );
  }
  return { uploads: uploads.length, recomputes: recomputes.length };
}

export function startReconciler(
  deps: { pool: Pool; queue: JobQueue; log: (message: string) => void },
  intervalMs = 60_000,
): { stop(): void; ready: Promise<void> } {
  const run = async () => {
    try {
      const n = await reconcile(deps);
      if (n.uploads + n.recomputes > 0) {
        deps.log(
          `reconciler: enqueued ${n.uploads} upload(s) and ${n.recomputes} recompute(s) again`,
        );
      }
    } catch (err) {
      deps.log(`reconciler: ${(err as Error).message}`);
    }
  };
  const ready = run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), ready };
}
