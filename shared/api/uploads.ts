// Uploads and export imports (POST /api/uploads, GET /api/uploads/:id, GET /api/imports/:id).
import type { FileWarning } from './activities.ts';

export type UploadStatus = 'queued' | 'processing' | 'done' | 'duplicate' | 'failed';

/**
 * 'file': an activity file; 'export': an export ZIP, read by its job into a batch of uploads;
 * 'item': one workout of an Apple Health export, stored by the export's job.
 */
export type UploadKind = 'file' | 'export' | 'item';

export interface UploadError {
  code: string;
  message: string;
}

export interface UploadRow {
  id: string;
  /** The file's name, or its path inside an export ZIP ('activities/1005.fit'). */
  filename: string;
  /** The activity's name from the export's list (a Strava export's activities.csv), if any. */
  name: string | null;
  kind: UploadKind;
  status: UploadStatus;
  activityIds: string[];
  error: UploadError | null;
  warnings: FileWarning[];
  createdAt: string;
}

export interface UploadResponse {
  uploads: UploadRow[];
  /** One per export ZIP: its files and workouts join the batch as a worker reads it. */
  batches: Array<{ id: string; filename: string; uploadId: string }>;
}

export interface ImportBatch {
  id: string;
  filename: string;
  /** strava, apple_health, garmin or activity_files, once read. */
  kind: string | null;
  /** reading: a worker is reading the export; failed: the ZIP was refused (see error). */
  state: 'reading' | 'done' | 'failed';
  error: UploadError | null;
  total: number;
  finished: number;
  counts: Record<UploadStatus, number>;
  warnings: string[];
  wellnessDays: number;
  files: UploadRow[];
}
