// Store received files in the outbox: one upload row per activity file, a Strava export ZIP
// expanded into a batch of uploads (one per file it holds). Every file ends up with a row, so it
// always gets a status: a ZIP that cannot be read is itself a failed upload with its reason.
import { createHash } from 'node:crypto';
import { readStravaExport } from '#shared/activity/strava-export';
import { BadInputError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { insertImportBatch, insertUpload, type Upload } from '#services/db/uploads.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';

export interface ReceivedFile {
  filename: string;
  content: Buffer;
}

export interface StoredFile {
  upload?: Upload;
  batch?: { id: string; filename: string; uploads: Upload[]; warnings: string[] };
}

/** Caps for an export ZIP's contents (the upload limit caps the compressed size). */
export const EXPORT_LIMITS = {
  maxEntries: 20_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

export function isZip(f: ReceivedFile): boolean {
  const b = f.content;
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

async function storeZip(pool: Pool, athleteId: string, f: ReceivedFile): Promise<StoredFile> {
  let exported;
  try {
    exported = readStravaExport(
      new Uint8Array(f.content.buffer, f.content.byteOffset, f.content.length),
      EXPORT_LIMITS,
    );
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    const upload = await insertUpload(pool, {
      athleteId,
      filename: f.filename,
      content: Buffer.alloc(0),
      sha256: sha256(f.content),
      failed: { code: err.reason, message: `${f.filename}: ${err.message}` },
    });
    return { upload };
  }
  return withTransaction(pool, async (client) => {
    const batchId = await insertImportBatch(client, {
      athleteId,
      filename: f.filename,
      warnings: exported.warnings,
    });
    const uploads: Upload[] = [];
    for (const e of exported.entries) {
      const content = e.bytes
        ? Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.length)
        : Buffer.alloc(0);
      uploads.push(
        await insertUpload(client, {
          athleteId,
          filename: e.filename,
          content,
          sha256: sha256(content),
          batchId,
          sportHint: e.sport ?? null,
          nameHint: e.name ?? null,
          ...(e.problem ? { failed: { code: e.problem.reason, message: e.problem.message } } : {}),
        }),
      );
    }
    return { batch: { id: batchId, filename: f.filename, uploads, warnings: exported.warnings } };
  });
}

/** Store every file, then enqueue an ingest job for each stored upload still to do. */
export async function storeUploads(
  deps: { pool: Pool; queue: JobQueue },
  athleteId: string,
  files: ReceivedFile[],
): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const f of files) {
    if (isZip(f)) stored.push(await storeZip(deps.pool, athleteId, f));
    else {
      stored.push({
        upload: await insertUpload(deps.pool, {
          athleteId,
          filename: f.filename,
          content: f.content,
          sha256: sha256(f.content),
        }),
      });
    }
  }
  const queued = stored
    .flatMap((s) => (s.upload ? [s.upload] : (s.batch?.uploads ?? [])))
    .filter((u) => u.status === 'queued');
  for (const u of queued) {
    // If Redis is down the files are safe in the outbox; the reconciler enqueues them later.
    await deps.queue
      .enqueue('ingest', { uploadId: u.id }, jobIds.ingest(u.id))
      .catch(() => undefined);
  }
  return stored;
}
