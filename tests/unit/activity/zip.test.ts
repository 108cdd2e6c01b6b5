// The ZIP reader under exports: random access to the central directory (ZIP64 too), entries
// streamed in small reads, and every cap checked on what the archive declares and on what it
// really expands to.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../shared/activity/zip/crc32.ts';
import { readZipDirectory } from '../../../shared/activity/zip/read-zip-directory.ts';
import { readZipEntry, streamZipEntry } from '../../../shared/activity/zip/read-zip-entry.ts';
import { createZipBudget } from '../../../shared/activity/zip/zip-limits.ts';
import { zipSourceOfBytes, type ZipSource } from '../../../shared/activity/zip/zip-source.ts';
import { badInputOf, reasonOf } from '../../support/bad-input.ts';

/** A source that records the largest single read: what a file on disk would be asked for. */
function recordingSource(bytes: Uint8Array): ZipSource & { largestRead: number } {
  const inner = zipSourceOfBytes(bytes);
  const s = {
    size: inner.size,
    largestRead: 0,
    read(offset: number, length: number) {
      s.largestRead = Math.max(s.largestRead, length);
      return inner.read(offset, length);
    },
  };
  return s;
}

/** Bytes that deflate poorly (a linear congruential sequence), so ratios stay realistic. */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** One stored entry "a.txt" = "hello", written with ZIP64 sizes and offsets (as archives over 4 GiB are). */
function zip64Hello(): Uint8Array {
  const out: number[] = [];
  const u16 = (v: number) => out.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (v: number) => {
    for (let i = 0; i < 4; i++) out.push((v >>> (8 * i)) & 0xff);
  };
  const u64 = (v: number) => {
    u32(v);
    u32(0);
  };
  const name = [...strToU8('a.txt')];
  const data = [...strToU8('hello')];
  const crc = 0x3610a686; // CRC-32 of "hello"
  u32(0x04034b50);
  u16(45);
  u16(0);
  u16(0);
  u16(0);
  u16(0);
  u32(crc);
  u32(0xffffffff);
  u32(0xffffffff);
  u16(name.length);
  u16(20);
  out.push(...name);
  u16(1);
  u16(16);
  u64(5);
  u64(5);
  out.push(...data);
  const cdAt = out.length;
  u32(0x02014b50);
  u16(45);
  u16(45);
  u16(0);
  u16(0);
  u16(0);
  u16(0);
  u32(crc);
  u32(0xffffffff);
  u32(0xffffffff);
  u16(name.length);
  u16(28);
  u16(0);
  u16(0);
  u16(0);
  u32(0);
  u32(0xffffffff);
  out.push(...name);
  u16(1);
  u16(24);
  u64(5);
  u64(5);
  u64(0);
  const cdSize = out.length - cdAt;
  const eocd64At = out.length;
  u32(0x06064b50);
  u64(44);
  u16(45);
  u16(45);
  u32(0);
  u32(0);
  u64(1);
  u64(1);
  u64(cdSize);
  u64(cdAt);
  u32(0x07064b50);
  u32(0);
  u64(eocd64At);
  u32(1);
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(0xffff);
  u16(0xffff);
  u32(0xffffffff);
  u32(0xffffffff);
  u16(0);
  return Uint8Array.from(out);
}

describe('readZipDirectory()', () => {
  it('lists every entry with its method and sizes, from the end of the archive', () => {
    const zip = zipSync({
      'stored.txt': [strToU8('x'.repeat(100)), { level: 0 }],
      folder: { 'deflated.txt': strToU8('y'.repeat(1000)) },
    });
    const entries = readZipDirectory(zipSourceOfBytes(zip), { maxEntries: 10 });
    expect(entries.filter((e) => !e.isDirectory).map((e) => [e.name, e.method, e.size])).toEqual([
      ['stored.txt', 0, 100],
      ['folder/deflated.txt', 8, 1000],
    ]);
    expect(entries.filter((e) => e.isDirectory).map((e) => e.name)).toEqual(['folder/']);
  });

  it('reads ZIP64 sizes and offsets', () => {
    const source = zipSourceOfBytes(zip64Hello());
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    expect(entry).toMatchObject({
      name: 'a.txt',
      size: 5,
      compressedSize: 5,
      localHeaderOffset: 0,
    });
    const text = new TextDecoder().decode(readZipEntry(source, entry!, createZipBudget()));
    expect(text).toBe('hello');
  });

  it('refuses more entries than allowed before reading them', () => {
    const zip = zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3') });
    expect(reasonOf(() => readZipDirectory(zipSourceOfBytes(zip), { maxEntries: 2 }))).toBe(
      'zip_too_many_entries',
    );
  });

  it('refuses something that is not a ZIP, and a ZIP cut short', () => {
    expect(
      reasonOf(() => readZipDirectory(zipSourceOfBytes(strToU8('hello')), { maxEntries: 9 })),
    ).toBe('zip_corrupt');
    const zip = zipSync({ a: strToU8('hello') });
    expect(
      reasonOf(() =>
        readZipDirectory(zipSourceOfBytes(zip.subarray(0, zip.length - 30)), { maxEntries: 9 }),
      ),
    ).toBe('zip_corrupt');
  });
});

