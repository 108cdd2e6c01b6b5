// Any export ZIP → its activities, item by item: the kind is told by what the ZIP holds
// (detectExportKind), then each activity file (Strava, Garmin, a plain ZIP) is parsed, or each
// Apple Health workout built, as the caller reaches it. One bad item never stops the rest; a ZIP
// that breaks a cap (entries, bytes expanded, expansion ratio) stops the whole export.
import { BadInputError } from '../errors.ts';
import type { Activity, ActivityWarning } from './activity.ts';
import { readAppleHealthExport } from './apple-health/read-apple-health-export.ts';
import type { WellnessDay } from './apple-health/scan-health-xml.ts';
import { detectExportKind, type ExportKind } from './detect-export-kind.ts';
import type { ExportFileEntry } from './export-file-entry.ts';
import { parseActivities, type ParseActivityOptions } from './parse-activity-file.ts';
import { readGarminExportFiles, readZippedActivityFiles } from './read-export-files.ts';
import { openStravaExport } from './strava-export.ts';
import { readZipDirectory } from './zip/read-zip-directory.ts';
import { createZipBudget, type ZipLimits } from './zip/zip-limits.ts';
import type { ZipSource } from './zip/zip-source.ts';

export type ExportItemResult =
  | { ok: true; activities: Activity[]; warnings: ActivityWarning[] }
  | { ok: false; reason: string; message: string };

export interface ExportItem {
  /** Where in the export: a file's path ("activities/1.gpx", "a.zip/b.fit") or a workout's label. */
  entry: string;
  result: ExportItemResult;
}

export interface ExportReading {
  kind: ExportKind;
  warnings: string[];
  /** Daily resting heart rate and HRV (Apple Health); empty for the other kinds. */
  wellness: WellnessDay[];
  /** The export's activities, one item per file or workout, each read when reached. */
  items(): Generator<ExportItem>;
}

export interface ReadExportOptions {
  limits?: Partial<ZipLimits>;
  parse?: ParseActivityOptions;
}

/** What an export's own listing says of a file (Strava's activities.csv) overrides the file. */
export function applyExportHints(activities: Activity[], entry: ExportFileEntry): void {
  const only = activities.length === 1 ? activities[0] : undefined;
  if (only === undefined) return;
  if (entry.sport !== undefined) only.sport = entry.sport;
  if (entry.name !== undefined) only.name = entry.name;
}

function fileItem(entry: ExportFileEntry, options: ParseActivityOptions): ExportItem {
  const base = entry.filename.split('/').pop() ?? entry.filename;
  if (entry.bytes === undefined) {
    const problem = entry.problem ?? {
      reason: 'missing_file',
      message: `${entry.filename}: missing`,
    };
    return { entry: entry.filename, result: { ok: false, ...problem } };
  }
  try {
    const parsed = parseActivities(base, entry.bytes, options);
    applyExportHints(parsed.activities, entry);
    return {
      entry: entry.filename,
      result: { ok: true, activities: parsed.activities, warnings: parsed.warnings },
    };
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    return {
      entry: entry.filename,
      result: { ok: false, reason: err.reason, message: err.message },
    };
  }
}

export function readExport(source: ZipSource, options: ReadExportOptions = {}): ExportReading {
  const budget = createZipBudget(options.limits);
  const entries = readZipDirectory(source, budget.limits);
  const kind = detectExportKind(entries.map((e) => e.name));
  const parse = options.parse ?? {};
  switch (kind) {
    case 'apple_health': {
      const apple = readAppleHealthExport(source, entries, budget);
      return {
        kind,
        warnings: apple.warnings,
        wellness: apple.wellness,
        *items() {
          for (const w of apple.workouts()) {
            yield {
              entry: w.label,
              result:
                w.activity === undefined
                  ? { ok: false, ...(w.problem ?? { reason: 'unreadable', message: 'unreadable' }) }
                  : { ok: true, activities: [w.activity], warnings: [] },
            };
          }
        },
      };
    }
    case 'strava': {
      const strava = openStravaExport(source, entries, budget);
      return {
        kind,
        warnings: strava.warnings,
        wellness: [],
        *items() {
          for (const e of strava.files()) yield fileItem(e, parse);
        },
      };
    }
    case 'garmin':
    case 'activity_files': {
      const files = kind === 'garmin' ? readGarminExportFiles : readZippedActivityFiles;
      return {
        kind,
        warnings: [],
        wellness: [],
        *items() {
          for (const e of files(source, entries, budget)) yield fileItem(e, parse);
        },
      };
    }
    default:
      throw new BadInputError(
        'zip_unknown_export',
        'the ZIP holds no activity files: not a Strava, Apple Health or Garmin export',
      );
  }
}
