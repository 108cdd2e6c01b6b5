// Import batches: the uploads one export ZIP (or one command-line import) became, with what the
// export said of itself (kind, warnings, wellness days) and the state of the export's own upload.
import type { Queryable } from './database.ts';
import {
  toUpload,
  UPLOAD_COLUMNS,
  type Upload,
  type UploadError,
  type UploadRow,
  type UploadStatus,
} from './uploads.repository.ts';

export async function insertImportBatch(
  db: Queryable,
  input: { athleteId: string; filename: string; uploadId?: string; warnings?: string[] },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO import_batches (athlete_id, filename, upload_id, warnings)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.athleteId, input.filename, input.uploadId ?? null, JSON.stringify(input.warnings ?? [])],
  );
  return (rows[0] as { id: string }).id;
}

/** What reading the export found: its kind, its warnings and how many wellness days it held. */
export async function recordImportBatchReading(
  db: Queryable,
  batchId: string,
  reading: { kind: string; warnings: string[]; wellnessDays: number },
): Promise<void> {
  await db.query(
    'UPDATE import_batches SET kind = $2, warnings = $3, wellness_days = $4 WHERE id = $1',
    [batchId, reading.kind, JSON.stringify(reading.warnings), reading.wellnessDays],
  );
}

/** The batch read from an export upload. */
export async function findBatchIdOfUpload(
  db: Queryable,
  uploadId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM import_batches WHERE upload_id = $1',
    [uploadId],
  );
  return rows[0]?.id;
}

/** Entry indexes of the items a batch holds already (an export read again skips them). */
export async function listBatchEntryIndexes(db: Queryable, batchId: string): Promise<Set<number>> {
  const { rows } = await db.query<{ entry_index: number }>(
    'SELECT entry_index FROM uploads WHERE batch_id = $1 AND entry_index IS NOT NULL',
    [batchId],
  );
  return new Set(rows.map((r) => r.entry_index));
}

export interface ImportBatch {
  id: string;
  filename: string;
  /** strava, apple_health, garmin or activity_files once read; null before. */
  kind: string | null;
  warnings: string[];
  wellnessDays: number;
  createdAt: Date;
  /** The export's own upload: queued or processing while it is read, failed when it cannot be. */
  source: { status: UploadStatus; error: UploadError | null } | null;
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
    kind: string | null;
    warnings: string[];
    wellness_days: number;
    created_at: Date;
    source_status: UploadStatus | null;
    source_error: UploadError | null;
  }>(
    `SELECT b.id, b.filename, b.kind, b.warnings, b.wellness_days, b.created_at,
            u.status AS source_status, u.error AS source_error
       FROM import_batches b LEFT JOIN uploads u ON u.id = b.upload_id
      WHERE b.id = $1 AND b.athlete_id = $2`,
    [id, athleteId],
  );
  const b = rows[0];
  if (!b) return undefined;
  const uploads = await db.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE batch_id = $1
      ORDER BY entry_index NULLS LAST, filename`,
    [id],
  );
  return {
    id: b.id,
    filename: b.filename,
    kind: b.kind,
    warnings: b.warnings,
    wellnessDays: b.wellness_days,
    createdAt: b.created_at,
    source: b.source_status === null ? null : { status: b.source_status, error: b.source_error },
    uploads: uploads.rows.map(toUpload),
  };
}

/** The batches read from these export uploads, by upload id. */
export async function listBatchIdsOfUploads(
  db: Queryable,
  uploadIds: string[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; upload_id: string }>(
    'SELECT id, upload_id FROM import_batches WHERE upload_id = ANY($1::uuid[])',
    [uploadIds],
  );
  return new Map(rows.map((r) => [r.upload_id, r.id]));
}
