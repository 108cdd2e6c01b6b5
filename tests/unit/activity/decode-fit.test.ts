// The FIT decoder (decode-fit.ts) on files encoded by hand (FIT protocol: a record header byte —
// bit 7 compressed timestamp, bit 6 definition, bit 5 developer data, low bits the local type —
// then definitions and data; the data size at header bytes 4–7; a CRC after the data). Each
// message's bytes are counted by hand to name the byte a refusal points at.
import { describe, expect, it } from 'vitest';
import { decodeFit, type FitFields } from '../../../shared/activity/decode-fit.ts';
import { encodeFit, FIT, fitCrc16, type FitPart } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

type Msg = [number, FitFields];

function decode(bytes: Uint8Array, wanted = [20], recover = false) {
  const msgs: Msg[] = [];
  const r = decodeFit(bytes, new Set(wanted), (g, f) => msgs.push([g, f]), { recover });
  return { msgs, damage: r.damage };
}

// A record definition: timestamp (uint32) and heart rate (uint8): 14-byte header, then
// definition 5 + 2 × 3 + 1 header = 12 bytes, then 1 + 5 bytes per record.
const REC: FitPart = {
  kind: 'def',
  local: 0,
  global: 20,
  fields: [
    [253, 4, FIT.uint32],
    [3, 1, FIT.uint8],
  ],
};
const rec = (t: number, hr: number, compressedOffset?: number): FitPart =>
  compressedOffset === undefined
    ? { kind: 'data', local: 0, values: [t, hr] }
    : { kind: 'data', local: 0, values: [hr], compressedOffset };
// Compressed-timestamp records carry no timestamp field of their own.
const HR_ONLY: FitPart = { kind: 'def', local: 1, global: 20, fields: [[3, 1, FIT.uint8]] };

describe('decodeFit()', () => {
  it('delivers the wanted messages only, with their fields by number', () => {
    const other: FitPart = { kind: 'def', local: 2, global: 21, fields: [[0, 1, FIT.enum]] };
    const bytes = encodeFit([REC, other, rec(1000, 120), { kind: 'data', local: 2, values: [0] }]);
    expect(decode(bytes).msgs).toEqual([[20, { 253: 1000, 3: 120 }]]);
    expect(decode(bytes, [20, 21]).msgs).toEqual([
      [20, { 253: 1000, 3: 120 }],
      [21, { 0: 0 }],
    ]);
  });

  it('reads compressed timestamps as offsets from the last full one, rolling over 32 s', () => {
    // Last full timestamp 1000 = 992 + 8 (31 blocks of 32 s): offset 10 → 992 + 10 = 1002; then
    // offset 3 is below 1002's 10, so it is in the next block: 992 + 32 + 3 = 1027.
    const hr = (v: number, offset: number): FitPart => ({
      kind: 'data',
      local: 1,
      values: [v],
      compressedOffset: offset,
    });
    const bytes = encodeFit([REC, HR_ONLY, rec(1000, 120), hr(121, 10), hr(122, 3)]);
    expect(decode(bytes).msgs.map(([, f]) => f[253])).toEqual([1000, 1002, 1027]);
  });

  it('leaves a compressed record without a timestamp when no full one came before', () => {
    const bytes = encodeFit([
      HR_ONLY,
      { kind: 'data', local: 1, values: [121], compressedOffset: 5 },
    ]);
    expect(decode(bytes).msgs).toEqual([[20, { 3: 121 }]]);
  });

  it('reads a big-endian message', () => {
    const bytes = encodeFit([{ ...REC, bigEndian: true } as FitPart, rec(0x01020304, 130)]);
    expect(decode(bytes).msgs).toEqual([[20, { 253: 0x01020304, 3: 130 }]]);
  });

  it('skips developer fields by their declared size', () => {
    const dev: FitPart = { ...REC, dev: [[0, 3, 0]] } as FitPart;
    const bytes = encodeFit([dev, { kind: 'data', local: 0, values: [7, 140], dev: [1, 2, 3] }]);
    expect(decode(bytes).msgs).toEqual([[20, { 253: 7, 3: 140 }]]);
  });

  it('reads chained files one after the other', () => {
    const a = encodeFit([REC, rec(1, 100)]);
    const b = encodeFit([REC, rec(2, 110)]);
    expect(decode(Uint8Array.from([...a, ...b])).msgs).toEqual([
      [20, { 253: 1, 3: 100 }],
      [20, { 253: 2, 3: 110 }],
    ]);
  });
});

