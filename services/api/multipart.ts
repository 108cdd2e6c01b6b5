// Reads the `file` fields of a multipart request into memory with a size cap per file and a cap on
// the number of files. Too large a file is a 413 naming it; nothing from the request is kept then.
import busboy from 'busboy';
import type { Request } from 'express';
import { BadInputError, TooLargeError } from '#shared/errors';

export interface ReceivedFile {
  filename: string;
  content: Buffer;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function readFiles(
  req: Request,
  limits: { maxFileBytes: number; maxFiles: number },
): Promise<ReceivedFile[]> {
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
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          fields: 20,
          parts: limits.maxFiles + 20,
        },
      });
    } catch (err) {
      reject(new BadInputError('bad_multipart', (err as Error).message));
      return;
    }
    const files: ReceivedFile[] = [];
    let failed: Error | undefined;
    const fail = (err: Error) => {
      if (!failed) failed = err;
    };
    bb.on('file', (field, stream, info) => {
      const filename = (info.filename ?? '').replace(/[\\/]/g, '_').slice(0, 255) || 'unnamed';
      if (field !== 'file') {
        stream.resume();
        fail(new BadInputError('bad_field', `unexpected file field "${field}"; use "file"`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        fail(
          new TooLargeError(
            `${filename} is larger than the ${mb(limits.maxFileBytes)} limit for one file`,
          ),
        );
      });
      stream.on('close', () => {
        if (!(stream as unknown as { truncated?: boolean }).truncated) {
          files.push({ filename, content: Buffer.concat(chunks) });
        }
      });
    });
    bb.on('filesLimit', () =>
      fail(new BadInputError('too_many_files', `send at most ${limits.maxFiles} files at once`)),
    );
    bb.on('error', (err: Error) => {
      fail(new BadInputError('bad_multipart', `the upload could not be read: ${err.message}`));
      reject(failed);
    });
    bb.on('close', () => {
      if (failed) reject(failed);
      else if (files.length === 0)
        reject(new BadInputError('no_file', 'no file received; send one or more "file" fields'));
      else resolve(files);
    });
    req.pipe(bb);
  });
}
