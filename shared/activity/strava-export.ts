// A Strava bulk export (a ZIP with activities.csv and activities/*) → one entry per activity file,
// with the CSV's name and type, NOT parsed: the caller parses each and records it as imported,
// duplicate or failed, so one bad file never stops the rest. A ZIP is untrusted: the entry count
// and the uncompressed size are capped twice, on the sizes the ZIP declares and on the bytes that
// decompression actually produces (a zip bomb can lie about the first).
import { BadInputError } from '../errors.ts';
import type { ExportFileEntry } from './export-file-entry.ts';
import { parseCsv } from './parse-csv.ts';
import { sportOfName } from './sport.ts';
import { readZipDirectory, type ZipEntry } from './zip/read-zip-directory.ts';
import { readZipEntry } from './zip/read-zip-entry.ts';
import { createZipBudget, tooLarge, type ZipBudget, type ZipLimits } from './zip/zip-limits.ts';
import { zipSourceOfBytes, type ZipSource } from './zip/zip-source.ts';

export interface StravaExportLimits {
  /** Most entries (of any kind) the ZIP may hold. Default 20,000. */
  maxEntries?: number;
  /** Most uncompressed bytes of the entries read (activities.csv and activities/*). Default 1 GiB. */
  maxTotalBytes?: number;
  /** Largest single uncompressed entry. Default 256 MiB. */
  maxEntryBytes?: number;
  /** Largest expansion of one entry (bytes out per compressed byte). Default 100. */
  maxRatio?: number;
}

/** An activity file of the export with what activities.csv says of it. */
export type StravaExportEntry = ExportFileEntry;

export interface StravaExport {
  entries: StravaExportEntry[];
  warnings: string[];
}

/**
 * Longest activities.csv fields kept, in characters. A longer filename cannot name a file of a real
 * export: that row's file is refused. A longer name is shortened (with a warning); a longer id,
 * date or type is left out (with a warning): they only describe the file.
 */
export const CSV_FIELD_LIMITS = { filename: 1024, name: 200, id: 32, date: 64, type: 64 } as const;

/** Text cut to `max` characters, marked with an ellipsis, for messages and stored names. */
export function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function stripDir(name: string): string {
  return name.replace(/^\/+/, '');
}

function isActivityCsv(name: string): boolean {
  return /^([^/]+\/)?activities\.csv$/i.test(stripDir(name));
}

function isActivityFile(name: string): boolean {
  return /^([^/]+\/)?activities\/[^/]+$/i.test(stripDir(name)) && !name.endsWith('/');
}

function limitsOf(limits: StravaExportLimits): ZipLimits {
  return {
    maxEntries: limits.maxEntries ?? 20_000,
    maxTotalBytes: limits.maxTotalBytes ?? 1024 * 1024 * 1024,
    maxEntryBytes: limits.maxEntryBytes ?? 256 * 1024 * 1024,
    maxRatio: limits.maxRatio ?? 100,
  };
}

export interface OpenedStravaExport {
  warnings: string[];
  /** One entry per activity file, in activities.csv's order, its bytes read when reached. */
  files(): Generator<StravaExportEntry>;
}

interface Planned {
  entry: StravaExportEntry;
  zipEntry?: ZipEntry;
}

/**
 * A Strava export among a ZIP's entries: activities.csv is read at once, each activity file only
 * when the caller reaches it, so an export of any size is read one file at a time.
 */
