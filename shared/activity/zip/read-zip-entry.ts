// One entry's data, decompressed as a stream under the caps: in small steps, so that a bomb is
// stopped within a few megabytes of passing a cap, and checked against its declared size and CRC
// (a cut or damaged archive is an error, never a shorter file).
import { Inflate } from 'fflate';
import { BadInputError } from '../../errors.ts';
import { crc32 } from './crc32.ts';
import type { ZipEntry } from './read-zip-directory.ts';
import { ratioCapOf, tooLarge, type ZipBudget } from './zip-limits.ts';
import type { ZipSource } from './zip-source.ts';

const LOCAL = 0x04034b50;
/** Compressed bytes per step: deflate expands at most ~1,032:1, so one step yields ≤ ~4 MiB. */
const STEP = 4096;
/** Compressed bytes read from the source at a time. */
const READ = 256 * 1024;

function dataOffsetOf(source: ZipSource, entry: ZipEntry): number {
  const header = source.read(entry.localHeaderOffset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL) {
    throw new BadInputError('zip_corrupt', `${entry.name}: its local header is missing or broken`);
  }
  return entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
}

/** Refuse, before reading a byte, an entry that could not be read or declares too much. */
function checkDeclared(entry: ZipEntry, budget: ZipBudget): void {
  if (entry.encrypted) {
    throw new BadInputError(
      'zip_encrypted',
      `${entry.name} is encrypted: export it again without a password`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new BadInputError(
      'zip_unsupported',
      `${entry.name} is compressed with method ${entry.method}; only stored and deflated entries can be read`,
    );
  }
  const { limits } = budget;
  if (entry.size > ratioCapOf(limits, entry.compressedSize)) {
    throw new BadInputError(
      'zip_ratio',
      `${entry.name} declares an expansion beyond ${limits.maxRatio}:1: the ZIP is malicious or corrupt`,
    );
  }
  if (budget.expandedBytes + entry.size > limits.maxTotalBytes) {
    throw tooLarge(`the ZIP expands to more than ${limits.maxTotalBytes} bytes`);
  }
}

/**
 * Decompress one entry, handing each chunk of its data to `onChunk` as it comes. Throws a
 * BadInputError when the entry breaks a cap, holds more or fewer bytes than it declares, or fails
 * its CRC.
 */
export function streamZipEntry(
  source: ZipSource,
  entry: ZipEntry,
  budget: ZipBudget,
  onChunk: (chunk: Uint8Array) => void,
): void {
  checkDeclared(entry, budget);
  const { limits } = budget;
  const ratioCap = ratioCapOf(limits, entry.compressedSize);
  let size = 0;
  let crc = 0;
  let failure: BadInputError | undefined;
  let ended = entry.method === 0;
  const take = (chunk: Uint8Array) => {
    if (failure !== undefined || chunk.length === 0) return;
    size += chunk.length;
    budget.expandedBytes += chunk.length;
    if (size > entry.size) {
      failure = new BadInputError(
        'zip_size_mismatch',
        `${entry.name} expands beyond the ${entry.size} bytes its header declares: the ZIP is corrupt or malicious`,
      );
    } else if (size > ratioCap) {
      failure = new BadInputError('zip_ratio', `${entry.name} expands beyond ${limits.maxRatio}:1`);
    } else if (budget.expandedBytes > limits.maxTotalBytes) {
      failure = tooLarge(`the ZIP expands to more than ${limits.maxTotalBytes} bytes`);
    } else {
      crc = crc32(chunk, crc);
      onChunk(chunk);
    }
  };
  const inflate =
    entry.method === 8
      ? new Inflate((chunk, final) => {
          take(chunk);
          if (final) ended = true;
        })
      : undefined;
  const start = dataOffsetOf(source, entry);
  const end = start + entry.compressedSize;
  if (end > source.size) {
    throw new BadInputError('zip_corrupt', `${entry.name}: its data runs past the end of the ZIP`);
  }
  try {
    for (let at = start; at < end && failure === undefined; at += READ) {
      const piece = source.read(at, Math.min(READ, end - at));
      if (inflate === undefined) {
        take(piece);
        continue;
      }
      for (let p = 0; p < piece.length && failure === undefined; p += STEP) {
        inflate.push(piece.subarray(p, p + STEP), at + p + STEP >= end);
      }
    }
    if (inflate !== undefined && entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    failure ??= new BadInputError(
      'zip_corrupt',
      `${entry.name} is corrupt (${String((err as Error).message ?? err)})`,
    );
  }
  if (failure !== undefined) throw failure;
  if (!ended || size !== entry.size) {
    throw new BadInputError(
      'zip_size_mismatch',
      `${entry.name} holds ${size} bytes but its header declares ${entry.size}`,
    );
  }
  if (crc !== entry.crc32) {
    throw new BadInputError('zip_corrupt', `${entry.name} fails its CRC check: the ZIP is damaged`);
  }
}

/** One entry's data in one buffer, no larger than `maxEntryBytes`. */
export function readZipEntry(source: ZipSource, entry: ZipEntry, budget: ZipBudget): Uint8Array {
  if (entry.size > budget.limits.maxEntryBytes) {
    throw tooLarge(
      `${entry.name} expands to ${entry.size} bytes, more than the ${budget.limits.maxEntryBytes} allowed`,
    );
  }
  const out = new Uint8Array(entry.size);
  let at = 0;
  streamZipEntry(source, entry, budget, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
