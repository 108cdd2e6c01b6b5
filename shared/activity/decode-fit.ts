// A small decoder for Garmin's binary FIT format (FIT protocol 1.0/2.0): file header and CRCs,
// definition and data messages, compressed-timestamp headers, little- and big-endian messages,
// developer fields, and chained files. Unknown messages and fields are skipped by their declared
// sizes. Anything that does not add up (short data, a bad CRC) is an error, never a shorter run —
// unless the caller asks to recover: then the complete records before a cut (or of a file whose CRC
// fails but whose records decode cleanly) are delivered and the damage is reported with them.
import { BadInputError } from '../errors.ts';
import { fitCrc, readField, type FieldDef, type FitValue } from './read-fit-field.ts';

/** Seconds between the Unix epoch and the FIT epoch, 1989-12-31T00:00:00Z. */
export const FIT_EPOCH_S = 631_065_600;

/** Decoded fields of one data message, by field number; invalid values are left out. */
export type FitFields = Record<number, FitValue | undefined>;

export type FitMessageHandler = (globalNum: number, fields: FitFields) => void;

export interface FitDecodeOptions {
  /** Deliver the sound records of a truncated file, or of one whose CRC fails. Default false. */
  recover?: boolean;
}

/** Damage recovered from: the error that would have refused the file, to rethrow if too little is left. */
export interface FitDamage {
  kind: 'truncated' | 'crc';
  error: BadInputError;
}

export interface FitDecodeResult {
  damage?: FitDamage;
}

interface DecodeContext {
  wanted: ReadonlySet<number>;
  onMessage: FitMessageHandler;
  recover: boolean;
  damage?: FitDamage;
}

interface Definition {
  globalNum: number;
  littleEndian: boolean;
  fields: FieldDef[];
  /** Bytes of a data message, developer fields included. */
  size: number;
  wanted: boolean;
}

/**
 * Decode a FIT file, calling `onMessage` for each data message whose global number is in
 * `wanted`. Field 253 (timestamp) is filled in for compressed-timestamp messages.
 */
export function decodeFit(
  bytes: Uint8Array,
  wanted: ReadonlySet<number>,
  onMessage: FitMessageHandler,
  options: FitDecodeOptions = {},
): FitDecodeResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ctx: DecodeContext = { wanted, onMessage, recover: options.recover ?? false };
  let offset = 0;
  let files = 0;
  while (offset < bytes.length) {
    offset = decodeOne(bytes, view, offset, files, ctx);
    files++;
  }
  return ctx.damage === undefined ? {} : { damage: ctx.damage };
}

/** Refuse, or when recovering from a cut after the first file, note the damage and stop there. */
function cut(ctx: DecodeContext, index: number, error: BadInputError): void {
  if (!ctx.recover || index === 0) throw error;
  ctx.damage ??= { kind: 'truncated', error };
}

function decodeOne(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  index: number,
  ctx: DecodeContext,
): number {
  const where = index === 0 ? 'the file' : `the chained FIT file at byte ${start}`;
  const remaining = bytes.length - start;
  if (remaining < 12) {
    cut(
      ctx,
      index,
      new BadInputError(
        'fit_truncated',
        `${where} ends inside its header (${remaining} bytes): it is truncated`,
      ),
    );
    return bytes.length;
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
    cut(
      ctx,
      index,
      new BadInputError('fit_truncated', `${where} ends inside its header: it is truncated`),
    );
    return bytes.length;
  }
  if (headerSize === 14) {
    const headerCrc = view.getUint16(start + 12, true);
    if (headerCrc !== 0 && headerCrc !== fitCrc(bytes, start, start + 12)) {
      throw new BadInputError('fit_bad_header', `${where} has a header whose CRC does not match`);
    }
  }
  const dataSize = view.getUint32(start + 4, true);
  const dataStart = start + headerSize;
  let dataEnd = dataStart + dataSize;
  // Where the records really end: before the CRC, or at the cut of a truncated file.
  let truncated = false;
  if (dataSize === 0) {
    // A recording that stopped before its header was finished declares no size: read to the end.
    const error = new BadInputError('fit_no_data', `${where} declares no data records`);
    if (!ctx.recover || bytes.length - dataStart < 1) throw error;
    ctx.damage ??= { kind: 'truncated', error };
    dataEnd = bytes.length;
    truncated = true;
  } else if (dataEnd + 2 > bytes.length) {
    const error = new BadInputError(
      'fit_truncated',
      `${where} declares ${dataSize} bytes of records but only ${Math.max(0, bytes.length - dataStart)} follow: it is truncated`,
    );
    if (!ctx.recover) throw error;
    ctx.damage ??= { kind: 'truncated', error };
    dataEnd = Math.min(dataEnd, bytes.length);
    truncated = true;
  } else {
    const crc = view.getUint16(dataEnd, true);
    if (crc !== fitCrc(bytes, start, dataEnd)) {
      const error = new BadInputError('fit_crc', `${where} fails its CRC check: it is corrupt`);
      if (!ctx.recover) throw error;
      // The records count only if every one of them decodes: any structural fault refuses the file.
      try {
        decodeRecords(bytes, view, dataStart, dataEnd, false, ctx);
      } catch (err) {
        if (err instanceof BadInputError) throw error;
        throw err;
      }
      ctx.damage ??= { kind: 'crc', error };
      return dataEnd + 2;
    }
  }
  decodeRecords(bytes, view, dataStart, dataEnd, truncated, ctx);
  return truncated ? bytes.length : dataEnd + 2;
}

/**
 * Decode the records in [dataStart, dataEnd). With `truncated`, a record or definition that runs
 * past the end is where the file was cut: decoding stops there, before it.
 */
function decodeRecords(
  bytes: Uint8Array,
  view: DataView,
  dataStart: number,
  dataEnd: number,
  truncated: boolean,
  ctx: DecodeContext,
): void {
  const { wanted, onMessage } = ctx;

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
        try {
          at = readDefinition(bytes, view, at, dataEnd, header, local, defs, wanted);
        } catch (err) {
          if (truncated && err instanceof BadInputError && err.reason === 'fit_truncated') return;
          throw err;
        }
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
      if (truncated) return;
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
