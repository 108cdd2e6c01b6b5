// A small decoder for Garmin's binary FIT format (FIT protocol 1.0/2.0): file header and CRCs,
// definition and data messages, compressed-timestamp headers, little- and big-endian messages,
// developer fields, and chained files. Unknown messages and fields are skipped by their declared
// sizes. Anything that does not add up (short data, a bad CRC) is an error, never a shorter run.
import { BadInputError } from '../errors.ts';

/** Seconds between the Unix epoch and the FIT epoch, 1989-12-31T00:00:00Z. */
export const FIT_EPOCH_S = 631_065_600;

export type FitValue = number | string | number[];

/** Decoded fields of one data message, by field number; invalid values are left out. */
export type FitFields = Record<number, FitValue | undefined>;

export type FitMessageHandler = (globalNum: number, fields: FitFields) => void;

interface FieldDef {
  num: number;
  size: number;
  baseType: number;
}

interface Definition {
  globalNum: number;
  littleEndian: boolean;
  fields: FieldDef[];
  /** Bytes of a data message, developer fields included. */
  size: number;
  wanted: boolean;
}

/** Base type id (low 5 bits) → size in bytes. */
const BASE_SIZE = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

const CRC_TABLE = [
  0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401,
  0x5000, 0x9c01, 0x8801, 0x4400,
];

/** FIT's CRC-16 (the FIT protocol document, "CRC"). */
export function fitCrc(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    let tmp = CRC_TABLE[crc & 0xf] as number;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ (CRC_TABLE[byte & 0xf] as number);
    tmp = CRC_TABLE[crc & 0xf] as number;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ (CRC_TABLE[(byte >> 4) & 0xf] as number);
  }
  return crc;
}

function readScalar(view: DataView, at: number, type: number, le: boolean): number | undefined {
  switch (type) {
    case 0: // enum
    case 2: // uint8
    case 13: {
      // byte
      const v = view.getUint8(at);
      return v === 0xff ? undefined : v;
    }
    case 1: {
      const v = view.getInt8(at);
      return v === 0x7f ? undefined : v;
    }
    case 3: {
      const v = view.getInt16(at, le);
      return v === 0x7fff ? undefined : v;
    }
    case 4: {
      const v = view.getUint16(at, le);
      return v === 0xffff ? undefined : v;
    }
    case 5: {
      const v = view.getInt32(at, le);
      return v === 0x7fffffff ? undefined : v;
    }
    case 6: {
      const v = view.getUint32(at, le);
      return v === 0xffffffff ? undefined : v;
    }
    case 8: {
      const v = view.getFloat32(at, le);
      return Number.isFinite(v) ? v : undefined;
    }
    case 9: {
      const v = view.getFloat64(at, le);
      return Number.isFinite(v) ? v : undefined;
    }
    case 10: {
      const v = view.getUint8(at);
      return v === 0 ? undefined : v;
    }
    case 11: {
      const v = view.getUint16(at, le);
      return v === 0 ? undefined : v;
    }
    case 12: {
      const v = view.getUint32(at, le);
      return v === 0 ? undefined : v;
    }
    case 14:
    case 15:
    case 16: {
      const v = le ? view.getBigUint64(at, true) : view.getBigUint64(at, false);
      const n = type === 14 ? BigInt.asIntN(64, v) : v;
      if (
        type === 14 ? n === 0x7fffffffffffffffn : type === 15 ? n === 0xffffffffffffffffn : n === 0n
      ) {
        return undefined;
      }
      return Number(n);
    }
    default:
      return undefined;
  }
}

const utf8 = new TextDecoder('utf-8');

function readField(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  f: FieldDef,
  le: boolean,
): FitValue | undefined {
  const type = f.baseType & 0x1f;
  if (type === 7) {
    let end = at;
    while (end < at + f.size && bytes[end] !== 0) end++;
    const s = utf8.decode(bytes.subarray(at, end));
    return s === '' ? undefined : s;
  }
  const size = BASE_SIZE[type];
  if (size === undefined || f.size % size !== 0) return undefined; // malformed: skip it
  if (f.size === size && type !== 13) return readScalar(view, at, type, le);
  const values: number[] = [];
  let valid = false;
  for (let i = 0; i < f.size; i += size) {
    const v = readScalar(view, at + i, type, le);
    if (v !== undefined) valid = true;
    values.push(v ?? Number.NaN);
  }
  if (type === 13) {
    // A byte array is invalid only when every byte is 0xFF.
    for (let i = 0; i < f.size; i++) values[i] = bytes[at + i] as number;
  }
  return valid ? values : undefined;
}

/**
 * Decode a FIT file, calling `onMessage` for each data message whose global number is in
 * `wanted`. Field 253 (timestamp) is filled in for compressed-timestamp messages.
 */
export function decodeFit(
  bytes: Uint8Array,
  wanted: ReadonlySet<number>,
  onMessage: FitMessageHandler,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let files = 0;
  while (offset < bytes.length) {
    offset = decodeOne(bytes, view, offset, files, wanted, onMessage);
    files++;
  }
}

