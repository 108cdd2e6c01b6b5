// gzip with a ceiling: a few kilobytes of gzip can expand to gigabytes, so output is handed on as
// it is produced (never gathered here), counted, and decompression stops as soon as it passes the cap.
import { Gunzip } from 'fflate';
import { BadInputError } from '../errors.ts';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompress `bytes`, handing each chunk of output to `onChunk`; throws past `maxBytes`. */
export function gunzipChunks(
  bytes: Uint8Array,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void,
): number {
  let total = 0;
  let tooLarge = false;
  let done = false;
  // What the consumer threw (a parser refusing the content): it stops the inflating and is
  // rethrown as it is, never mistaken for corrupt gzip data.
  let consumerError: { error: unknown } | undefined;
  const gunzip = new Gunzip((chunk, final) => {
    if (tooLarge || consumerError !== undefined) return;
    total += chunk.length;
    if (total > maxBytes) {
      tooLarge = true;
      return;
    }
    try {
      if (chunk.length > 0) onChunk(chunk);
    } catch (error) {
      consumerError = { error };
      return;
    }
    if (final) done = true;
  });
  // Small input steps bound the output of one push: deflate expands at most ~1,032:1.
  const step = 4096;
  try {
    for (let at = 0; at < bytes.length && !tooLarge && consumerError === undefined; at += step) {
      const end = Math.min(bytes.length, at + step);
      gunzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw new BadInputError(
      'gzip_corrupt',
      `the gzip data is corrupt or truncated (${String((err as Error).message ?? err)})`,
    );
  }
  if (consumerError !== undefined) throw consumerError.error;
  if (tooLarge) {
    throw new BadInputError(
      'too_large',
      `the file expands to more than ${maxBytes} bytes when decompressed`,
    );
  }
  if (!done) throw new BadInputError('gzip_corrupt', 'the gzip data is truncated');
  return total;
}
