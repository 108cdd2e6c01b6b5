// Receives the `file` fields of a multipart request into the spool as they stream: nothing is held
// in memory, whatever the size. An activity file is capped at maxFileBytes; an export ZIP (told by
// its first bytes) only by what the request may carry in all, since its contents are capped by
// what they really hold when a worker reads them. Too much is a 413 naming the file or the
// request; then nothing from the request is kept.
import busboy from 'busboy';
import type { Request } from 'express';
import { isZip } from '#shared/activity/zip/zip-source';
import { BadInputError, TooLargeError } from '#shared/errors';
import type { Spool, SpooledFile } from '#services/ingest/spool';

export interface ReceivedUpload {
  filename: string;
  /** An export ZIP (read into a batch by a worker) or an activity file. */
  kind: 'file' | 'export';
  spooled: SpooledFile;
}

export interface UploadLimits {
  /** Largest activity file (GPX, TCX, FIT, gzip). */
  maxFileBytes: number;
  /** Most bytes one request may carry, every file together (export ZIPs included). */
  maxRequestBytes: number;
  maxFiles: number;
}

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3
    ? `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`
    : bytes >= 1024 ** 2
      ? `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`
      : `${Math.round(bytes / 1024)} KB`;

/** Refuse at once a request that says it is larger than it may be (before reading its body). */
export function checkDeclaredLength(req: Request, limits: UploadLimits): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxRequestBytes) {
    throw new TooLargeError(
      `the request is ${formatBytes(declared)}, more than the ${formatBytes(limits.maxRequestBytes)} limit for one request`,
    );
  }
}

const fileNameOf = (name: string | undefined) =>
  (name ?? '')
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .slice(0, 255) || 'unnamed';

export function receiveUploads(
  req: Request,
  spool: Spool,
  limits: UploadLimits,
): Promise<ReceivedUpload[]> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) {
      reject(
        new BadInputError(
          'not_multipart',
          'send the files as multipart/form-data in fields named "file"',
        ),
      );
      return;
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: {
          fileSize: limits.maxRequestBytes + 1,
          files: limits.maxFiles,
          fields: 20,
          parts: limits.maxFiles + 20,
        },
      });
    } catch (err) {
      reject(new BadInputError('bad_multipart', (err as Error).message));
      return;
    }
    const writes: Array<Promise<ReceivedUpload | undefined>> = [];
    let requestBytes = 0;
    let failed: Error | undefined;
    const fail = (err: Error) => {
      failed ??= err;
    };

    bb.on('file', (field, stream, info) => {
      const filename = fileNameOf(info.filename);
      if (field !== 'file' || failed) {
        stream.resume();
        if (field !== 'file') {
          fail(new BadInputError('bad_field', `unexpected file field "${field}"; use "file"`));
        }
        return;
      }
      let counted = 0;
      const write = spool
        .write(stream, {
          check(head, size) {
            requestBytes += size - counted;
            counted = size;
            if (failed) throw failed;
            if (requestBytes > limits.maxRequestBytes) {
              throw new TooLargeError(
                `the files sent together are larger than the ${formatBytes(limits.maxRequestBytes)} limit for one request (reached while receiving ${filename})`,
              );
            }
            if (size > limits.maxFileBytes && !(head.length >= 4 && isZip(head))) {
              throw new TooLargeError(
                `${filename} is larger than the ${formatBytes(limits.maxFileBytes)} limit for one file`,
              );
            }
          },
        })
        .then(
          (spooled): ReceivedUpload => ({
            filename,
            kind: isZip(spooled.head) ? 'export' : 'file',
            spooled,
          }),
          (err: Error) => {
            fail(err);
            return undefined;
          },
        );
      writes.push(write);
    });
    bb.on('filesLimit', () =>
      fail(new BadInputError('too_many_files', `send at most ${limits.maxFiles} files at once`)),
    );
    const finish = async () => {
      const received = await Promise.all(writes);
      const kept = received.filter((r): r is ReceivedUpload => r !== undefined);
      if (failed) {
        await Promise.all(kept.map((r) => spool.remove(r.spooled.name)));
        throw failed;
      }
      if (kept.length === 0) {
        throw new BadInputError('no_file', 'no file received; send one or more "file" fields');
      }
      return kept;
    };
    let done = false;
    const end = (err?: Error) => {
      if (done) return;
      done = true;
      if (err) fail(err);
      finish().then(resolve, reject);
    };
    bb.on('error', (err: Error) =>
      end(new BadInputError('bad_multipart', `the upload could not be read: ${err.message}`)),
    );
    bb.on('close', () => end());
    req.on('aborted', () => end(new BadInputError('aborted', 'the upload was interrupted')));
    req.pipe(bb);
  });
}
