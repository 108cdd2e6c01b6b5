// SQL of the account as a whole: what an export reads beyond the other repositories (every upload
// with its bytes, import batches), and deleting a user with everything that hangs off them.
import type { Queryable } from './database.ts';

export interface StoredUpload {
  id: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
  status: string;
  error: unknown;
  activityIds: string[];
  batchId: string | null;
  createdAt: string;
  content: Buffer;
}

/** Every upload of the athlete with its stored bytes, oldest first. */
export async function listUploadsWithContent(
  db: Queryable,
  athleteId: string,
): Promise<StoredUpload[]> {
  const { rows } = await db.query<{
    id: string;
    filename: string;
    size_bytes: number;
    sha256: Buffer;
    status: string;
    error: unknown;
    activity_ids: string[];
    batch_id: string | null;
    created_at: Date;
    content: Buffer;
  }>(
    `SELECT id, filename, size_bytes, sha256, status, error, activity_ids, batch_id, created_at, content
       FROM uploads WHERE athlete_id = $1 ORDER BY created_at, id`,
    [athleteId],
  );
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    sizeBytes: r.size_bytes,
    sha256: r.sha256.toString('hex'),
    status: r.status,
    error: r.error,
    activityIds: r.activity_ids,
    batchId: r.batch_id,
    createdAt: r.created_at.toISOString(),
    content: r.content,
  }));
}

export async function listImportBatches(
  db: Queryable,
  athleteId: string,
): Promise<Array<{ id: string; filename: string; warnings: unknown; createdAt: string }>> {
  const { rows } = await db.query<{
    id: string;
    filename: string;
    warnings: unknown;
    created_at: Date;
  }>(
    'SELECT id, filename, warnings, created_at FROM import_batches WHERE athlete_id = $1 ORDER BY created_at',
    [athleteId],
  );
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    warnings: r.warnings,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * Delete the user and everything of theirs. Foreign keys cascade from users and athletes to every
 * table (sessions, athlete, uploads with their bytes, activities and samples, check-ins, metrics,
 * Strava accounts and tokens, grants, notes, invites); Strava rows are deleted first explicitly
 * so that no token ciphertext outlives the request even if a cascade were ever dropped.
 */
export async function deleteUserCascade(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'DELETE FROM strava_accounts WHERE athlete_id IN (SELECT id FROM athletes WHERE user_id = $1)',
    [userId],
  );
  await db.query('DELETE FROM users WHERE id = $1', [userId]);
}
