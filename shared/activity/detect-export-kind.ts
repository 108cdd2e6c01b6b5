// Which export a ZIP is, from what it holds (its entries' paths), never from its name: an Apple
// Health export has apple_health_export/export.xml; a Garmin Connect data export has DI_CONNECT/;
// a Strava bulk export has activities.csv (or an activities/ folder); anything else holding
// activity files is a plain ZIP of them.

export type ExportKind = 'apple_health' | 'garmin' | 'strava' | 'activity_files';

const APPLE = /(^|\/)apple_health_export\/export\.xml$|^export\.xml$/i;
const GARMIN = /^([^/]+\/)?DI_CONNECT\//i;
const STRAVA = /^([^/]+\/)?activities\.csv$|^([^/]+\/)?activities\/[^/]+$/i;
const ACTIVITY_FILE = /\.(gpx|tcx|fit)(\.gz)?$/i;

/** Whether a path names an activity file (GPX, TCX or FIT, possibly gzipped). */
export function isActivityFileName(name: string): boolean {
  return ACTIVITY_FILE.test(name);
}

/** The kind of export whose ZIP holds these paths, or undefined for a ZIP of something else. */
export function detectExportKind(names: readonly string[]): ExportKind | undefined {
  if (names.some((n) => APPLE.test(n))) return 'apple_health';
  if (names.some((n) => GARMIN.test(n))) return 'garmin';
  if (names.some((n) => STRAVA.test(n))) return 'strava';
  if (names.some((n) => !n.endsWith('/') && isActivityFileName(n))) return 'activity_files';
  return undefined;
}