function decodeOne(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  index: number,
  wanted: ReadonlySet<number>,
  onMessage: FitMessageHandler,
): number {
  const where = index === 0 ? 'the file' : `the chained FIT file at byte ${start}`;
  const remaining = bytes.length - start;
  if (remaining < 12) {
    throw new BadInputError(
      'fit_truncated',
      `${where} ends inside its header (${remaining} bytes): it is truncated`,
    );
  }
  const headerSize = bytes[start] as number;
  const signature = String.fromCharCode(...bytes.subarray(start + 8, start + 12));
  if ((headerSize !== 12 && headerSize !== 14) || signature !== '.FIT') {
    throw new BadInputError(
      'fit_bad_header',
      `${where} has a corrupt FIT header (size ${headerSize}, signature "${signature}")`,
    );
  }
  if (remaining < headerSize) {
    throw new BadInputError('fit_truncated', `${where} ends inside its header: it is truncated`);
  }
  if (headerSize === 14) {
    const headerCrc = view.getUint16(start + 12, true);
    if (headerCrc !== 0 && headerCrc !== fitCrc(bytes, start, start + 12)) {
      throw new BadInputError('fit_bad_header', `${where} has a header whose CRC does not match`);
    }
  }
  const dataSize = view.getUint32(start + 4, true);
  const dataStart = start + headerSize;
  const dataEnd = dataStart + dataSize;
  if (dataSize === 0) {
    throw new BadInputError('fit_no_data', `${where} declares no data records`);
  }
  if (dataEnd + 2 > bytes.length) {
    throw new BadInputError(
      'fit_truncated',
      `${where} declares ${dataSize} bytes of records but only ${Math.max(0, bytes.length - dataStart)} follow: it is truncated`,
    );
  }
  const crc = view.getUint16(dataEnd, true);
  if (crc !== fitCrc(bytes, start, dataEnd)) {
    throw new BadInputError('fit_crc', `${where} fails its CRC check: it is corrupt`);
  }

  const defs: (Definition | undefined)[] = new Array<Definition | undefined>(16);
  let lastTimestamp: number | undefined;
  let at = dataStart;
  while (at < dataEnd) {
    const header = bytes[at] as number;
    const recordAt = at;
    at++;
    let local: number;
    let compressedTs: number | undefined;
    if (header & 0x80) {
      local = (header >> 5) & 0x3;
      const offsetS = header & 0x1f;
      if (lastTimestamp !== undefined) {
        const base = lastTimestamp - (lastTimestamp % 32);
        compressedTs = base + offsetS + (offsetS < lastTimestamp % 32 ? 32 : 0);
        lastTimestamp = compressedTs;
      }
    } else {
      local = header & 0x0f;
      if (header & 0x40) {
        at = readDefinition(bytes, view, at, dataEnd, header, local, defs, wanted);
        continue;
      }
    }
    const def = defs[local];
    if (def === undefined) {
      throw new BadInputError(
        'fit_corrupt',
        `byte ${recordAt}: a data message for local type ${local}, which was never defined`,
      );
    }
    if (at + def.size > dataEnd) {
      throw new BadInputError(
        'fit_truncated',
        `byte ${recordAt}: a message runs past the end of the data: the file is truncated`,
      );
    }
    if (def.wanted || !(header & 0x80)) {
      const fields: FitFields = {};
      let p = at;
      for (const f of def.fields) {
        if (def.wanted || f.num === 253) {
          const v = readField(bytes, view, p, f, def.littleEndian);
          if (v !== undefined) fields[f.num] = v;
        }
        p += f.size;
      }
      const ts = fields[253];
      if (typeof ts === 'number') lastTimestamp = ts;
      else if (compressedTs !== undefined) fields[253] = compressedTs;
      if (def.wanted) onMessage(def.globalNum, fields);
    }
    at += def.size;
  }
  return dataEnd + 2;
}

function readDefinition(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  dataEnd: number,
  header: number,
  local: number,
  defs: (Definition | undefined)[],
  wanted: ReadonlySet<number>,
): number {
  const start = at - 1;
  const truncated = () =>
    new BadInputError(
      'fit_truncated',
      `byte ${start}: a definition runs past the end of the data: the file is truncated`,
    );
  if (at + 5 > dataEnd) throw truncated();
  const littleEndian = bytes[at + 1] === 0;
  const globalNum = view.getUint16(at + 2, littleEndian);
  const count = bytes[at + 4] as number;
  at += 5;
  if (at + count * 3 > dataEnd) throw truncated();
  const fields: FieldDef[] = [];
  let size = 0;
  for (let i = 0; i < count; i++) {
    const f = {
      num: bytes[at] as number,
      size: bytes[at + 1] as number,
      baseType: bytes[at + 2] as number,
    };
    fields.push(f);
    size += f.size;
    at += 3;
  }
  if (header & 0x20) {
    // Developer fields: only their sizes matter here, to skip them.
    if (at + 1 > dataEnd) throw truncated();
    const devCount = bytes[at] as number;
    at++;
    if (at + devCount * 3 > dataEnd) throw truncated();
    for (let i = 0; i < devCount; i++) {
      size += bytes[at + 1] as number;
      at += 3;
    }
  }
  defs[local] = { globalNum, littleEndian, fields, size, wanted: wanted.has(globalNum) };
  return at;
}
