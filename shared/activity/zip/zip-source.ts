// Random access to the bytes of a ZIP archive. Export ZIPs run to gigabytes, so nothing here needs
// the archive in one buffer: an in-memory source serves uploads small enough to hold, and a source
// over a file on disk (a few lines of readSync on a descriptor, in a worker or the CLI) serves the
// rest. Reads are synchronous by design: parsing is CPU work that runs off the request path.

export interface ZipSource {
  /** Bytes in the archive. */
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer only where the archive ends). */
  read(offset: number, length: number): Uint8Array;
}

/** A ZipSource over bytes already in memory. */
export function zipSourceOfBytes(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    read: (offset, length) =>
      bytes.subarray(Math.max(0, offset), Math.max(0, Math.min(bytes.length, offset + length))),
  };
}

/** Whether bytes start like a ZIP archive (a local file header, or an empty archive's end record). */
export function isZip(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}
