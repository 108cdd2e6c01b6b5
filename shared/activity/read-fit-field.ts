// FIT field values: base types, sizes, invalid markers and byte order (the FIT protocol document,
// "Base Types"), and FIT's CRC-16.

export type FitValue = number | string | number[];

export interface FieldDef {
  num: number;
  size: number;
  baseType: number;
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

export function readField(
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
