import { Router } from 'express';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import {
  findImportBatch,
  findUpload,
  listUploads,
  type Upload,
} from '#services/db/uploads.repository';
import { storeUploads } from '#services/ingest/store-uploads';
import type { JobQueue } from '#services/queue/jobs';
import { readFiles } from './multipart.ts';
import { currentAthlete } from './session.ts';
import { isUuid } from './ids.ts';

export const toUploadJson = (u: Upload) => ({
  id: u.id,
  filename: u.filename,
  status: u.status,
  activityIds: u.activityIds,
  error: u.error,
  createdAt: u.createdAt.toISOString(),
});

export function uploadsRoutes(deps: { pool: Pool; queue: JobQueue; maxFileBytes: number }): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const files = await readFiles(req, { maxFileBytes: deps.maxFileBytes, maxFiles: 100 });
    const stored = await storeUploads(deps, athlete.id, files);
    const short = (u: Upload) => ({
      id: u.id,
      filename: u.filename,
      status: u.status,
      ...(u.error ? { error: u.error } : {}),
    });
    res.status(202).json({
      uploads: stored.flatMap((s) =>
        s.upload ? [short(s.upload)] : (s.batch?.uploads.map(short) ?? []),
      ),
      batches: stored.flatMap((s) =>
        s.batch
          ? [
              {
                id: s.batch.id,
                filename: s.batch.filename,
                files: s.batch.uploads.length,
                warnings: s.batch.warnings,
              },
            ]
          : [],
      ),
    });
  });

  router.get('/', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json((await listUploads(deps.pool, athlete.id)).map(toUploadJson));
  });

  router.get('/:id', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const upload = isUuid(req.params.id)
      ? await findUpload(deps.pool, athlete.id, req.params.id)
      : undefined;
    if (!upload) throw new NotFoundError('no such upload');
    res.json(toUploadJson(upload));
  });

  return router;
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
    res.json({
      id: batch.id,
      filename: batch.filename,
      total: batch.uploads.length,
      finished: counts.done + counts.duplicate + counts.failed,
      counts,
      warnings: batch.warnings,
      files: batch.uploads.map(toUploadJson),
    });
  });
  return router;
}
