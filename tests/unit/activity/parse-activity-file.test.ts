import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../shared/activity/parse-activity-file.ts';
import { gunzipChunks } from '../../../shared/activity/gunzip-capped.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { steadyPlan, toGpx, toTcx, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { reasonOf } from '../../support/bad-input.ts';

const enc = new TextEncoder();
const points = track(steadyPlan(300, 3));
const files = {
  gpx: enc.encode(toGpx(points)),
  tcx: enc.encode(toTcx(points)),
  fit: toFit(points),
};

function errorOf(name: string, bytes: Uint8Array, maxBytes?: number): BadInputError {
  try {
    parseActivityFile(name, bytes, maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    if (err instanceof BadInputError) return err;
    throw err;
  }
  throw new Error('expected a BadInputError');
}

describe('parseActivityFile()', () => {
  it.each(['gpx', 'tcx', 'fit'] as const)(
    'parses a .%s file into the same 900 m activity',
    (format) => {
      const a = parseActivityFile(`run.${format}`, files[format]);
      expect(a.format).toBe(format);
      expect(a.samples).toHaveLength(301);
      expect(Math.abs(a.summary.distanceM - 900)).toBeLessThan(9);
    },
  );

  it.each(['gpx', 'tcx', 'fit'] as const)('parses a gzip-compressed .%s.gz file', (format) => {
    const a = parseActivityFile(`run.${format}.gz`, gzipSync(files[format]));
    expect(a.format).toBe(format);
    expect(a.samples).toHaveLength(301);
  });

  it('detects the format from the content when the name is misleading', () => {
    expect(parseActivityFile('upload.bin', files.fit).format).toBe('fit');
    expect(parseActivityFile('run.tcx', files.gpx).format).toBe('gpx');
  });

  it('rejects a gzip that expands beyond the size cap (a gzip bomb)', () => {
    const bomb = gzipSync(new Uint8Array(32 * 1024 * 1024)); // 32 MiB of zeros in ~32 KB
    const err = errorOf('bomb.gpx.gz', bomb, 1024 * 1024);
    expect(err.reason).toBe('too_large');
    // Before inflating it all: with its last 2 KB cut off, a full pass ends in "truncated", but
    // the capped one stops at the first megabyte and never gets there.
    const cut = bomb.subarray(0, bomb.length - 2000);
    const reasonAt = (cap: number) => reasonOf(() => gunzipChunks(cut, cap, () => undefined));
    expect(reasonAt(64 * 1024 * 1024)).toBe('gzip_corrupt');
    expect(reasonAt(1024 * 1024)).toBe('too_large');
  });

  it('rejects a truncated gzip instead of parsing what came out', () => {
    const gz = gzipSync(files.gpx);
    expect(errorOf('run.gpx.gz', gz.subarray(0, gz.length - 40)).reason).toBe('gzip_corrupt');
  });

  it('rejects a file larger than the cap before reading it', () => {
    expect(errorOf('run.gpx', files.gpx, 1000).reason).toBe('too_large');
  });

  it('rejects an empty file and an unknown format, naming the file', () => {
    expect(errorOf('run.gpx', new Uint8Array(0)).reason).toBe('empty_file');
    const err = errorOf('notes.txt', enc.encode('hello'));
    expect(err.reason).toBe('unknown_format');
    expect(err.message).toBe('notes.txt: not a GPX, TCX or FIT file (nor a gzip of one)');
  });

  it('prefixes every error message with the file name', () => {
    const truncated = files.fit.subarray(0, 500);
    const err = errorOf('morning.fit', truncated);
    expect(err.reason).toBe('fit_truncated');
    expect(err.message.startsWith('morning.fit: ')).toBe(true);
  });
});
