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
import { reasonOf } from '../../support/bad-input.ts';

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
