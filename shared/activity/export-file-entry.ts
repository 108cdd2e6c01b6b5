// One activity file found in an export, not yet parsed: the caller parses each (parseActivities)
// and records it as imported, duplicate or failed, so one bad file never stops the rest.
import type { Sport } from './activity.ts';

export interface ExportFileEntry {
  /** Where it is in the export, e.g. "activities/1234567.gpx.gz"; a nested ZIP's files read "a.zip/b.fit". */
  filename: string;
  /** The file's bytes; absent when the export names a file it does not hold, or it cannot be read. */
  bytes?: Uint8Array;
  activityId?: string;
  name?: string;
  /** The export's own word for the sport, e.g. Strava's "Run". */
  activityType?: string;
  sport?: Sport;
  /** The activity's date as the export writes it. */
  date?: string;
  /** Why this entry cannot be imported, when known before parsing. */
  problem?: { reason: string; message: string };
}
