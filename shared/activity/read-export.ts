// Any export ZIP → its activities, item by item: the kind is told by what the ZIP holds
// (detectExportKind), then each activity file (Strava, Garmin, a plain ZIP) is parsed, or each
// Apple Health workout built, as the caller reaches it. One bad item never stops the rest; a ZIP
// that breaks a cap (entries, bytes expanded, expansion ratio) stops the whole export.
import { BadInputError } from '../errors.ts';
import type { Activity, ActivityWarning } from './activity.ts';
import { checkActivityTimes, EARLIEST_ACTIVITY_DATE, type TimeRange } from './plausible-time.ts';
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

/** An export opened: Apple Health's workouts come built; the other kinds give their files unparsed. */
export type OpenedExport =
  | {
      kind: 'apple_health';
      warnings: string[];
      wellness: WellnessDay[];
      /** One item per workout, each built (its route read) when reached. */
      items(): Generator<ExportItem>;
    }
  | {
      kind: 'strava' | 'garmin' | 'activity_files';
      warnings: string[];
      /** One entry per activity file, its bytes read when reached (the caller parses it). */
      files(): Generator<ExportFileEntry>;
    };

/**
 * Open any export ZIP: its kind from what it holds, its listing (activities.csv) and, for Apple
 * Health, the passes over export.xml. A ZIP that breaks a cap throws here or while iterating.
 */
export function openExport(source: ZipSource, options: ReadExportOptions = {}): OpenedExport {
  const budget = createZipBudget(options.limits);
  const entries = readZipDirectory(source, budget.limits);
  const kind = detectExportKind(entries.map((e) => e.name));
  const range = options.parse?.timeRange;
  switch (kind) {
    case 'apple_health': {
      const apple = readAppleHealthExport(source, entries, budget);
      const wellness =
        range === undefined ? apple.wellness : apple.wellness.filter((d) => inRange(d.date, range));
      const dropped = apple.wellness.length - wellness.length;
      return {
        kind,
        warnings: [
          ...apple.warnings,
          ...(dropped > 0
            ? [
                `${dropped} wellness day${dropped === 1 ? '' : 's'} dated before ${EARLIEST_ACTIVITY_DATE} or after tomorrow left out`,
              ]
            : []),
        ],
        wellness,
        *items() {
          for (const w of apple.workouts()) yield appleItem(w.label, w.activity, w.problem, range);
        },
      };
    }
    case 'strava': {
      const strava = openStravaExport(source, entries, budget);
      return { kind, warnings: strava.warnings, files: () => strava.files() };
    }
    case 'garmin':
    case 'activity_files': {
      const files = kind === 'garmin' ? readGarminExportFiles : readZippedActivityFiles;
      return { kind, warnings: [], files: () => files(source, entries, budget) };
    }
    default:
      throw new BadInputError(
        'zip_unknown_export',
        'the ZIP holds no activity files: not a Strava, Apple Health or Garmin export',
      );
  }
}

const inRange = (day: string, range: TimeRange) =>
  day >= EARLIEST_ACTIVITY_DATE && day <= range.lastDay;

function appleItem(
  label: string,
  activity: Activity | undefined,
  problem: { reason: string; message: string } | undefined,
  range: TimeRange | undefined,
): ExportItem {
  if (activity === undefined) {
    return {
      entry: label,
      result: { ok: false, ...(problem ?? { reason: 'unreadable', message: 'unreadable' }) },
    };
  }
  try {
    if (range !== undefined) checkActivityTimes(activity, range, label);
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    return { entry: label, result: { ok: false, reason: err.reason, message: err.message } };
  }
  return { entry: label, result: { ok: true, activities: [activity], warnings: [] } };
}

/** Every activity of an export ZIP, item by item: its files parsed, or its workouts built. */
export function readExport(source: ZipSource, options: ReadExportOptions = {}): ExportReading {
  const opened = openExport(source, options);
  if (opened.kind === 'apple_health') return opened;
  const parse = options.parse ?? {};
  return {
    kind: opened.kind,
    warnings: opened.warnings,
    wellness: [],
    *items() {
      for (const e of opened.files()) yield fileItem(e, parse);
    },
  };
}
