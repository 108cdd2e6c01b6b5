// A FIT file arriving in chunks (out of a gzip stream), gathered for the decoder, which needs the
// whole file. What must follow is known as it arrives: after a FIT header comes a definition
// message (a data message cannot come before its definition), and each header declares its file's
// size, so bytes past it must start another (chained) FIT file. Anything else is refused here, as
// the decoder would refuse it, before it is held: a gzip bomb behind a small FIT header costs one
// chunk, not the whole cap. Chunks are kept as they come and joined once, at the end.
import { BadInputError } from '../errors.ts';
import { concatBytes } from './concat-bytes.ts';

export interface FitByteCollector {
  push(chunk: Uint8Array): void;
  /** The whole file (no copy when it came in one chunk). */
  bytes(): Uint8Array;
}

export function createFitByteCollector(): FitByteCollector {
  const chunks: Uint8Array[] = [];
  let length = 0;
  /** Where the next FIT header must start; undefined once a file declares no size. */
  let nextFileAt: number | undefined = 0;

  /** `count` bytes from `at` (across chunks), or undefined when they have not all arrived. */
  function read(at: number, count: number): Uint8Array | undefined {
    if (at + count > length) return undefined;
    const out = new Uint8Array(count);
    let chunkStart = 0;
    for (const c of chunks) {
      const chunkEnd = chunkStart + c.length;
      if (chunkEnd > at && chunkStart < at + count) {
        const from = Math.max(at, chunkStart);
        const to = Math.min(at + count, chunkEnd);
        out.set(c.subarray(from - chunkStart, to - chunkStart), from - at);
      }
      chunkStart = chunkEnd;
    }
    return out;
  }

  function checkAhead(): void {
    while (nextFileAt !== undefined) {
      const at = nextFileAt;
      const header = read(at, 15);
      if (header === undefined) return;
      const headerSize = header[0] as number;
      const isFit =
        (headerSize === 12 || headerSize === 14) &&
        String.fromCharCode(...header.subarray(8, 12)) === '.FIT';
      if (!isFit) {
        if (at === 0) return; // the decoder names a corrupt first header itself
        throw new BadInputError(
          'fit_bad_header',
          `the bytes after the FIT file (from byte ${at}) are not another FIT file`,
        );
      }
      const firstRecord = read(at + headerSize, 1)?.[0];
      if (firstRecord === undefined) return;
      // Bit 7 clear and bit 6 set: a normal header of a definition message.
      if ((firstRecord & 0xc0) !== 0x40) {
        throw new BadInputError(
          'fit_bad_record',
          `the FIT data starts with byte 0x${firstRecord.toString(16).padStart(2, '0')}, not a message definition: this is not FIT data`,
        );
      }
      const dataSize = new DataView(header.buffer).getUint32(4, true);
      // No size in the header (a watch that crashed): the decoder reads to the end.
      nextFileAt = dataSize === 0 ? undefined : at + headerSize + dataSize + 2;
    }
  }

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      chunks.push(chunk);
      length += chunk.length;
      // A file that comes whole is the decoder's alone to judge, with its own messages.
      if (chunks.length > 1) checkAhead();
    },
    bytes() {
      return chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(chunks);
    },
  };
}
