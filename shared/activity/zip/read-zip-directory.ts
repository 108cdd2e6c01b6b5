// A ZIP archive's central directory, read from its end by random access: names, methods and sizes
// of every entry without touching their data. ZIP64 (archives over 4 GiB or 65,535 entries, as
// large Apple Health exports are) is read too.
import { BadInputError } from '../../errors.ts';
import type { ZipLimits } from './zip-limits.ts';
import type { ZipSource } from './zip-source.ts';

export interface ZipEntry {
  /** Path inside the archive, e.g. "apple_health_export/export.xml". */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Uncompressed size, as declared. */
  size: number;
  crc32: number;
  localHeaderOffset: number;
  encrypted: boolean;
  isDirectory: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder('utf-8');

function corrupt(message: string): BadInputError {
  return new BadInputError('zip_corrupt', `not a readable ZIP file (${message})`);
}

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('a size beyond 2^53');
  return Number(v);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface Directory {
  entries: number;
  offset: number;
  size: number;
}

function findDirectory(source: ZipSource): Directory {
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = source.read(tailStart, tailLength);
  const view = viewOf(tail);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at === -1) throw corrupt('no end-of-central-directory record');
  let entries = view.getUint16(at + 10, true);
  let size = view.getUint32(at + 12, true);
  let offset = view.getUint32(at + 16, true);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + at - 20;
    const locator = locatorAt >= 0 ? source.read(locatorAt, 20) : new Uint8Array(0);
    if (locator.length === 20 && viewOf(locator).getUint32(0, true) === ZIP64_LOCATOR) {
      const recordAt = u64(viewOf(locator), 8);
      const record = source.read(recordAt, 56);
      const rv = viewOf(record);
      if (record.length < 56 || rv.getUint32(0, true) !== ZIP64_EOCD) {
        throw corrupt('a broken ZIP64 end record');
      }
      entries = u64(rv, 32);
      size = u64(rv, 40);
      offset = u64(rv, 48);
    }
  }
  if (offset + size > source.size) throw corrupt('the central directory lies past the end');
  return { entries, offset, size };
}

/** Every entry of the archive, refusing more than `limits.maxEntries`. */
export function readZipDirectory(
  source: ZipSource,
  limits: Pick<ZipLimits, 'maxEntries'>,
): ZipEntry[] {
  const dir = findDirectory(source);
  if (dir.entries > limits.maxEntries) {
    throw new BadInputError(
      'zip_too_many_entries',
      `the ZIP holds more than ${limits.maxEntries} entries`,
    );
  }
  const bytes = source.read(dir.offset, dir.size);
  const view = viewOf(bytes);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= bytes.length && view.getUint32(at, true) === CENTRAL) {
    if (entries.length >= limits.maxEntries) {
      throw new BadInputError(
        'zip_too_many_entries',
        `the ZIP holds more than ${limits.maxEntries} entries`,
      );
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw corrupt('a directory entry runs past the directory');
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    // ZIP64 extra field: the 8-byte values of the fields set to 0xFFFFFFFF, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let p = e + 4;
        const next = (): number => {
          if (p + 8 > e + 4 + length) throw corrupt('a short ZIP64 field');
          const v = u64(view, p);
          p += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize,
      size,
      crc32: view.getUint32(at + 16, true),
      localHeaderOffset,
      encrypted: (flags & 1) !== 0,
      isDirectory: name.endsWith('/'),
    });
    at = end;
  }
  if (entries.length !== dir.entries && dir.entries !== 0xffff) {
    throw corrupt(`the directory lists ${entries.length} of ${dir.entries} entries`);
  }
  return entries;
}
