// The file warnings of what uploads stored (a FIT that ends early, GPX points without a fix), for
// the import results: each phrased as on the activity page, in the athlete's current time zone.
import { describeFileWarning } from '#shared/activity/describe-file-warning';
import type { Queryable } from '#services/db/database';
import { listFileWarningsOfUploads } from '#services/db/activities.repository';
import type { FileWarning as ShownWarning } from '#shared/api/activities';

/** A file warning in words for the athlete, as the API answers it. */
export type { ShownWarning };

export async function fileWarningsByUpload(
  db: Queryable,
  uploadIds: string[],
  timeZone: string,
): Promise<Map<string, ShownWarning[]>> {
  const out = new Map<string, ShownWarning[]>();
  for (const row of await listFileWarningsOfUploads(db, uploadIds)) {
    const list = out.get(row.uploadId) ?? [];
    for (const w of row.fileWarnings) {
      list.push({ code: w.code, message: describeFileWarning(w, row.startAt, timeZone) });
    }
    out.set(row.uploadId, list);
  }
  return out;
}