export function openStravaExport(
  source: ZipSource,
  entries: readonly ZipEntry[],
  budget: ZipBudget,
): OpenedStravaExport {
  const csvEntry = entries.find((e) => isActivityCsv(e.name));
  const prefix =
    csvEntry === undefined ? '' : stripDir(csvEntry.name).replace(/activities\.csv$/i, '');
  const files = new Map<string, ZipEntry>();
  for (const e of entries) if (isActivityFile(e.name)) files.set(stripDir(e.name), e);

  const warnings: string[] = [];
  const planned: Planned[] = [];
  const claimed = new Set<string>();
  if (csvEntry === undefined) {
    if (files.size === 0) {
      throw new BadInputError(
        'strava_export_empty',
        'no activities.csv and no activities/ folder: this is not a Strava bulk export',
      );
    }
    warnings.push('no activities.csv: activity names and types are unknown');
  } else {
    const rows = parseCsv(new TextDecoder('utf-8').decode(readZipEntry(source, csvEntry, budget)));
    const header = rows[0] ?? [];
    const col = (title: string) => header.findIndex((h) => h.trim().toLowerCase() === title);
    const idCol = col('activity id');
    const dateCol = col('activity date');
    const nameCol = col('activity name');
    const typeCol = col('activity type');
    const fileCol = col('filename');
    if (fileCol === -1) {
      throw new BadInputError(
        'strava_export_csv',
        'activities.csv has no "Filename" column: this is not a Strava bulk export',
      );
    }
    let withoutFile = 0;
    let longNames = 0;
    let longFields = 0;
    for (const row of rows.slice(1)) {
      const cell = (i: number) => (i === -1 ? undefined : row[i]?.trim() || undefined);
      /** A describing field, or undefined when it is over its limit (counted for the warning). */
      const bounded = (i: number, max: number) => {
        const v = cell(i);
        if (v !== undefined && v.length > max) {
          longFields++;
          return undefined;
        }
        return v;
      };
      const filename = cell(fileCol);
      if (filename === undefined) {
        if (row.some((v) => v.trim() !== '')) withoutFile++;
        continue;
      }
      if (filename.length > CSV_FIELD_LIMITS.filename) {
        const shown = shortened(filename, 100);
        planned.push({
          entry: {
            filename: shown,
            problem: {
              reason: 'csv_field_too_long',
              message: `activities.csv names a file of ${filename.length} characters (at most ${CSV_FIELD_LIMITS.filename}): "${shown}" is not read`,
            },
          },
        });
        continue;
      }
      const path = prefix + filename.replace(/^\/+/, '');
      const entry: StravaExportEntry = { filename: path };
      const id = bounded(idCol, CSV_FIELD_LIMITS.id);
      const date = bounded(dateCol, CSV_FIELD_LIMITS.date);
      const name = cell(nameCol);
      const type = bounded(typeCol, CSV_FIELD_LIMITS.type);
      if (id !== undefined) entry.activityId = id;
      if (date !== undefined) entry.date = date;
      if (name !== undefined) {
        if (name.length > CSV_FIELD_LIMITS.name) longNames++;
        entry.name = shortened(name, CSV_FIELD_LIMITS.name);
      }
      if (type !== undefined) {
        entry.activityType = type;
        const sport = sportOfName(type);
        if (sport !== undefined) entry.sport = sport;
      }
      const zipEntry = files.get(path);
      if (zipEntry === undefined) {
        entry.problem = {
          reason: 'missing_file',
          message: `${path}: listed in activities.csv but not in the ZIP`,
        };
        planned.push({ entry });
      } else {
        claimed.add(path);
        planned.push({ entry, zipEntry });
      }
    }
    if (withoutFile > 0)
      warnings.push(`${withoutFile} activities without a file (manual entries) skipped`);
    if (longNames > 0)
      warnings.push(
        `${longNames} activity name${longNames === 1 ? '' : 's'} longer than ${CSV_FIELD_LIMITS.name} characters shortened`,
      );
    if (longFields > 0)
      warnings.push(
        `${longFields} over-long activity id, date or type field${longFields === 1 ? '' : 's'} in activities.csv left out`,
      );
  }
  for (const [path, zipEntry] of files) {
    if (!claimed.has(path)) planned.push({ entry: { filename: path }, zipEntry });
  }
  return {
    warnings,
    *files() {
      for (const { entry, zipEntry } of planned) {
        yield zipEntry === undefined
          ? entry
          : { ...entry, bytes: readZipEntry(source, zipEntry, budget) };
      }
    },
  };
}

/**
 * Read the entries of a Strava bulk export, from its bytes or any ZipSource, every file in memory.
 * Throws BadInputError for a ZIP that breaks a cap, checked on the declared sizes before a byte is
 * inflated and on the bytes really produced.
 */
export function readStravaExport(
  zip: Uint8Array | ZipSource,
  limits: StravaExportLimits = {},
): StravaExport {
  const source = zip instanceof Uint8Array ? zipSourceOfBytes(zip) : zip;
  const budget = createZipBudget(limitsOf(limits));
  const { maxEntryBytes, maxTotalBytes } = budget.limits;
  const entries = readZipDirectory(source, budget.limits);
  let declaredTotal = 0;
  for (const e of entries) {
    if (!isActivityCsv(e.name) && !isActivityFile(e.name)) continue;
    if (e.size > maxEntryBytes) {
      throw tooLarge(
        `${e.name} expands to ${e.size} bytes, more than the ${maxEntryBytes} allowed`,
      );
    }
    declaredTotal += e.size;
    if (declaredTotal > maxTotalBytes) {
      throw tooLarge(`the export expands to more than ${maxTotalBytes} bytes`);
    }
  }
  const opened = openStravaExport(source, entries, budget);
  return { entries: [...opened.files()], warnings: opened.warnings };
}
