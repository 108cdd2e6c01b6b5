// The activity files of a Garmin Connect data export (DI_CONNECT/DI-Connect-Uploaded-Files/*.zip,
// ZIPs of the FIT files as they were uploaded) or of a plain ZIP of activity files, one at a time
// and not parsed, like a Strava export's (strava-export.ts). Nested ZIPs are followed one level
// deep, which is all a Garmin export needs; their contents count against the same caps.
import { BadInputError } from '../errors.ts';
import { isActivityFileName } from './detect-export-kind.ts';
import type { ExportFileEntry } from './export-file-entry.ts';
import { readZipDirectory, type ZipEntry } from './zip/read-zip-directory.ts';
import { readZipEntry } from './zip/read-zip-entry.ts';
import type { ZipBudget } from './zip/zip-limits.ts';
import { zipSourceOfBytes, type ZipSource } from './zip/zip-source.ts';

const GARMIN_UPLOADS = /^([^/]+\/)?DI_CONNECT\/DI-Connect-(Fitness-)?Uploaded-Files\//i;

/** Damage confined to one entry: that file fails, the rest of the export still imports. */
const ENTRY_FAULTS: ReadonlySet<string> = new Set([
  'zip_corrupt',
  'zip_encrypted',
  'zip_unsupported',
]);

function failed(filename: string, err: unknown): ExportFileEntry {
  if (!(err instanceof BadInputError) || !ENTRY_FAULTS.has(err.reason)) throw err;
  return { filename, problem: { reason: err.reason, message: err.message } };
}

function* filesOf(
  source: ZipSource,
  entries: readonly ZipEntry[],
  budget: ZipBudget,
  prefix: string,
  nested: boolean,
): Generator<ExportFileEntry> {
  for (const e of entries) {
    if (e.isDirectory) continue;
    const filename = prefix + e.name;
    if (/\.zip$/i.test(e.name) && nested) {
      let inner: ZipSource;
      let innerEntries: ZipEntry[];
      try {
        inner = zipSourceOfBytes(readZipEntry(source, e, budget));
        innerEntries = readZipDirectory(inner, budget.limits);
      } catch (err) {
        yield failed(filename, err);
        continue;
      }
      yield* filesOf(inner, innerEntries, budget, `${filename}/`, false);
    } else if (/\.zip$/i.test(e.name)) {
      yield {
        filename,
        problem: {
          reason: 'zip_nested',
          message: `${filename}: a ZIP nested this deep is not read`,
        },
      };
    } else if (isActivityFileName(e.name)) {
      try {
        yield { filename, bytes: readZipEntry(source, e, budget) };
      } catch (err) {
        yield failed(filename, err);
      }
    }
  }
}

/** The FIT (and GPX, TCX) files a Garmin Connect data export uploaded, nested ZIPs included. */
export function* readGarminExportFiles(
  source: ZipSource,
  entries: readonly ZipEntry[],
  budget: ZipBudget,
): Generator<ExportFileEntry> {
  yield* filesOf(
    source,
    entries.filter((e) => GARMIN_UPLOADS.test(e.name)),
    budget,
    '',
    true,
  );
}

/** The activity files of a plain ZIP, in any folder. */
export function* readZippedActivityFiles(
  source: ZipSource,
  entries: readonly ZipEntry[],
  budget: ZipBudget,
): Generator<ExportFileEntry> {
  yield* filesOf(source, entries, budget, '', false);
}
