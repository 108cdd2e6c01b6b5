// Ingest: one stored upload → its activities. An activity file is parsed and stored in one
// transaction with the upload's status (services/ingest/ingest-file-upload.ts); an export ZIP is
// read into its batch (services/ingest/ingest-export-upload.ts). Either way a crash leaves nothing
// half-written and the job can simply run again.
import {
  finishUpload,
  lockUnfinishedUpload,
  markUploadProcessing,
} from '#services/db/uploads.repository';
import { ingestExportUpload } from '#services/ingest/ingest-export-upload';
import { ingestFileUpload, type IngestContext } from '#services/ingest/ingest-file-upload';
import type { Processor } from '#services/queue/jobs';
import { runOutboxAttempt } from './outbox-attempts.ts';

/** What an ingest job needs: the database, the queue (to chain recomputes), the spool, the clock. */
export type IngestDeps = IngestContext;

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

async function ingestUpload(ctx: IngestContext, uploadId: string): Promise<void> {
  const upload = await lockUnfinishedUpload(ctx.pool, uploadId);
  if (!upload) return;
  if (upload.kind === 'export') await ingestExportUpload(ctx, upload);
  else await ingestFileUpload(ctx, upload, (client) => lockUnfinishedUpload(client, uploadId));
}
