// The ZIP source's contract (zip-source.ts): read(offset, length) gives up to `length` bytes from
// `offset`, fewer only where the archive ends; and which leading bytes mark a ZIP archive. The
// signatures come from the ZIP format (APPNOTE 4.3.7, 4.3.16): "PK\3\4" opens a local file header,
// "PK\5\6" is the end record an empty archive consists of.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isZip, zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';

describe('zipSourceOfBytes', () => {
  const bytes = Uint8Array.from([10, 11, 12, 13, 14, 15, 16, 17]);
  const source = zipSourceOfBytes(bytes);
  const read = (offset: number, length: number) => [...source.read(offset, length)];

  it('knows its size', () => {
    expect(source.size).toBe(8);
    expect(zipSourceOfBytes(new Uint8Array(0)).size).toBe(0);
  });

  it('gives the bytes asked for', () => {
    expect(read(0, 3)).toEqual([10, 11, 12]);
    expect(read(2, 4)).toEqual([12, 13, 14, 15]);
    expect(read(7, 1)).toEqual([17]);
    expect(read(3, 0)).toEqual([]);
  });

  it('gives fewer bytes only where the archive ends', () => {
    expect(read(5, 10)).toEqual([15, 16, 17]);
    expect(read(0, 8)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(read(8, 4)).toEqual([]);
    expect(read(20, 4)).toEqual([]);
  });

  it('reads nothing before the start of the archive', () => {
    // A reader working back from the end of a short file asks for bytes before offset 0.
    expect(read(-3, 5)).toEqual([10, 11]);
    expect(read(-3, 2)).toEqual([]);
  });
});

describe('isZip', () => {
  const head = (...b: number[]) => Uint8Array.from(b);

  it('knows an archive with entries by its first local file header', () => {
    expect(isZip(zipSync({ 'a.gpx': strToU8('<gpx/>') }))).toBe(true);
    expect(isZip(head(0x50, 0x4b, 0x03, 0x04))).toBe(true);
  });

  it('knows an empty archive by its end record', () => {
    expect(isZip(zipSync({}))).toBe(true);
    expect(isZip(head(0x50, 0x4b, 0x05, 0x06))).toBe(true);
  });

  it('refuses other "PK" records and anything that only starts like one', () => {
    expect(isZip(head(0x50, 0x4b, 0x01, 0x02))).toBe(false); // central directory header
    expect(isZip(head(0x50, 0x4b, 0x07, 0x08))).toBe(false); // data descriptor
    expect(isZip(head(0x50, 0x4b, 0x03, 0x06))).toBe(false);
    expect(isZip(head(0x50, 0x4b, 0x05, 0x04))).toBe(false);
    expect(isZip(head(0x51, 0x4b, 0x03, 0x04))).toBe(false);
    expect(isZip(head(0x50, 0x4c, 0x03, 0x04))).toBe(false);
    expect(isZip(head(0x50, 0x4b, 0x03))).toBe(false);
    expect(isZip(head())).toBe(false);
    expect(isZip(strToU8('<?xml version="1.0"?><gpx/>'))).toBe(false);
  });
});
