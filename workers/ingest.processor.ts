// Ingest: one stored upload → one activity with its samples, in one transaction together with the
// upload's status and the recompute request, so a crash at any point leaves nothing half-written
// and the job can simply run again.
import { parseActivityFile } from '#shared/activity/parse-activity-file';
import { sportOfName } from '#shared/activity/sport';
import { BadInputError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { findActivityIdBySource } from '#services/db/activities.repository';
import {
  finishUpload,
  lockUnfinishedUpload,
  markUploadProcessing,
} from '#services/db/uploads.repository';
import { enqueueRecompute } from '#services/engine/request-recompute';
import { storeActivity } from '#services/ingest/store-activity';
import type { JobQueue, Processor } from '#services/queue/jobs';
import { runOutboxAttempt } from './outbox-attempts.ts';

export interface IngestDeps {
  pool: Pool;
  queue: JobQueue;
  /** Test hook: runs inside the transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
}

export function createIngestProcessor(deps: IngestDeps): Processor<'ingest'> {
  return async ({ uploadId }) => {
    const attempts = await markUploadProcessing(deps.pool, uploadId);
    if (attempts === undefined) return; // finished already: a job run twice leaves one result
    await runOutboxAttempt(
      attempts,
      (problem) =>
        finishUpload(deps.pool, uploadId, {
          status: 'failed',
          error: { ...problem, message: `${problem.message}; upload it again or contact support` },
        }),
      () => ingestUpload(deps, uploadId),
    );
  };
}

async function ingestUpload(deps: IngestDeps, uploadId: string): Promise<void> {
  const next = await withTransaction(deps.pool, async (client) => {
    const upload = await lockUnfinishedUpload(client, uploadId);
    if (!upload) return undefined;
    const athlete = await findAthleteById(client, upload.athleteId);
    if (!athlete) return undefined;
    const sourceId = upload.sha256.toString('hex');
    const sameFile = await findActivityIdBySource(client, athlete.id, 'file', sourceId);
    if (sameFile) {
      await finishUpload(client, uploadId, { status: 'duplicate', activityIds: [sameFile] });
      return undefined;
    }
    let activity;
    try {
      activity = parseActivityFile(upload.filename, new Uint8Array(upload.content));
      // A Strava export's activities.csv knows the sport and name better than the file does.
      const hint = upload.sportHint === null ? undefined : sportOfName(upload.sportHint);
      if (hint !== undefined) activity.sport = hint;
      if (upload.nameHint !== null) activity.name = upload.nameHint;
    } catch (err) {
      if (!(err instanceof BadInputError)) throw err;
      await finishUpload(client, uploadId, {
        status: 'failed',
        error: { code: err.reason, message: err.message },
      });
      return undefined;
    }
    // The same session from Strava or another file, or another upload of the same bytes that
    // committed first: a duplicate of that activity.
    const stored = await storeActivity(client, {
      athlete,
      source: 'file',
      sourceId,
      uploadId,
      activity,
      recompute: true,
    });
    if (stored.status === 'duplicate') {
      await finishUpload(client, uploadId, {
        status: 'duplicate',
        activityIds: stored.activityId ? [stored.activityId] : [],
      });
      return undefined;
    }
    await finishUpload(client, uploadId, { status: 'done', activityIds: [stored.activityId] });
    await deps.beforeCommit?.();
    return { athleteId: athlete.id, version: stored.version };
  });
  if (next?.version !== undefined) {
    await enqueueRecompute(deps.queue, next.athleteId, next.version);
  }
}
