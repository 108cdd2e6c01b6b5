import type { UploadError, UploadKind, UploadStatus } from '#shared/api/uploads';
import type { Queryable } from './database.ts';

export type { UploadError, UploadKind, UploadStatus };

export interface Upload {
  id: string;
  athleteId: string;
  kind: UploadKind;
  batchId: string | null;
  sportHint: string | null;
  nameHint: string | null;
  filename: string;
  sizeBytes: number;
  status: UploadStatus;
  error: UploadError | null;
  activityIds: string[];
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UploadRow {
  id: string;
  athlete_id: string;
  kind: UploadKind;
  batch_id: string | null;
  sport_hint: string | null;
  name_hint: string | null;
  filename: string;
  size_bytes: string;
  status: UploadStatus;
  error: UploadError | null;
  activity_ids: string[];
  attempts: number;
  created_at: Date;
  updated_at: Date;
}

export const UPLOAD_COLUMNS =
  'id, athlete_id, kind, batch_id, sport_hint, name_hint, filename, size_bytes, status, error, activity_ids, attempts, created_at, updated_at';

export const toUpload = (r: UploadRow): Upload => ({
  id: r.id,
  athleteId: r.athlete_id,
  kind: r.kind,
  batchId: r.batch_id,
  sportHint: r.sport_hint,
  nameHint: r.name_hint,
  filename: r.filename,
  sizeBytes: Number(r.size_bytes),
  status: r.status,
  error: r.error,
  activityIds: r.activity_ids,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewUpload {
  athleteId: string;
  filename: string;
  kind?: UploadKind;
  /** The bytes, when they are kept in the row; an upload still in the spool has none yet. */
  content?: Buffer;
  /** The file in the spool directory holding the bytes until the upload is processed. */
  spoolName?: string;
  sizeBytes?: number;
  sha256: Buffer;
  batchId?: string | null;
  /** The item's place in its export (with batchId): an item is added once, however often it is read. */
  entryIndex?: number;
  sportHint?: string | null;
  nameHint?: string | null;
  /** Known to be unusable before any parsing (a file the export lists but does not hold). */
  failed?: UploadError;
  /** Already finished when added (an Apple Health workout stored by its export's job). */
  finished?: {
    status: 'done' | 'duplicate' | 'failed';
    activityIds: string[];
    error?: UploadError;
  };
}

/**
 * Add an upload. An export's item that is there already (same batch and entry index: the export
 * read again after a crash) is not added twice: undefined then.
 */
export async function insertUpload(db: Queryable, input: NewUpload): Promise<Upload | undefined> {
  const content = input.content ?? Buffer.alloc(0);
  const finished =
    input.finished ??
    (input.failed
      ? { status: 'failed' as const, activityIds: [], error: input.failed }
      : undefined);
  const { rows } = await db.query<UploadRow>(
    `INSERT INTO uploads (athlete_id, filename, kind, content, spool_name, size_bytes, sha256,
       batch_id, entry_index, sport_hint, name_hint, status, error, activity_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (batch_id, entry_index) WHERE entry_index IS NOT NULL DO NOTHING
     RETURNING ${UPLOAD_COLUMNS}`,
    [
      input.athleteId,
      input.filename,
      input.kind ?? 'file',
      content,
      input.spoolName ?? null,
      input.sizeBytes ?? content.length,
      input.sha256,
      input.batchId ?? null,
      input.entryIndex ?? null,
      input.sportHint ?? null,
      input.nameHint ?? null,
      finished?.status ?? 'queued',
      finished?.error ? JSON.stringify(finished.error) : null,
      finished?.activityIds ?? [],
    ],
  );
  const r = rows[0];
  return r ? toUpload(r) : undefined;
}

/** An upload of this athlete; undefined for another athlete's upload as for a missing one. */
export async function findUpload(
  db: Queryable,
  athleteId: string,
  id: string,
): Promise<Upload | undefined> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE id = $1 AND athlete_id = $2`,
    [id, athleteId],
  );
  const r = rows[0];
  return r ? toUpload(r) : undefined;
}

export async function listUploads(db: Queryable, athleteId: string, limit = 50): Promise<Upload[]> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE athlete_id = $1 ORDER BY created_at DESC LIMIT $2`,
    [athleteId, limit],
  );
  return rows.map(toUpload);
}

/** Mark an unfinished upload as being worked on, counting the attempt. */
export async function markUploadProcessing(db: Queryable, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE uploads SET status = 'processing', attempts = attempts + 1, updated_at = now()
      WHERE id = $1 AND status IN ('queued', 'processing') RETURNING attempts`,
    [id],
  );
  return rows[0]?.attempts;
}

export type StoredUpload = Upload & { content: Buffer; sha256: Buffer; spoolName: string | null };

/** An unfinished upload with its bytes (or the spool file holding them), locked when in a transaction. */
export async function lockUnfinishedUpload(
  db: Queryable,
  id: string,
): Promise<StoredUpload | undefined> {
  const { rows } = await db.query<
    UploadRow & { content: Buffer; sha256: Buffer; spool_name: string | null }
  >(
    `SELECT ${UPLOAD_COLUMNS}, content, sha256, spool_name FROM uploads
      WHERE id = $1 AND status IN ('queued', 'processing') FOR UPDATE`,
    [id],
  );
  const r = rows[0];
  return r
    ? { ...toUpload(r), content: r.content, sha256: r.sha256, spoolName: r.spool_name }
    : undefined;
}

/**
 * Record an upload's result. `content` moves the bytes from the spool into the row (the spool file
 * is deleted after the commit); `dropSpool` forgets the spool file without keeping its bytes (an
 * export ZIP, read into its batch).
 */
export async function finishUpload(
  db: Queryable,
  id: string,
  result: {
    status: 'done' | 'duplicate' | 'failed';
    activityIds?: string[];
    error?: UploadError;
    content?: Buffer;
    dropSpool?: boolean;
  },
): Promise<void> {
  const leaveSpool = result.content === undefined && result.dropSpool !== true;
  await db.query(
    `UPDATE uploads SET status = $2, activity_ids = $3, error = $4, updated_at = now(),
        content = COALESCE($5, content),
        spool_name = CASE WHEN $6 THEN spool_name END
      WHERE id = $1`,
    [
      id,
      result.status,
      result.activityIds ?? [],
      result.error ? JSON.stringify(result.error) : null,
      result.content ?? null,
      leaveSpool,
    ],
  );
}

/** Spool files an upload still needs (the rest may be deleted once old enough). */
export async function listSpoolNamesInUse(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ spool_name: string }>(
    'SELECT spool_name FROM uploads WHERE spool_name IS NOT NULL',
  );
  return new Set(rows.map((r) => r.spool_name));
}

/** The uploads of these batches, in each batch's order (for tools that already know the athlete). */
export async function listUploadsOfBatches(db: Queryable, batchIds: string[]): Promise<Upload[]> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE batch_id = ANY($1::uuid[])
      ORDER BY batch_id, entry_index NULLS LAST, filename`,
    [batchIds],
  );
  return rows.map(toUpload);
}

/** Ids of uploads not finished yet: what the reconciler enqueues again. */
export async function listUnfinishedUploadIds(db: Queryable, limit = 1000): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM uploads WHERE status IN ('queued', 'processing') ORDER BY created_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

/** The given uploads (any athlete: for tools that already resolved the athlete). */
export async function listUploadsByIds(db: Queryable, ids: string[]): Promise<Upload[]> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE id = ANY($1::uuid[]) ORDER BY created_at, filename`,
    [ids],
  );
  return rows.map(toUpload);
}
