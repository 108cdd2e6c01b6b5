// Random access to a ZIP on disk (an export waiting in the spool, a file named on the command
// line), so that an export of gigabytes is never read whole.
import { fstatSync, readSync } from 'node:fs';
import type { ZipSource } from '#shared/activity/zip/zip-source';

export function zipSourceOfFile(fd: number): ZipSource {
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return got === n ? out : out.subarray(0, got);
    },
  };
}
