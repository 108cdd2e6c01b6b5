// One entry point for any activity file: GPX, TCX or FIT, each possibly gzip-compressed. The
// format comes from the content (the name only breaks ties), and every failure is a BadInputError
// whose message starts with the file name. parseActivities() gives every activity a file holds
// (a multisport FIT holds one per sport); parseActivityFile() the main one, for callers that store one.
// A gzipped file is inflated as a stream straight into its parser: the format is known from the
// first 4 KiB, GPX and TCX are parsed as they inflate, and inflating stops at the cap (or as soon
// as the content cannot be an activity file), so a gzip bomb never sits in memory whole.
import { BadInputError } from '../errors.ts';
import type { Activity, ActivityWarning, Sport } from './activity.ts';
import { createFitByteCollector } from './collect-fit-bytes.ts';
import { concatBytes } from './concat-bytes.ts';
import { gunzipChunks, isGzip } from './gunzip-capped.ts';
import { parseFitSessions, primaryActivityOf } from './parse-fit.ts';
import { createGpxFileParser } from './parse-gpx.ts';
import { createTcxParser } from './parse-tcx.ts';
import type { TimeRange } from './plausible-time.ts';
import { createXmlDecoder } from './xml-decoder.ts';

export type ActivityFileFormat = 'gpx' | 'tcx' | 'fit';

export interface ParseActivityOptions {
  /** Largest file accepted, before and after decompression, bytes. Default 256 MiB. */
  maxBytes?: number;
  /** Sport when the file names none. Default 'run'. */
  defaultSport?: Sport;
  /** When a recorded activity may be (plausible-time.ts); without it only impossible dates fail. */
  timeRange?: TimeRange;
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
  return namedFor(filename, () => {
    if (bytes.length === 0) throw new BadInputError('empty_file', 'the file is empty');
    if (bytes.length > maxBytes) {
      throw new BadInputError('too_large', `the file is larger than ${maxBytes} bytes`);
    }
    const reader = createContentReader(filename, options);
    if (isGzip(bytes)) gunzipChunks(bytes, maxBytes, (chunk) => reader.push(chunk));
    else reader.push(bytes);
    return reader.end();
  });
}

/** Run `f`, naming the file in any BadInputError it throws. */
function namedFor<T>(filename: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof BadInputError) {
      throw new BadInputError(err.reason, `${filename}: ${err.message}`, { cause: err });
    }
    if (err instanceof RangeError) {
      // A read past the end of a buffer: the file is shaped in a way no check foresaw.
      throw new BadInputError('unreadable', `${filename}: could not be read (${err.message})`, {
        cause: err,
      });
    }
    throw err;
  }
}

/**
 * The same as parseActivities, fed in chunks as the file is read from disk, so that a plain GPX or
 * TCX file never sits in memory whole (a gzipped one is gathered, then inflated as a stream).
 */
export function createActivityFileReader(
  filename: string,
  options: ParseActivityOptions = {},
): { push(chunk: Uint8Array): void; end(): ParsedActivities } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ACTIVITY_BYTES;
  const reader = createContentReader(filename, options);
  let gzip: Uint8Array[] | undefined;
  let total = 0;
  const named = <T>(f: () => T): T => namedFor(filename, f);
  return {
    push(chunk) {
      if (chunk.length === 0) return;
      // Copied: the caller reuses its read buffer.
      if (total === 0 && isGzip(chunk)) gzip = [];
      total += chunk.length;
      if (gzip !== undefined) {
        gzip.push(chunk.slice());
        return;
      }
      named(() => {
        if (total > maxBytes) {
          throw new BadInputError('too_large', `the file is larger than ${maxBytes} bytes`);
        }
        reader.push(chunk.slice());
      });
    },
    end() {
      if (gzip !== undefined) return parseActivities(filename, concatBytes(gzip), options);
      return named(() => {
        if (total === 0) throw new BadInputError('empty_file', 'the file is empty');
        return reader.end();
      });
    },
  };
}

/** Bytes enough to tell the format (an XML root after its declaration and comments). */
const SNIFF_BYTES = 4096;

interface ContentReader {
  push(chunk: Uint8Array): void;
  end(): ParsedActivities;
}

/** Reads (decompressed) content as it comes: sniffs the format, then feeds that format's parser. */
function createContentReader(filename: string, options: ParseActivityOptions): ContentReader {
  const fileOptions = {
    ...(options.defaultSport === undefined ? {} : { defaultSport: options.defaultSport }),
    ...(options.timeRange === undefined ? {} : { timeRange: options.timeRange }),
  };
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let parser: ContentReader | undefined;

  function parserFor(format: ActivityFileFormat | undefined): ContentReader {
    switch (format) {
      case 'fit': {
        const fit = createFitByteCollector();
        return {
          push: (c) => fit.push(c),
          end: () => ({ format, ...parseFitSessions(fit.bytes(), fileOptions) }),
        };
      }
      case 'gpx':
      case 'tcx': {
        const xml =
          format === 'gpx' ? createGpxFileParser(fileOptions) : createTcxParser(fileOptions);
        return {
          push: (c) => xml.push(c),
          end: () => ({ format, activities: [xml.end()], warnings: [] }),
        };
      }
      default:
        throw new BadInputError('unknown_format', 'not a GPX, TCX or FIT file (nor a gzip of one)');
    }
  }

  function start(): ContentReader {
    const first = head.length === 1 ? (head[0] as Uint8Array) : concatBytes(head);
    head = [];
    if (first.length === 0) throw new BadInputError('empty_file', 'the file is empty');
    const p = parserFor(detectActivityFormat(filename, first));
    p.push(first);
    return p;
  }

  return {
    push(chunk) {
      if (parser !== undefined) {
        parser.push(chunk);
        return;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) parser = start();
    },
    end() {
      parser ??= start();
      return parser.end();
    },
  };
}
