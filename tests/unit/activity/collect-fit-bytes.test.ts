// A FIT file gathered chunk by chunk (collect-fit-bytes.ts), and gzip with a ceiling
// (gunzip-capped.ts). FIT layout as the protocol gives it: header size at byte 0, data size at
// bytes 4–7, ".FIT" at 8–11; the first record after the header must be a definition (header byte
// 0b01xxxxxx); a chained file starts right after the previous one's 2-byte CRC.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createFitByteCollector } from '../../../shared/activity/collect-fit-bytes.ts';
import { gunzipChunks, isGzip } from '../../../shared/activity/gunzip-capped.ts';
import { steadyPlan, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

const fit = toFit(track(steadyPlan(30, 3)));

function collect(parts: Uint8Array[]): Uint8Array {
  const c = createFitByteCollector();
  for (const p of parts) c.push(p);
  return c.bytes();
}

/** `bytes` in chunks of `size`. */
const chunks = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );

describe('createFitByteCollector()', () => {
  it('gives back the file as it came, in one chunk or many, chained files included', () => {
    expect(collect([fit])).toBe(fit);
    expect(collect(chunks(fit, 7))).toEqual(fit);
    const two = Uint8Array.from([...fit, ...fit]);
    expect(collect(chunks(two, 5))).toEqual(two);
    expect(collect([new Uint8Array(0), fit.subarray(0, 3), fit.subarray(3)])).toEqual(fit);
  });

  it('refuses data that does not start with a definition, naming the byte', () => {
    const bad = Uint8Array.from(fit);
    bad[14] = 0x00; // a data message of local type 0, before any definition
    const err = badInputOf(() => collect(chunks(bad, 8)));
    expect(err.reason).toBe('fit_bad_record');
    expect(err.message).toBe(
      'the FIT data starts with byte 0x00, not a message definition: this is not FIT data',
    );
    bad[14] = 0xc0; // a compressed-timestamp header
    expect(badInputOf(() => collect(chunks(bad, 8))).message).toMatch(/byte 0xc0, not a/);
  });

  it('refuses bytes after the file that are not another FIT file', () => {
    const tail = Uint8Array.from([...fit, ...new Uint8Array(20)]);
    const err = badInputOf(() => collect(chunks(tail, 64)));
    expect(err.reason).toBe('fit_bad_header');
    expect(err.message).toBe(
      `the bytes after the FIT file (from byte ${fit.length}) are not another FIT file`,
    );
  });

  it('leaves a first header that is not FIT, and a file that comes whole, to the decoder', () => {
    const junk = new Uint8Array(40);
    expect(collect(chunks(junk, 8))).toEqual(junk);
    const tail = Uint8Array.from([...fit, ...new Uint8Array(20)]);
    expect(collect([tail])).toBe(tail);
  });

  it('reads on to the end after a header that declares no size', () => {
    const open = Uint8Array.from([...fit, 0, 0, 0]);
    new DataView(open.buffer).setUint32(4, 0, true);
    expect(collect(chunks(open, 10))).toEqual(open);
  });

  it('knows a 12-byte header as well as a 14-byte one', () => {
    // A 12-byte header (no header CRC): the definition then starts at byte 12.
    const short = Uint8Array.from([12, ...fit.subarray(1, 12), ...fit.subarray(14)]);
    expect(collect(chunks(short, 6))).toEqual(short);
  });
});

describe('gunzipChunks()', () => {
  const text = new TextEncoder().encode('x'.repeat(10_000));
  const gz = gzipSync(text);

  it('hands on every byte, and returns how many', () => {
    const out: number[] = [];
    expect(gunzipChunks(gz, 10_000, (c) => out.push(c.length))).toBe(10_000);
    expect(out.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('refuses output past the cap, with the cap in the message', () => {
    const err = badInputOf(() => gunzipChunks(gz, 9_999, () => undefined));
    expect(err.reason).toBe('too_large');
    expect(err.message).toBe('the file expands to more than 9999 bytes when decompressed');
  });

  it('passes on what the consumer throws, as it is', () => {
    const boom = new Error('not an activity');
    expect(() =>
      gunzipChunks(gz, 10_000, () => {
        throw boom;
      }),
    ).toThrow(boom);
  });

  it('refuses truncated and corrupt gzip data', () => {
    // Nothing at all: the stream never ends.
    const none = badInputOf(() => gunzipChunks(new Uint8Array(0), 1e6, () => undefined));
    expect(none.reason).toBe('gzip_corrupt');
    expect(none.message).toBe('the gzip data is truncated');
    // The first deflate block (after the 10-byte gzip header) of the reserved type 3.
    const bad = Uint8Array.from(gz);
    bad[10] = 0xff;
    const err = badInputOf(() => gunzipChunks(bad, 1e6, () => undefined));
    expect(err.reason).toBe('gzip_corrupt');
    expect(err.message).toBe('the gzip data is corrupt or truncated (invalid block type)');
  });

  it('knows gzip by its two magic bytes', () => {
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(Uint8Array.of(0x1f))).toBe(false);
    expect(isGzip(Uint8Array.of(0x1f, 0x8c))).toBe(false);
    expect(isGzip(Uint8Array.of(0x1e, 0x8b))).toBe(false);
  });
});