describe('streamZipEntry() and readZipEntry()', () => {
  it('streams a large entry in reads of at most 256 KiB, never the whole archive at once', () => {
    const data = noise(3 * 1024 * 1024);
    const source = recordingSource(zipSync({ 'big.bin': data }));
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    const chunks: Uint8Array[] = [];
    streamZipEntry(source, entry!, createZipBudget(), (c) => chunks.push(c.slice()));
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(data.length);
    expect(crc32(Uint8Array.from(chunks.flatMap((c) => [...c])))).toBe(crc32(data));
    expect(source.largestRead).toBeLessThanOrEqual(256 * 1024);
    expect(source.largestRead).toBeLessThan(source.size);
  });

  it('refuses an entry that declares an expansion beyond the ratio cap (100:1)', () => {
    // 8 MiB of zeros deflate to about 8 KiB: about 1,000:1.
    const zip = zipSync({ 'zeros.fit': new Uint8Array(8 * 1024 * 1024) });
    const source = zipSourceOfBytes(zip);
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    expect(reasonOf(() => readZipEntry(source, entry!, createZipBudget()))).toBe('zip_ratio');
    // A small file of repeated bytes is no bomb: under 1 MiB any ratio passes.
    const small = zipSourceOfBytes(zipSync({ 'zeros.fit': new Uint8Array(512 * 1024) }));
    const [e2] = readZipDirectory(small, { maxEntries: 10 });
    expect(readZipEntry(small, e2!, createZipBudget())).toHaveLength(512 * 1024);
  });

  it('stops an entry that lies about its size within a step of the bytes it declares', () => {
    const zip = zipSync({ 'zeros.fit': new Uint8Array(16 * 1024 * 1024) }).slice();
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    const source = zipSourceOfBytes(zip);
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    const budget = createZipBudget();
    expect(reasonOf(() => readZipEntry(source, entry!, budget))).toBe('zip_size_mismatch');
    // Quickly: inflating stops within the input step (4 KiB, at most ~1,032:1) that passes the
    // declared 100 bytes, not after the 16 MiB the entry really holds.
    expect(budget.expandedBytes).toBeLessThanOrEqual(100 + 4096 * 1032);
  });

  it('counts every entry against one total, and refuses past it', () => {
    const zip = zipSync({ a: noise(600_000), b: noise(600_000) });
    const source = zipSourceOfBytes(zip);
    const entries = readZipDirectory(source, { maxEntries: 10 });
    const budget = createZipBudget({ maxTotalBytes: 1_000_000 });
    readZipEntry(source, entries[0]!, budget);
    expect(reasonOf(() => readZipEntry(source, entries[1]!, budget))).toBe('zip_too_large');
  });

  it('refuses an entry whose data fails its CRC, and an encrypted one', () => {
    const zip = zipSync({ 'a.txt': [strToU8('hello hello hello'), { level: 0 }] }).slice();
    // The stored data follows the 30-byte local header and the name "a.txt".
    expect(new TextDecoder().decode(zip.subarray(35, 40))).toBe('hello');
    zip[35] = 0x48; // "Hello": one byte changed

    const source = zipSourceOfBytes(zip);
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    expect(reasonOf(() => readZipEntry(source, entry!, createZipBudget()))).toBe('zip_corrupt');
    expect(
      reasonOf(() => readZipEntry(source, { ...entry!, encrypted: true }, createZipBudget())),
    ).toBe('zip_encrypted');
  });
});

