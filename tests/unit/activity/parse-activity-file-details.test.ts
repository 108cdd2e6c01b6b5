// The entry point for any activity file (parse-activity-file.ts) beyond the common case: how the
// format is told from content and name, a file read chunk by chunk as from disk, the caller's
// options passed through, and the messages, each naming the file.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  createActivityFileReader,
  detectActivityFormat,
  parseActivities,
} from '../../../shared/activity/parse-activity-file.ts';
import { activityTimeRange } from '../../../shared/activity/plausible-time.ts';
import { steadyPlan, toGpx, toTcx, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

const enc = new TextEncoder();
// 10 minutes at 3 m/s: files of several times the 4 KiB read to tell the format.
const points = track(steadyPlan(600, 3));
const gpx = enc.encode(toGpx(points));
const tcx = enc.encode(toTcx(points));
const fit = toFit(points);

describe('detectActivityFormat()', () => {
  it.each([
    [
      'a GPX root, with or without a prefix',
      'x.bin',
      '<?xml version="1.0"?>\n<gpx version="1.1">',
      'gpx',
    ],
    ['a prefixed GPX root', 'x.bin', '<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1">', 'gpx'],
    ['a TCX root', 'x.bin', '<TrainingCenterDatabase xmlns="x">', 'tcx'],
    ['a root named like gpx but longer: the name decides', 'x.tcx', '<gpxdata>', 'tcx'],
    ['unclear content: a .GPX.gz name', 'run.GPX.gz', 'hello', 'gpx'],
    ['unclear content: a .fit name', 'run.fit', 'hello', 'fit'],
    ['unclear content and name', 'notes.txt', 'hello', undefined],
  ])('%s', (_name, filename, text, format) => {
    expect(detectActivityFormat(filename, enc.encode(text))).toBe(format);
  });

  it('knows FIT by ".FIT" at bytes 8–11, whatever the name, and not in a shorter file', () => {
    expect(detectActivityFormat('run.gpx', fit)).toBe('fit');
    expect(detectActivityFormat('x.bin', fit.subarray(0, 11))).toBeUndefined();
    // The FIT header's first 12 bytes alone are enough; one byte of ".FIT" wrong, and they are not.
    expect(detectActivityFormat('x.bin', fit.subarray(0, 12))).toBe('fit');
    for (let i = 8; i < 12; i++) {
      const head = fit.slice(0, 12);
      head[i] = 0x58; // "X"
      expect(detectActivityFormat('x.bin', head)).toBeUndefined();
    }
  });

  it('knows a root whose namespace prefix is several characters long', () => {
    expect(detectActivityFormat('x.bin', enc.encode('<top:gpx version="1.1">'))).toBe('gpx');
    expect(detectActivityFormat('x.bin', enc.encode('<ns10:TrainingCenterDatabase>'))).toBe('tcx');
  });

  it('takes the format from a name only when it ends in it', () => {
    expect(detectActivityFormat('notes.gpx.txt', enc.encode('hello'))).toBeUndefined();
    expect(detectActivityFormat('run.fit.gz', enc.encode('hello'))).toBe('fit');
  });

  it('knows a small GPX that opens with a blank line, without a declaration or a telling name', () => {
    // Fewer bytes than the decoder waits for to read a declaration, and no "<" first: the whole
    // file is all there is, so it is read as it is.
    const bytes = enc.encode('\n<gpx version="1.1" creator="x"></gpx>');
    expect(detectActivityFormat('upload.xml', bytes)).toBe('gpx');
  });
});

describe('createActivityFileReader()', () => {
  function readInChunks(name: string, bytes: Uint8Array, size: number, maxBytes?: number) {
    const r = createActivityFileReader(name, maxBytes === undefined ? {} : { maxBytes });
    for (let i = 0; i < bytes.length; i += size) r.push(bytes.subarray(i, i + size));
    r.push(new Uint8Array(0));
    return r.end();
  }

  it.each([
    ['gpx', gpx],
    ['tcx', tcx],
    ['fit', fit],
  ] as const)('reads a .%s file in chunks as it reads the whole file', (format, bytes) => {
    const whole = parseActivities(`run.${format}`, bytes);
    for (const size of [100, 5000]) {
      const chunked = readInChunks(`run.${format}`, bytes, size);
      expect(chunked.format).toBe(format);
      expect(chunked.activities[0]?.summary).toEqual(whole.activities[0]?.summary);
    }
  });

  it('keeps its own copy of each chunk: a reader from disk reuses one buffer', () => {
    for (const [name, bytes] of [
      ['run.gpx', gpx],
      ['run.gpx.gz', gzipSync(gpx)],
    ] as const) {
      const r = createActivityFileReader(name);
      const buffer = new Uint8Array(1000);
      for (let i = 0; i < bytes.length; i += buffer.length) {
        const n = Math.min(buffer.length, bytes.length - i);
        buffer.set(bytes.subarray(i, i + n));
        r.push(buffer.subarray(0, n));
        buffer.fill(0x20); // the next read overwrites it
      }
      expect(r.end().activities[0]?.summary).toEqual(
        parseActivities(name, bytes).activities[0]?.summary,
      );
    }
  });

  it('reads a gzipped file in chunks', () => {
    const r = readInChunks('run.gpx.gz', gzipSync(gpx), 1000);
    expect(r.format).toBe('gpx');
    expect(r.activities[0]?.summary.elapsedS).toBe(600);
  });

  it('refuses an empty file and one past the cap, naming it', () => {
    const empty = badInputOf(() => createActivityFileReader('a.gpx').end());
    expect(empty.reason).toBe('empty_file');
    expect(empty.message).toBe('a.gpx: the file is empty');
    const big = badInputOf(() => readInChunks('b.gpx', gpx, 1000, 2500));
    expect(big.reason).toBe('too_large');
    expect(big.message).toBe('b.gpx: the file is larger than 2500 bytes');
    // Exactly the cap is accepted.
    expect(readInChunks('c.gpx', gpx, 1000, gpx.length).format).toBe('gpx');
  });
});

describe('parseActivities()', () => {
  it('refuses an empty file and one past the cap with messages naming the file', () => {
    const empty = badInputOf(() => parseActivities('a.fit', new Uint8Array(0)));
    expect(empty.message).toBe('a.fit: the file is empty');
    const big = badInputOf(() => parseActivities('b.fit', fit, { maxBytes: fit.length - 1 }));
    expect(big.message).toBe(`b.fit: the file is larger than ${fit.length - 1} bytes`);
    expect(parseActivities('c.fit', fit, { maxBytes: fit.length }).format).toBe('fit');
  });

  it('passes the default sport and the time range on to the parser', () => {
    expect(parseActivities('w.gpx', gpx, { defaultSport: 'walk' }).activities[0]?.sport).toBe(
      'walk',
    );
    // Recorded on 1 March 2026, uploaded "in 2020": after tomorrow, refused.
    const range = activityTimeRange(Date.UTC(2020, 0, 1));
    const err = badInputOf(() => parseActivities('t.tcx', tcx, { timeRange: range }));
    expect(err.reason).toBe('implausible_time');
    expect(err.message.startsWith('t.tcx: line ')).toBe(true);
  });

  it('gives a GPX or TCX file one activity and no file-level warnings', () => {
    const r = parseActivities('run.tcx', tcx);
    expect(r.activities).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });
});
