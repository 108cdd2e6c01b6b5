// A Strava bulk export (a ZIP with activities.csv and activities/*) → one entry per activity file,
// with the CSV's name and type, NOT parsed: the caller parses each and records it as imported,
// duplicate or failed, so one bad file never stops the rest. A ZIP is untrusted: the entry count
// and the uncompressed size are capped twice, on the sizes the ZIP declares and on the bytes that
// decompression actually produces (a zip bomb can lie about the first).
import { BadInputError } from '../errors.ts';
import type { ExportFileEntry } from './export-file-entry.ts';
import { parseCsv } from './parse-csv.ts';
import { sportOfName } from './sport.ts';
import { readZipDirectory } from './zip/read-zip-directory.ts';
import { readZipEntry } from './zip/read-zip-entry.ts';
import { createZipBudget, tooLarge, type ZipLimits } from './zip/zip-limits.ts';
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

/**
 * Read the entries of a Strava bulk export, from its bytes or any ZipSource. Throws BadInputError
 * for a ZIP that breaks a cap.
 */
export function readStravaExport(
  zip: Uint8Array | ZipSource,
  limits: StravaExportLimits = {},
): StravaExport {
  const source = zip instanceof Uint8Array ? zipSourceOfBytes(zip) : zip;
  const budget = createZipBudget(limitsOf(limits));
  const { maxEntryBytes, maxTotalBytes } = budget.limits;
  const wanted = readZipDirectory(source, budget.limits).filter(
    (e) => isActivityCsv(e.name) || isActivityFile(e.name),
  );
  // Refuse on the declared sizes before inflating a byte; readZipEntry then counts the real ones.
  let declaredTotal = 0;
  for (const e of wanted) {
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
  const contents = new Map(wanted.map((e) => [e.name, readZipEntry(source, e, budget)]));

  const warnings: string[] = [];
  const csvName = [...contents.keys()].find(isActivityCsv);
  const prefix = csvName === undefined ? '' : stripDir(csvName).replace(/activities\.csv$/i, '');
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of contents) if (isActivityFile(name)) files.set(stripDir(name), bytes);

  const entries: StravaExportEntry[] = [];
  const claimed = new Set<string>();
  const csvBytes = csvName === undefined ? undefined : contents.get(csvName);
  if (csvBytes === undefined) {
    if (files.size === 0) {
      throw new BadInputError(
        'strava_export_empty',
        'no activities.csv and no activities/ folder: this is not a Strava bulk export',
      );
    }
    warnings.push('no activities.csv: activity names and types are unknown');
  } else {
    const rows = parseCsv(new TextDecoder('utf-8').decode(csvBytes));
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
    for (const row of rows.slice(1)) {
      const cell = (i: number) => (i === -1 ? undefined : row[i]?.trim() || undefined);
      const filename = cell(fileCol);
      if (filename === undefined) {
        if (row.some((v) => v.trim() !== '')) withoutFile++;
        continue;
      }
      const path = prefix + filename.replace(/^\/+/, '');
      const entry: StravaExportEntry = { filename: path };
      const id = cell(idCol);
      const date = cell(dateCol);
      const name = cell(nameCol);
      const type = cell(typeCol);
      if (id !== undefined) entry.activityId = id;
      if (date !== undefined) entry.date = date;
      if (name !== undefined) entry.name = name;
      if (type !== undefined) {
        entry.activityType = type;
        const sport = sportOfName(type);
        if (sport !== undefined) entry.sport = sport;
      }
      const bytes = files.get(path);
      if (bytes === undefined) {
        entry.problem = {
          reason: 'missing_file',
          message: `${path}: listed in activities.csv but not in the ZIP`,
        };
      } else {
        entry.bytes = bytes;
        claimed.add(path);
      }
      entries.push(entry);
    }
    if (withoutFile > 0)
      warnings.push(`${withoutFile} activities without a file (manual entries) skipped`);
  }
  for (const [path, bytes] of files) {
    if (!claimed.has(path)) entries.push({ filename: path, bytes });
  }
  return { entries, warnings };
}
