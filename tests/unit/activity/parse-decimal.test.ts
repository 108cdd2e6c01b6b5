// parseDecimal() is Number() read faster: for every kind of text a GPX file holds (coordinates,
// elevations, heart rates, speeds) and for everything it hands to Number() instead, the same value.
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '#shared/activity/parse-decimal';

describe('parseDecimal()', () => {
  it.each([
    ['47.3769809'],
    ['-122.4194155'],
    ['8.5417013'],
    ['400.1'],
    ['-0.5'],
    ['144'],
    ['0'],
    ['-0'],
    ['00012'],
    ['.5'],
    ['-.5'],
    ['1.'],
    ['123456789012345'],
    ['1234567890123456'],
    ['0.000000000000001'],
    ['9007199254740993'],
    ['1e5'],
    ['+3'],
    [' 12.5 '],
    ['\n400\t'],
    [''],
    ['   '],
    ['.'],
    ['-'],
    ['1.2.3'],
    ['12a'],
    ['NaN'],
    ['Infinity'],
    ['0x1A'],
  ])('reads %j as Number() does', (text) => {
    expect(Object.is(parseDecimal(text), Number(text))).toBe(true);
  });

  it('agrees with Number() on coordinates of every precision a device writes', () => {
    // Deterministic pseudo-random values in [-180, 180) with 1 to 9 decimals.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const text = (next() * 360 - 180).toFixed(1 + (i % 9));
      expect(Object.is(parseDecimal(text), Number(text))).toBe(true);
    }
  });
});
