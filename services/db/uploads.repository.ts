import type { Queryable } from './database.ts';

export type UploadStatus = 'queued' | 'processing' | 'done' | 'duplicate' | 'failed';

export interface UploadError {
  code: string;
  message: string;
}

export interface Upload {
  id: string;
  athleteId: string;
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

interface UploadRow {
  id: string;
  athlete_id: string;
  batch_id: string | null;
  sport_hint: string | null;
  name_hint: string | null;
  filename: string;
  size_bytes: number;
  status: UploadStatus;
  error: UploadError | null;
  activity_ids: string[];
  attempts: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, athlete_id, batch_id, sport_hint, name_hint, filename, size_bytes, status, error, activity_ids, attempts, created_at, updated_at';

const toUpload = (r: UploadRow): Upload => ({
  id: r.id,
  athleteId: r.athlete_id,
  batchId: r.batch_id,
  sportHint: r.sport_hint,
  nameHint: r.name_hint,
  filename: r.filename,
  sizeBytes: r.size_bytes,
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
  content: Buffer;
  sha256: Buffer;
  batchId?: string | null;
  sportHint?: string | null;
  nameHint?: string | null;
  /** Known to be unusable before any parsing (a file the export lists but does not hold). */
  failed?: UploadError;
}

export async function insertUpload(db: Queryable, input: NewUpload): Promise<Upload> {
  const { rows } = await db.query<UploadRow>(
    `INSERT INTO uploads (athlete_id, filename, content, size_bytes, sha256, batch_id, sport_hint,
       name_hint, status, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [
      input.athleteId,
      input.filename,
      input.content,
      input.content.length,
      input.sha256,
      input.batchId ?? null,
      input.sportHint ?? null,
      input.nameHint ?? null,
      input.failed ? 'failed' : 'queued',
      input.failed ? JSON.stringify(input.failed) : null,
    ],
  );
  return toUpload(rows[0] as UploadRow);
}

export async function insertImportBatch(
  db: Queryable,
  input: { athleteId: string; filename: string; warnings: string[] },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO import_batches (athlete_id, filename, warnings) VALUES ($1, $2, $3) RETURNING id',
    [input.athleteId, input.filename, JSON.stringify(input.warnings)],
  );
  return (rows[0] as { id: string }).id;
}

export interface ImportBatch {
  id: string;
  filename: string;
  warnings: string[];
  createdAt: Date;
  uploads: Upload[];
}

export async function findImportBatch(
  db: Queryable,
  athleteId: string,
  id: string,
): Promise<ImportBatch | undefined> {
  const { rows } = await db.query<{
    id: string;
    filename: string;
    warnings: string[];
    created_at: Date;
  }>(
    'SELECT id, filename, warnings, created_at FROM import_batches WHERE id = $1 AND athlete_id = $2',
    [id, athleteId],
  );
  const b = rows[0];
  if (!b) return undefined;
  const uploads = await db.query<UploadRow>(
    `SELECT ${COLUMNS} FROM uploads WHERE batch_id = $1 ORDER BY filename`,
    [id],
  );
  return {
    id: b.id,
    filename: b.filename,
    warnings: b.warnings,
    createdAt: b.created_at,
    uploads: uploads.rows.map(toUpload),
  };
}

/** An upload of this athlete; undefined for another athlete's upload as for a missing one. */
export async function findUpload(
  db: Queryable,
  athleteId: string,
  id: string,
): Promise<Upload | undefined> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${COLUMNS} FROM uploads WHERE id = $1 AND athlete_id = $2`,
    [id, athleteId],
  );
  const r = rows[0];
  return r ? toUpload(r) : undefined;
}

export async function listUploads(db: Queryable, athleteId: string, limit = 50): Promise<Upload[]> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${COLUMNS} FROM uploads WHERE athlete_id = $1 ORDER BY created_at DESC LIMIT $2`,
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

/** Lock an unfinished upload for the ingest transaction, with its bytes. */
export async function lockUnfinishedUpload(
  db: Queryable,
  id: string,
): Promise<(Upload & { content: Buffer; sha256: Buffer }) | undefined> {
  const { rows } = await db.query<UploadRow & { content: Buffer; sha256: Buffer }>(
    `SELECT ${COLUMNS}, content, sha256 FROM uploads
      WHERE id = $1 AND status IN ('queued', 'processing') FOR UPDATE`,
    [id],
  );
  const r = rows[0];
  return r ? { ...toUpload(r), content: r.content, sha256: r.sha256 } : undefined;
}

export async function finishUpload(
  db: Queryable,
  id: string,
  result: { status: 'done' | 'duplicate' | 'failed'; activityIds?: string[]; error?: UploadError },
): Promise<void> {
  await db.query(
    `UPDATE uploads SET status = $2, activity_ids = $3, error = $4, updated_at = now() WHERE id = $1`,
    [
      id,
      result.status,
      result.activityIds ?? [],
      result.error ? JSON.stringify(result.error) : null,
    ],
  );
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
    `SELECT ${COLUMNS} FROM uploads WHERE id = ANY($1::uuid[]) ORDER BY created_at, filename`,
    [ids],
  );
  return rows.map(toUpload);
}
