// The spool: uploads are written to disk as they stream in (DATA_DIR/uploads), hashed on the way,
// flushed to the disk and renamed into place before any row names them, so the API never holds a
// file in memory and answers as soon as the row is committed. The workers read the file from here
// (an export ZIP by random access), move an activity file's bytes into its row, and delete it.
// The API and the workers must therefore share DATA_DIR (one machine, or a shared volume).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface SpooledFile {
  /** The file's name in the spool directory. */
  name: string;
  sizeBytes: number;
  sha256: Buffer;
  /** The first bytes (up to 16), to tell a ZIP from an activity file. */
  head: Buffer;
}

export interface SpoolWriteOptions {
  /**
   * Called with each chunk before it is written, with the first bytes seen so far and the size
   * including the chunk; throwing stops writing (the rest of the stream is read and dropped).
   */
  check?: (head: Buffer, sizeBytes: number) => void;
}

export interface Spool {
  readonly dir: string;
  /** Write a stream into a new spool file; rejects (leaving no file) if `check` throws. */
  write(stream: Readable, options?: SpoolWriteOptions): Promise<SpooledFile>;
  path(name: string): string;
  read(name: string): Promise<Buffer>;
  remove(name: string): Promise<void>;
  /**
   * Delete spool files no upload needs: not in `inUse` and untouched for `olderThanMs` (an upload
   * being received, or whose row is being committed, is younger). Returns how many were deleted.
   */
  sweep(inUse: ReadonlySet<string>, olderThanMs: number, nowMs: number): Promise<number>;
}

const NAME = /^[0-9a-f-]{36}(\.part)?$/;
const HEAD_BYTES = 16;

async function fsyncPath(path: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Where uploads wait when no directory is given (tests, benchmarks): the same on one machine for
 * every process, so an API and workers started without one still meet. `hipcheck` itself always
 * passes DATA_DIR/uploads.
 */
export const DEFAULT_SPOOL_DIR = join(tmpdir(), 'hipcheck-uploads');

export function createSpool(dir: string = DEFAULT_SPOOL_DIR): Spool {
  let made: Promise<unknown> | undefined;
  const ready = () => (made ??= mkdir(dir, { recursive: true }));
  const pathOf = (name: string) => {
    if (!NAME.test(name)) throw new Error(`not a spool file name: ${name}`);
    return join(dir, name);
  };
  return {
    dir,
    path: pathOf,
    read: (name) => readFile(pathOf(name)),
    async remove(name) {
      await unlink(pathOf(name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
    async write(stream, options = {}) {
      await ready();
      const name = randomUUID();
      const partial = join(dir, `${name}.part`);
      const hash = createHash('sha256');
      const out = createWriteStream(partial, { flags: 'wx' });
      let size = 0;
      let head = Buffer.alloc(0);
      let failed: Error | undefined;
      const fail = (err: Error) => {
        failed ??= err;
        out.destroy();
        stream.resume(); // keep reading (and dropping) the rest, so the request goes on
      };
      return new Promise<SpooledFile>((resolve, reject) => {
        const finish = async () => {
          if (failed) throw failed;
          await new Promise<void>((done, error) => {
            out.once('error', error);
            out.end(done);
          });
          await fsyncPath(partial, 'r+');
          await rename(partial, join(dir, name));
          await fsyncPath(dir, 'r');
          return { name, sizeBytes: size, sha256: hash.digest(), head };
        };
        stream.on('data', (chunk: Buffer) => {
          if (failed) return;
          if (head.length < HEAD_BYTES) {
            head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          }
          size += chunk.length;
          try {
            options.check?.(head, size);
          } catch (err) {
            fail(err as Error);
            return;
          }
          hash.update(chunk);
          if (!out.write(chunk)) {
            stream.pause();
            out.once('drain', () => stream.resume());
          }
        });
        let settled = false;
        const settle = (run: () => Promise<SpooledFile>) => {
          if (settled) return;
          settled = true;
          run().then(resolve, async (err: unknown) => {
            await unlink(partial).catch(() => undefined);
            reject(err instanceof Error ? err : new Error(String(err)));
          });
        };
        out.on('error', (err) => fail(err));
        stream.once('error', (err) => {
          fail(err);
          settle(() => Promise.reject(err));
        });
        stream.once('end', () => settle(finish));
      });
    },
    async sweep(inUse, olderThanMs, nowMs) {
      await ready();
      let deleted = 0;
      for (const name of await readdir(dir)) {
        if (!NAME.test(name) || inUse.has(name)) continue;
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        if (info === undefined || nowMs - info.mtimeMs < olderThanMs) continue;
        await unlink(path).catch(() => undefined);
        deleted++;
      }
      return deleted;
    },
  };
}
