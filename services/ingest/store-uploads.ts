// Files received into the spool become outbox rows, all of one request in one transaction: an
// activity file is one upload; an export ZIP is one upload of kind 'export' with the import batch
// its files and workouts will join when a worker reads it. Only then is anything enqueued, and a
// Redis that is down loses nothing: the reconciler enqueues unfinished rows again.
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { insertImportBatch } from '#services/db/import-batches.repository';
import { insertUpload, type Upload } from '#services/db/uploads.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import type { Readable } from 'node:stream';
import { isZip } from '#shared/activity/zip/zip-source';
import type { Spool, SpooledFile } from './spool.ts';

export interface SpooledUpload {
  filename: string;
  kind: 'file' | 'export';
  spooled: SpooledFile;
}

/** Copy a file into the spool as a stream, told an export ZIP or an activity file by its bytes. */
export async function spoolUpload(
  spool: Spool,
  filename: string,
  stream: Readable,
): Promise<SpooledUpload> {
  const spooled = await spool.write(stream);
  return { filename, kind: isZip(spooled.head) ? 'export' : 'file', spooled };
}

export interface StoredUploads {
  uploads: Upload[];
  /** One per export ZIP: its batch, filled as a worker reads the export. */
  batches: Array<{ id: string; filename: string; uploadId: string }>;
}

export async function storeSpooledUploads(
  deps: { pool: Pool; queue: JobQueue; spool: Spool },
  athleteId: string,
  files: readonly SpooledUpload[],
): Promise<StoredUploads> {
  let stored: StoredUploads;
  try {
    stored = await withTransaction(deps.pool, async (client) => {
      const out: StoredUploads = { uploads: [], batches: [] };
      for (const f of files) {
        const upload = (await insertUpload(client, {
          athleteId,
          filename: f.filename,
          kind: f.kind,
          spoolName: f.spooled.name,
          sizeBytes: f.spooled.sizeBytes,
          sha256: f.spooled.sha256,
        })) as Upload;
        out.uploads.push(upload);
        if (f.kind === 'export') {
          const id = await insertImportBatch(client, {
            athleteId,
            filename: f.filename,
            uploadId: upload.id,
          });
          out.batches.push({ id, filename: f.filename, uploadId: upload.id });
        }
      }
      return out;
    });
  } catch (err) {
    // No row names them: the files would only wait for the sweep.
    await Promise.all(files.map((f) => deps.spool.remove(f.spooled.name)));
    throw err;
  }
  await enqueueIngest(deps.queue, stored.uploads);
  return stored;
}

/** Enqueue an ingest job per queued upload; if Redis is down the reconciler does it later. */
export async function enqueueIngest(queue: JobQueue, uploads: readonly Upload[]): Promise<void> {
  for (const u of uploads) {
    if (u.status !== 'queued') continue;
    await queue.enqueue('ingest', { uploadId: u.id }, jobIds.ingest(u.id)).catch(() => undefined);
  }
}
