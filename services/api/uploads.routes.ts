import { Router } from 'express';
import type { ImportBatch as ImportBatchJson, UploadRow as UploadJson } from '#shared/api/uploads';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { findImportBatch, type ImportBatch } from '#services/db/import-batches.repository';
import { findUpload, listUploads, type Upload } from '#services/db/uploads.repository';
import { createSpool, type Spool } from '#services/ingest/spool';
import { storeSpooledUploads } from '#services/ingest/store-uploads';
import { fileWarningsByUpload, type ShownWarning } from '#services/ingest/upload-warnings';
import type { JobQueue } from '#services/queue/jobs';
import { checkDeclaredLength, receiveUploads, type UploadLimits } from './multipart.ts';
import { currentAthlete } from './session.ts';
import { isUuid } from './ids.ts';

export const toUploadJson = (u: Upload, warnings: ShownWarning[] = []): UploadJson => ({
  id: u.id,
  filename: u.filename,
  name: u.nameHint,
  kind: u.kind,
  status: u.status,
  activityIds: u.activityIds,
  error: u.error,
  warnings,
  createdAt: u.createdAt.toISOString(),
});

/** Default cap of one upload request, every file together (IMPORT_MAX_BYTES). */
export const DEFAULT_IMPORT_MAX_BYTES = 4 * 1024 ** 3;

export function uploadsDepsOf(deps: {
  pool: Pool;
  queue: JobQueue;
  uploadMaxBytes: number;
  importMaxBytes?: number | undefined;
  uploadsDir?: string | undefined;
}) {
  return {
    pool: deps.pool,
    queue: deps.queue,
    spool: createSpool(deps.uploadsDir),
    limits: {
      maxFileBytes: deps.uploadMaxBytes,
      maxRequestBytes: deps.importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES,
    },
  };
}

export function uploadsRoutes(deps: {
  pool: Pool;
  queue: JobQueue;
  spool: Spool;
  limits: Omit<UploadLimits, 'maxFiles'>;
}): Router {
  const router = Router();
  const limits: UploadLimits = { ...deps.limits, maxFiles: 100 };

  // Stored as it streams (services/ingest/spool.ts), answered once the rows are committed: the
  // files are parsed, and export ZIPs read, by the workers.
  router.post('/', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    try {
      checkDeclaredLength(req, limits);
    } catch (err) {
      // The body is not read: the connection closes after the answer.
      res.setHeader('Connection', 'close');
      throw err;
    }
    const received = await receiveUploads(req, deps.spool, limits);
    const stored = await storeSpooledUploads(deps, athlete.id, received);
    res.status(202).json({
      uploads: stored.uploads.map((u) => ({
        id: u.id,
        filename: u.filename,
        kind: u.kind,
        status: u.status,
      })),
      batches: stored.batches,
    });
  });

  router.get('/', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const uploads = await listUploads(deps.pool, athlete.id);
    const warnings = await fileWarningsByUpload(
      deps.pool,
      uploads.map((u) => u.id),
      athlete.timezone,
    );
    res.json(uploads.map((u) => toUploadJson(u, warnings.get(u.id))));
  });

  router.get('/:id', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const upload = isUuid(req.params.id)
      ? await findUpload(deps.pool, athlete.id, req.params.id)
      : undefined;
    if (!upload) throw new NotFoundError('no such upload');
    const warnings = await fileWarningsByUpload(deps.pool, [upload.id], athlete.timezone);
    res.json(toUploadJson(upload, warnings.get(upload.id)));
  });

  return router;
}

/** Where reading an export stands: still reading it, read, or refused (with the reason). */
function stateOf(batch: ImportBatch): 'reading' | 'done' | 'failed' {
  const s = batch.source?.status;
  if (s === 'queued' || s === 'processing') return 'reading';
  return s === 'failed' ? 'failed' : 'done';
}

/** A bulk import's progress: counts by status and each file's result. */
export function importsRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const batch = isUuid(req.params.id)
      ? await findImportBatch(deps.pool, athlete.id, req.params.id)
      : undefined;
    if (!batch) throw new NotFoundError('no such import');
    const counts = { queued: 0, processing: 0, done: 0, duplicate: 0, failed: 0 };
    for (const u of batch.uploads) counts[u.status] += 1;
    const warnings = await fileWarningsByUpload(
      deps.pool,
      batch.uploads.map((u) => u.id),
      athlete.timezone,
    );
    res.json({
      id: batch.id,
      filename: batch.filename,
      kind: batch.kind,
      state: stateOf(batch),
      error: batch.source?.status === 'failed' ? batch.source.error : null,
      total: batch.uploads.length,
      finished: counts.done + counts.duplicate + counts.failed,
      counts,
      warnings: batch.warnings,
      wellnessDays: batch.wellnessDays,
      files: batch.uploads.map((u) => toUploadJson(u, warnings.get(u.id))),
    } satisfies ImportBatchJson);
  });
  return router;
}
