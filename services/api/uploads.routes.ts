import { createHash } from 'node:crypto';
import { Router } from 'express';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import {
  findUpload,
  insertUpload,
  listUploads,
  type Upload,
} from '#services/db/uploads.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
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
    // Every file is stored before any job exists: the outbox the reconciler works from.
    const uploads: Upload[] = [];
    for (const f of files) {
      uploads.push(
        await insertUpload(deps.pool, {
          athleteId: athlete.id,
          filename: f.filename,
          content: f.content,
          sha256: createHash('sha256').update(f.content).digest(),
        }),
      );
    }
    for (const u of uploads) {
      // If Redis is down the files are safe in the outbox and the reconciler enqueues them later.
      await deps.queue
        .enqueue('ingest', { uploadId: u.id }, jobIds.ingest(u.id))
        .catch(() => undefined);
    }
    res.status(202).json({
      uploads: uploads.map((u) => ({ id: u.id, filename: u.filename, status: u.status })),
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