describe('decodeFit(): refusals', () => {
  const good = encodeFit([REC, rec(1000, 120), rec(1001, 121)]);

  /** The file cut to `dataSize` bytes of data, declared so, with its CRCs made right again. */
  function resized(bytes: Uint8Array, dataSize: number, change?: (b: Uint8Array) => void) {
    const body = Uint8Array.from(bytes.subarray(0, 14 + dataSize));
    new DataView(body.buffer).setUint32(4, dataSize, true);
    body[12] = 0; // header CRC 0: not computed
    body[13] = 0;
    change?.(body);
    const crc = fitCrc16(body);
    return Uint8Array.from([...body, crc & 0xff, crc >> 8]);
  }

  it('names a data message for a local type never defined, by its byte', () => {
    // Header 14 + definition 12: the first data message is at byte 26; make it local type 3.
    const bad = resized(good, 24, (b) => (b[26] = 3));
    const err = badInputOf(() => decode(bad));
    expect(err.reason).toBe('fit_corrupt');
    expect(err.message).toBe('byte 26: a data message for local type 3, which was never defined');
  });

  it('names the byte of a message or definition that runs past the end of the data', () => {
    // The second record starts at byte 14 + 12 + 6 = 32 and needs 6 bytes: 23 of data end at 37.
    const msg = badInputOf(() => decode(resized(good, 23)));
    expect(msg.reason).toBe('fit_truncated');
    expect(msg.message).toBe(
      'byte 32: a message runs past the end of the data: the file is truncated',
    );
    // The definition (at byte 14) needs 12 bytes: 10 of data are too few.
    const d = badInputOf(() => decode(resized(good, 10)));
    expect(d.message).toBe(
      'byte 14: a definition runs past the end of the data: the file is truncated',
    );
    // …and 4 bytes, not even its fixed part.
    expect(badInputOf(() => decode(resized(good, 4))).message).toBe(
      'byte 14: a definition runs past the end of the data: the file is truncated',
    );
  });

  it('refuses a file whose CRC fails, even when recovering if a record does not decode', () => {
    const bad = Uint8Array.from(good);
    bad[26] = 3;
    const err = badInputOf(() => decode(bad));
    expect(err.reason).toBe('fit_crc');
    expect(err.message).toBe('the file fails its CRC check: it is corrupt');
    expect(badInputOf(() => decode(bad, [20], true)).message).toBe(
      'the file fails its CRC check: it is corrupt',
    );
  });

  it('delivers the records of a file whose only fault is its CRC, when recovering', () => {
    const bad = Uint8Array.from(good);
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 0xff;
    const r = decode(bad, [20], true);
    expect(r.msgs).toHaveLength(2);
    expect(r.damage?.kind).toBe('crc');
  });

  it('refuses a file whose data runs short, or recovers the records before the cut', () => {
    // 14 + 12 + 2 × 6 = 38 bytes of header and data, 24 of them data, then 2 of CRC: cut at 35.
    const cut = good.subarray(0, 35);
    const err = badInputOf(() => decode(cut));
    expect(err.reason).toBe('fit_truncated');
    expect(err.message).toBe(
      'the file declares 24 bytes of records but only 21 follow: it is truncated',
    );
    const r = decode(cut, [20], true);
    expect(r.msgs).toEqual([[20, { 253: 1000, 3: 120 }]]);
    expect(r.damage?.kind).toBe('truncated');
  });

  it('refuses a file that declares no data', () => {
    const bytes = Uint8Array.from(good);
    new DataView(bytes.buffer).setUint32(4, 0, true);
    bytes[12] = 0;
    bytes[13] = 0;
    const err = badInputOf(() => decode(bytes));
    expect(err.reason).toBe('fit_no_data');
    expect(err.message).toBe('the file declares no data records');
  });

  it('names a chained file by its byte when it is broken', () => {
    const a = encodeFit([REC, rec(1, 100)]);
    const err = badInputOf(() => decode(Uint8Array.from([...a, 14, 0, 0])));
    expect(err.reason).toBe('fit_truncated');
    expect(err.message).toBe(
      `the chained FIT file at byte ${a.length} ends inside its header (3 bytes): it is truncated`,
    );
    // Recovering, the first file's records stand and the cut is noted.
    const r = decode(Uint8Array.from([...a, 14, 0, 0]), [20], true);
    expect(r.msgs).toHaveLength(1);
    expect(r.damage?.error.reason).toBe('fit_truncated');
  });
});
