// A Strava bulk export (a ZIP with activities.csv and activities/*) → one entry per activity file,
// with the CSV's name and type, NOT parsed: the caller parses each and records it as imported,
// duplicate or failed, so one bad file never stops the rest. A ZIP is untrusted: the entry count
// and the uncompressed size are capped twice, on the sizes the ZIP declares and on the bytes that
// decompression actually produces (a zip bomb can lie about the first).
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { BadInputError } from '../errors.ts';
import type { Sport } from './activity.ts';
import { parseCsv } from './parse-csv.ts';
import { sportOfName } from './sport.ts';

export interface StravaExportLimits {
  /** Most entries (of any kind) the ZIP may hold. Default 20,000. */
  maxEntries?: number;
  /** Most uncompressed bytes of the entries read (activities.csv and activities/*). Default 1 GiB. */
  maxTotalBytes?: number;
  /** Largest single uncompressed entry. Default 256 MiB. */
  maxEntryBytes?: number;
}

export interface StravaExportEntry {
  /** Path inside the ZIP, e.g. "activities/1234567.gpx.gz". */
  filename: string;
  /** The file's bytes; absent when activities.csv names a file the ZIP does not hold. */
  bytes?: Uint8Array;
  activityId?: string;
  name?: string;
  /** Strava's "Activity Type", e.g. "Run". */
  activityType?: string;
  sport?: Sport;
  /** Strava's "Activity Date" as written in the CSV. */
  date?: string;
  /** Why this entry cannot be imported, when known before parsing. */
  problem?: { reason: string; message: string };
}

export interface StravaExport {
  entries: StravaExportEntry[];
  warnings: string[];
}

interface Declared {
  name: string;
  originalSize: number;
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

/** Read the entries of a Strava bulk export. Throws BadInputError for a ZIP that breaks a cap. */
export function readStravaExport(
  zipBytes: Uint8Array,
  limits: StravaExportLimits = {},
): StravaExport {
  const maxEntries = limits.maxEntries ?? 20_000;
  const maxTotal = limits.maxTotalBytes ?? 1024 * 1024 * 1024;
  const maxEntry = limits.maxEntryBytes ?? 256 * 1024 * 1024;

  // Pass 1: the central directory only (the filter declines every entry, so nothing inflates).
  const declared = new Map<string, Declared>();
  let count = 0;
  let declaredTotal = 0;
  try {
    unzipSync(zipBytes, {
      filter(info) {
        count++;
        if (count > maxEntries) {
          throw new BadInputError(
            'zip_too_many_entries',
            `the ZIP holds more than ${maxEntries} entries`,
          );
        }
        if (isActivityCsv(info.name) || isActivityFile(info.name)) {
          if (info.originalSize > maxEntry) {
            throw new BadInputError(
              'zip_too_large',
              `${info.name} expands to ${info.originalSize} bytes, more than the ${maxEntry} allowed`,
            );
          }
          declaredTotal += info.originalSize;
          if (declaredTotal > maxTotal) {
            throw new BadInputError(
              'zip_too_large',
              `the export expands to more than ${maxTotal} bytes`,
            );
          }
          declared.set(info.name, { name: info.name, originalSize: info.originalSize });
        }
        return false;
      },
    });
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw new BadInputError('zip_corrupt', `not a readable ZIP file (${(err as Error).message})`);
  }

  // Pass 2: inflate the wanted entries, counting the bytes that really come out.
  const contents = inflateEntries(zipBytes, declared, maxTotal);

  const warnings: string[] = [];
  const csvName = [...declared.keys()].find(isActivityCsv);
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

function inflateEntries(
  zipBytes: Uint8Array,
  declared: ReadonlyMap<string, Declared>,
  maxTotal: number,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let failure: BadInputError | undefined;
  const unzip = new Unzip((file) => {
    const want = declared.get(file.name);
    if (want === undefined || failure !== undefined) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure !== undefined) return;
      if (err) {
        failure = new BadInputError('zip_corrupt', `${file.name}: ${err.message}`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > want.originalSize) {
        failure = new BadInputError(
          'zip_size_mismatch',
          `${file.name} expands beyond the ${want.originalSize} bytes its header declares: the ZIP is corrupt or malicious`,
        );
        file.terminate();
        return;
      }
      if (total > maxTotal) {
        failure = new BadInputError(
          'zip_too_large',
          `the export expands to more than ${maxTotal} bytes`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        if (size !== want.originalSize) {
          failure = new BadInputError(
            'zip_size_mismatch',
            `${file.name} holds ${size} bytes but its header declares ${want.originalSize}`,
          );
          return;
        }
        out.set(file.name, concat(chunks, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(zipBytes, true);
  } catch (err) {
    failure ??= new BadInputError('zip_corrupt', `the ZIP is corrupt (${(err as Error).message})`);
  }
  if (failure !== undefined) throw failure;
  for (const name of declared.keys()) {
    if (!out.has(name)) {
      throw new BadInputError(
        'zip_corrupt',
        `${name} is listed in the ZIP's directory but could not be read`,
      );
    }
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