describe('readZipDirectory(): damage the end records cannot hide', () => {
  const dir = (zip: Uint8Array, maxEntries = 10) =>
    readZipDirectory(zipSourceOfBytes(zip), { maxEntries });
  /** Where a little-endian u32 first occurs in the bytes (a record's signature). */
  const find = (zip: Uint8Array, sig: number) => {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 4; i >= 0; i--) if (view.getUint32(i, true) === sig) return i;
    throw new Error(`no ${sig.toString(16)}`);
  };
  const ZIP64_EOCD = 0x06064b50;
  const ZIP64_LOCATOR = 0x07064b50;
  const CENTRAL = 0x02014b50;

  it('counts the entries the directory really holds against the cap, whatever the end record says', () => {
    // Three entries, an end record (its two counts at +8 and +10) claiming one: the cap of 2 is
    // still enforced while the directory is read, before the count is compared.
    const zip = zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3') }).slice();
    const view = new DataView(zip.buffer);
    const eocd = zip.length - 22;
    view.setUint16(eocd + 8, 1, true);
    view.setUint16(eocd + 10, 1, true);
    const err = badInputOf(() => dir(zip, 2));
    expect(err.reason).toBe('zip_too_many_entries');
    expect(err.message).toBe('the ZIP holds more than 2 entries');
    expect(badInputOf(() => dir(zip, 10)).message).toBe(
      'not a readable ZIP file (the directory lists 3 of 1 entries)',
    );
  });

  it('refuses a ZIP64 locator that points at no ZIP64 end record', () => {
    const zip = zip64Hello();
    const record = find(zip, ZIP64_EOCD);
    zip[record] = 0; // its signature broken
    const err = badInputOf(() => dir(zip));
    expect(err.reason).toBe('zip_corrupt');
    expect(err.message).toBe('not a readable ZIP file (a broken ZIP64 end record)');
  });

  it('refuses a ZIP64 offset beyond what a number holds exactly (2^53)', () => {
    const zip = zip64Hello();
    // The locator's 8-byte offset of the ZIP64 end record, at +8: its top byte set.
    zip[find(zip, ZIP64_LOCATOR) + 15] = 0x01;
    expect(badInputOf(() => dir(zip)).message).toBe('not a readable ZIP file (a size beyond 2^53)');
  });

  it('refuses a ZIP64 extra field too short for the sizes it stands for', () => {
    const zip = zip64Hello();
    // The central entry's extra field (after its 46 bytes and the name "a.txt") holds three
    // 8-byte values; saying it holds one leaves the compressed size without its value.
    const extra = find(zip, CENTRAL) + 46 + 5;
    new DataView(zip.buffer).setUint16(extra + 2, 8, true);
    expect(badInputOf(() => dir(zip)).message).toBe(
      'not a readable ZIP file (a short ZIP64 field)',
    );
  });

  it('refuses a directory entry whose name runs past the directory', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello') }).slice();
    // The name length of the central entry, at +28.
    new DataView(zip.buffer).setUint16(find(zip, CENTRAL) + 28, 5000, true);
    expect(badInputOf(() => dir(zip)).message).toBe(
      'not a readable ZIP file (a directory entry runs past the directory)',
    );
  });
});

describe('streamZipEntry(): deflate data that cannot be read', () => {
  /** One deflated entry, and where its compressed data starts (after the 30-byte header and name). */
  function deflated() {
    const zip = zipSync({ 'a.txt': [strToU8('hello '.repeat(50)), { level: 6 }] }).slice();
    return { zip, data: 30 + 'a.txt'.length };
  }

  it('names the entry and what the inflater said when its data is not deflate', () => {
    const { zip, data } = deflated();
    zip[data] = 0xff; // a final block of type 3, which deflate does not have
    const source = zipSourceOfBytes(zip);
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    const err = badInputOf(() => readZipEntry(source, entry!, createZipBudget()));
    expect(err.reason).toBe('zip_corrupt');
    expect(err.message).toMatch(/^a\.txt is corrupt \(.+\)$/);
  });

  it('reads a deflated entry with no compressed bytes as the empty file it declares', () => {
    // Some writers store an empty file as "deflated" with no data at all: it is ended, 0 bytes, and
    // the file's own checks (an empty activity) say what is wrong with it, not the ZIP reader.
    const { zip } = deflated();
    const source = zipSourceOfBytes(zip);
    const [entry] = readZipDirectory(source, { maxEntries: 10 });
    const empty = { ...entry!, compressedSize: 0, size: 0, crc32: 0 };
    expect(readZipEntry(source, empty, createZipBudget())).toEqual(new Uint8Array(0));
    // Declaring bytes it does not hold is still a mismatch.
    expect(
      badInputOf(() => readZipEntry(source, { ...empty, size: 3 }, createZipBudget())).message,
    ).toBe('a.txt holds 0 bytes but its header declares 3');
  });
});
