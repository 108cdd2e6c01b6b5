// One entry point for any activity file: GPX, TCX or FIT, each possibly gzip-compressed. The
// format comes from the content (the name only breaks ties), and every failure is a BadInputError
// whose message starts with the file name. parseActivities() gives every activity a file holds
// (a multisport FIT holds one per sport); parseActivityFile() the main one, for callers that store one.
import { BadInputError } from '../errors.ts';
import type { Activity, ActivityWarning, Sport } from './activity.ts';
import { gunzipCapped, isGzip } from './gunzip-capped.ts';
import { parseFitSessions, primaryActivityOf } from './parse-fit.ts';
import { parseGpx } from './parse-gpx.ts';
import { parseTcx } from './parse-tcx.ts';
import { createXmlDecoder } from './xml-decoder.ts';

export type ActivityFileFormat = 'gpx' | 'tcx' | 'fit';

export interface ParseActivityOptions {
  /** Largest file accepted, before and after decompression, bytes. Default 256 MiB. */
  maxBytes?: number;
  /** Sport when the file names none. Default 'run'. */
  defaultSport?: Sport;
}

export const DEFAULT_MAX_ACTIVITY_BYTES = 256 * 1024 * 1024;

function isFit(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 12 &&
    bytes[8] === 0x2e &&
    bytes[9] === 0x46 &&
    bytes[10] === 0x49 &&
    bytes[11] === 0x54
  );
}

/** The format of (decompressed) file content, using the name only when the content is unclear. */
export function detectActivityFormat(
  filename: string,
  bytes: Uint8Array,
): ActivityFileFormat | undefined {
  if (isFit(bytes)) return 'fit';
  const head = createXmlDecoder().decode(bytes.subarray(0, 4096), true);
  if (/<([A-Za-z_][\w.-]*:)?gpx[\s>/]/.test(head)) return 'gpx';
  if (/<([A-Za-z_][\w.-]*:)?TrainingCenterDatabase[\s>/]/.test(head)) return 'tcx';
  const ext = /\.(gpx|tcx|fit)$/i.exec(filename.replace(/\.gz$/i, ''))?.[1]?.toLowerCase();
  return ext as ActivityFileFormat | undefined;
}

export interface ParsedActivities {
  format: ActivityFileFormat;
  /** One for a GPX or TCX file; one per session of a FIT file (a multisport file holds several). */
  activities: Activity[];
  /** About the file as a whole; each activity carries its own in `fileWarnings`. */
  warnings: ActivityWarning[];
}

/**
 * Parse one activity file (name and bytes) into an Activity: the file's run, or its main session
 * (a multisport file's other sessions are named in a warning), or throw a BadInputError.
 */
export function parseActivityFile(
  filename: string,
  bytes: Uint8Array,
  options: ParseActivityOptions = {},
): Activity {
  return primaryActivityOf(parseActivities(filename, bytes, options).activities);
}

/** Parse one activity file into every activity it holds, or throw a BadInputError. */
export function parseActivities(
  filename: string,
  bytes: Uint8Array,
  options: ParseActivityOptions = {},
): ParsedActivities {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ACTIVITY_BYTES;
  try {
    if (bytes.length === 0) throw new BadInputError('empty_file', 'the file is empty');
    if (bytes.length > maxBytes) {
      throw new BadInputError('too_large', `the file is larger than ${maxBytes} bytes`);
    }
    const content = isGzip(bytes) ? gunzipCapped(bytes, maxBytes) : bytes;
    if (content.length === 0) throw new BadInputError('empty_file', 'the file is empty');
    const format = detectActivityFormat(filename, content);
    const sportOptions =
      options.defaultSport === undefined ? {} : { defaultSport: options.defaultSport };
    switch (format) {
      case 'fit':
        return { format, ...parseFitSessions(content, sportOptions) };
      case 'gpx':
        return { format, activities: [parseGpx(content, sportOptions)], warnings: [] };
      case 'tcx':
        return { format, activities: [parseTcx(content, sportOptions)], warnings: [] };
      default:
        throw new BadInputError('unknown_format', 'not a GPX, TCX or FIT file (nor a gzip of one)');
    }
  } catch (err) {
    if (err instanceof BadInputError) {
      throw new BadInputError(err.reason, `${filename}: ${err.message}`, { cause: err });
    }
    if (err instanceof RangeError) {
      // A read past the end of a buffer: the file is shaped in a way no check above foresaw.
      throw new BadInputError('unreadable', `${filename}: could not be read (${err.message})`, {
        cause: err,
      });
    }
    throw err;
  }
}
