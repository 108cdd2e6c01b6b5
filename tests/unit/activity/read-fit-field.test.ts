// FIT field values (read-fit-field.ts) against the FIT protocol document's "Base Types" table:
// base type byte, size, the invalid value of each, and byte order. The CRC is CRC-16/ARC, whose
// check value for the text "123456789" is 0xBB3D.
import { describe, expect, it } from 'vitest';
import { fitCrc, readField } from '../../../shared/activity/read-fit-field.ts';

function read(baseType: number, bytes: number[], le = true) {
  const b = Uint8Array.from(bytes);
  return readField(b, new DataView(b.buffer), 0, { num: 0, size: b.length, baseType }, le);
}

const f32 = (v: number) => [...new Uint8Array(Float32Array.of(v).buffer)];
const f64 = (v: number) => [...new Uint8Array(Float64Array.of(v).buffer)];
const FF = (n: number) => new Array<number>(n).fill(0xff);

describe('readField()', () => {
  it.each([
    ['enum', 0x00, [5], 5],
    ['enum, invalid', 0x00, [0xff], undefined],
    ['sint8', 0x01, [0xfe], -2],
    ['sint8, lowest', 0x01, [0x80], -128],
    ['sint8, invalid', 0x01, [0x7f], undefined],
    ['uint8', 0x02, [200], 200],
    ['uint8, invalid', 0x02, [0xff], undefined],
    ['sint16', 0x83, [0xfe, 0xff], -2],
    ['sint16, invalid', 0x83, [0xff, 0x7f], undefined],
    ['uint16', 0x84, [0x34, 0x12], 0x1234],
    ['uint16, invalid', 0x84, FF(2), undefined],
    ['sint32', 0x85, [0xfe, 0xff, 0xff, 0xff], -2],
    ['sint32, invalid', 0x85, [0xff, 0xff, 0xff, 0x7f], undefined],
    ['uint32', 0x86, [1, 0, 0, 0x80], 0x80000001],
    ['uint32, invalid', 0x86, FF(4), undefined],
    ['float32', 0x88, f32(1.5), 1.5],
    ['float32, invalid', 0x88, FF(4), undefined],
    ['float64', 0x89, f64(-2.25), -2.25],
    ['float64, invalid', 0x89, FF(8), undefined],
    ['uint8z', 0x0a, [7], 7],
    ['uint8z, invalid', 0x0a, [0], undefined],
    ['uint16z', 0x8b, [1, 0], 1],
    ['uint16z, invalid', 0x8b, [0, 0], undefined],
    ['uint32z', 0x8c, [2, 0, 0, 0], 2],
    ['uint32z, invalid', 0x8c, [0, 0, 0, 0], undefined],
    ['sint64', 0x8e, [0xfe, ...FF(7)], -2],
    ['sint64, invalid', 0x8e, [...FF(7), 0x7f], undefined],
    ['uint64', 0x8f, [5, 0, 0, 0, 0, 0, 0, 0], 5],
    ['uint64, invalid', 0x8f, FF(8), undefined],
    ['uint64z', 0x90, [9, 0, 0, 0, 0, 0, 0, 0], 9],
    ['uint64z, invalid', 0x90, new Array<number>(8).fill(0), undefined],
    ['an unknown base type', 0x1f, [1], undefined],
    ['a size that is no multiple of the type’s', 0x84, [1, 0, 0], undefined],
  ])('%s', (_name, baseType, bytes, value) => {
    expect(read(baseType, bytes)).toBe(value);
  });

  it.each([
    ['sint16', 0x83, [0xff, 0xfe], -2],
    ['uint16', 0x84, [0x12, 0x34], 0x1234],
    ['sint32', 0x85, [0xff, 0xff, 0xff, 0xfe], -2],
    ['uint32', 0x86, [0x80, 0, 0, 1], 0x80000001],
    ['float32', 0x88, f32(1.5).reverse(), 1.5],
    ['float64', 0x89, f64(-2.25).reverse(), -2.25],
    ['uint16z', 0x8b, [0, 1], 1],
    ['uint32z', 0x8c, [0, 0, 0, 2], 2],
    ['sint64', 0x8e, [...FF(7), 0xfe], -2],
    ['uint64', 0x8f, [0, 0, 0, 0, 0, 0, 0, 5], 5],
  ])('reads a big-endian %s', (_name, baseType, bytes, value) => {
    expect(read(baseType, bytes, false)).toBe(value);
  });

  it('reads a string within its field only, whatever byte follows it', () => {
    const b = Uint8Array.of(0x61, 0x62, 0x63, 0x78);
    const field = { num: 0, size: 3, baseType: 0x07 };
    expect(readField(b, new DataView(b.buffer), 0, field, true)).toBe('abc');
  });

  it('reads a string up to its first NUL, and none when it is empty', () => {
    expect(read(0x07, [0x61, 0x62, 0x63, 0, 0x78, 0x79])).toBe('abc');
    expect(read(0x07, [0x61, 0x62, 0x63])).toBe('abc');
    expect(read(0x07, [0xc3, 0xbc, 0])).toBe('ü');
    expect(read(0x07, [0, 0x61])).toBeUndefined();
  });

  it('reads an array field, NaN for its invalid entries, none when all are invalid', () => {
    expect(read(0x84, [1, 0, 0xff, 0xff])).toEqual([1, Number.NaN]);
    expect(read(0x84, FF(4))).toBeUndefined();
  });

  it('reads bytes as an array, invalid only when every byte is 0xFF', () => {
    expect(read(0x0d, [0x10])).toEqual([0x10]);
    expect(read(0x0d, [0xff, 0x01, 0xff])).toEqual([0xff, 0x01, 0xff]);
    expect(read(0x0d, FF(3))).toBeUndefined();
  });
});

describe('fitCrc()', () => {
  it('is CRC-16/ARC: 0xBB3D for "123456789", over the range asked', () => {
    const text = new TextEncoder().encode('xx123456789yy');
    expect(fitCrc(text, 2, 11)).toBe(0xbb3d);
    expect(fitCrc(text, 2, 2)).toBe(0);
  });
});
