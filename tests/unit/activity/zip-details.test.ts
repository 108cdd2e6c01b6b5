// ZIP reading (zip/*.ts) at its edges, on archives written by fflate and then damaged at offsets
// named by the ZIP format (APPNOTE 4.3: the end record's entry count at +10, directory offset at
// +16, comment length at +20; a central entry's flags at +8; a local header's 30 bytes), with the
// message a runner sees for each refusal.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../shared/activity/zip/crc32.ts';
import { readZipDirectory } from '../../../shared/activity/zip/read-zip-directory.ts';
import { readZipEntry } from '../../../shared/activity/zip/read-zip-entry.ts';
import { createZipBudget, ratioCapOf } from '../../../shared/activity/zip/zip-limits.ts';
import { isZip, zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';
import { badInputOf } from '../../support/bad-input.ts';

const HELLO = strToU8('hello hello hello'); // 17 bytes
const stored = () => zipSync({ 'a.txt': [HELLO, { level: 0 }] }).slice();
const dir = (zip: Uint8Array, maxEntries = 10) =>
  readZipDirectory(zipSourceOfBytes(zip), { maxEntries });
const eocdOf = (zip: Uint8Array) => zip.length - 22; // no comment

describe('readZipDirectory(): edges', () => {
  it('reads exactly as many entries as allowed', () => {
    const zip = zipSync({ a: HELLO, b: HELLO, c: HELLO });
    expect(dir(zip, 3)).toHaveLength(3);
    const err = badInputOf(() => dir(zip, 2));
    expect(err.reason).toBe('zip_too_many_entries');
    expect(err.message).toBe('the ZIP holds more than 2 entries');
  });

  it('finds the end record behind a comment', () => {
    const zip = stored();
    const withComment = new Uint8Array(zip.length + 100);
    withComment.set(zip);
    new DataView(withComment.buffer).setUint16(eocdOf(zip) + 20, 100, true);
    expect(dir(withComment).map((e) => e.name)).toEqual(['a.txt']);
  });

  it('lists an entry’s CRC, sizes, offset and encryption flag as the directory declares them', () => {
    const zip = stored();
    const [entry] = dir(zip);
    expect(entry).toEqual({
      name: 'a.txt',
      method: 0,
      compressedSize: 17,
      size: 17,
      crc32: crc32(HELLO),
      localHeaderOffset: 0,
      encrypted: false,
      isDirectory: false,
    });
    // Set bit 0 of the central entry's flags (it starts at the directory offset).
    const central = new DataView(zip.buffer).getUint32(eocdOf(zip) + 16, true);
    zip[central + 8] = (zip[central + 8] as number) | 1;
    expect(dir(zip)[0]?.encrypted).toBe(true);
  });

  it.each([
    ['text', () => strToU8('hello'), 'no end-of-central-directory record'],
    [
      'a directory offset past the end',
      () => {
        const zip = stored();
        new DataView(zip.buffer).setUint32(eocdOf(zip) + 16, zip.length, true);
        return zip;
      },
      'the central directory lies past the end',
    ],
    [
      'an end record counting more entries than the directory holds',
      () => {
        const zip = stored();
        new DataView(zip.buffer).setUint16(eocdOf(zip) + 10, 2, true);
        return zip;
      },
      'the directory lists 1 of 2 entries',
    ],
  ])('refuses %s', (_name, make, why) => {
    const err = badInputOf(() => dir(make()));
    expect(err.reason).toBe('zip_corrupt');
    expect(err.message).toBe(`not a readable ZIP file (${why})`);
  });
});

describe('readZipEntry(): refusals', () => {
  const source = () => zipSourceOfBytes(stored());
  const entry = () => dir(stored())[0]!;
  const read = (e = entry(), budget = createZipBudget()) => readZipEntry(source(), e, budget);

  it('reads a stored entry whole', () => {
    expect(read()).toEqual(HELLO);
  });

  it.each([
    [
      'an encrypted entry',
      { encrypted: true },
      'zip_encrypted',
      'a.txt is encrypted: export it again without a password',
    ],
    [
      'an unknown method',
      { method: 12 },
      'zip_unsupported',
      'a.txt is compressed with method 12; only stored and deflated entries can be read',
    ],
    [
      'a local header elsewhere',
      { localHeaderOffset: 5 },
      'zip_corrupt',
      'a.txt: its local header is missing or broken',
    ],
    [
      'data past the end',
      { compressedSize: 10_000 },
      'zip_corrupt',
      'a.txt: its data runs past the end of the ZIP',
    ],
    [
      'a size larger than its data',
      { size: 20 },
      'zip_size_mismatch',
      'a.txt holds 17 bytes but its header declares 20',
    ],
    [
      'a size smaller than its data',
      { size: 10 },
      'zip_size_mismatch',
      'a.txt expands beyond the 10 bytes its header declares: the ZIP is corrupt or malicious',
    ],
    [
      'a CRC that does not match',
      { crc32: 1 },
      'zip_corrupt',
      'a.txt fails its CRC check: the ZIP is damaged',
    ],
  ])('refuses %s', (_name, change, reason, message) => {
    const err = badInputOf(() => read({ ...entry(), ...change }));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(message);
  });

  it('refuses an entry over the single-entry cap, and takes one at it', () => {
    const err = badInputOf(() => read(entry(), createZipBudget({ maxEntryBytes: 16 })));
    expect(err.reason).toBe('zip_too_large');
    expect(err.message).toBe('a.txt expands to 17 bytes, more than the 16 allowed');
    expect(read(entry(), createZipBudget({ maxEntryBytes: 17 }))).toEqual(HELLO);
  });

  it('refuses an entry that would pass the total, counting what was read before', () => {
    const budget = createZipBudget({ maxTotalBytes: 30 });
    read(entry(), budget);
    expect(budget.expandedBytes).toBe(17);
    const err = badInputOf(() => read(entry(), budget));
    expect(err.reason).toBe('zip_too_large');
    expect(err.message).toBe('the ZIP expands to more than 30 bytes');
    // 34 bytes in all is allowed at a cap of 34.
    const exact = createZipBudget({ maxTotalBytes: 34 });
    read(entry(), exact);
    expect(read(entry(), exact)).toEqual(HELLO);
  });

  it('refuses a declared expansion beyond the ratio cap, naming the ratio', () => {
    // 2 MiB declared from 17 bytes: far beyond 100:1, and beyond the 1 MiB any ratio may reach.
    const err = badInputOf(() => read({ ...entry(), size: 2 * 1024 * 1024 }));
    expect(err.reason).toBe('zip_ratio');
    expect(err.message).toBe(
      'a.txt declares an expansion beyond 100:1: the ZIP is malicious or corrupt',
    );
  });
});

describe('zip limits and sources', () => {
  it('lets any entry reach 1 MiB, and larger ones 100 bytes per compressed byte', () => {
    const limits = createZipBudget().limits;
    expect(ratioCapOf(limits, 10)).toBe(1024 * 1024);
    expect(ratioCapOf(limits, 20_000)).toBe(2_000_000);
  });

  it('knows a ZIP by its first local header or an empty archive’s end record', () => {
    expect(isZip(stored())).toBe(true);
    expect(isZip(Uint8Array.of(0x50, 0x4b, 0x05, 0x06))).toBe(true);
    expect(isZip(Uint8Array.of(0x50, 0x4b, 0x03))).toBe(false);
    expect(isZip(Uint8Array.of(0x50, 0x4b, 0x07, 0x08))).toBe(false);
    expect(isZip(strToU8('PK'))).toBe(false);
  });

  it('reads within the bytes only, however the range is asked', () => {
    const s = zipSourceOfBytes(Uint8Array.of(1, 2, 3, 4));
    expect([...s.read(-2, 4)]).toEqual([1, 2]);
    expect([...s.read(2, 10)]).toEqual([3, 4]);
    expect([...s.read(5, 2)]).toEqual([]);
  });

  it('computes CRC-32 as ZIP does: 0xCBF43926 for "123456789", in one piece or two', () => {
    const bytes = strToU8('123456789');
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
  });
});
