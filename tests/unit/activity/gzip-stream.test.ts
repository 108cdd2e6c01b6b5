// A gzipped activity file is inflated as a stream into its parser, never gathered whole: the format
// is told from the first inflated bytes, and content that cannot be an activity file is refused
// from its first chunks instead of after inflating to the cap. (The whole-process memory of a
// refusal is measured by bench/gzip-bomb.ts.)
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../shared/activity/concat-bytes.ts';
import { parseActivities } from '../../../shared/activity/parse-activity-file.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

const MiB = 1024 * 1024;

/** A FIT header (14 bytes, '.FIT', declaring `dataSize` bytes of records) followed by `zeros`. */
function fitHeaderThenZeros(dataSize: number, zeros: number): Uint8Array {
  const out = new Uint8Array(14 + zeros);
  out[0] = 14;
  out[1] = 0x20;
  new DataView(out.buffer).setUint32(4, dataSize, true);
  out.set([0x2e, 0x46, 0x49, 0x54], 8); // ".FIT"
  return out;
}

describe('gzipped activity files, inflated as a stream', () => {
  it('refuses a FIT header followed by 24 MiB of zeros as not FIT data, not after inflating to the cap', () => {
    const bomb = gzipSync(fitHeaderThenZeros(0, 24 * MiB));
    const err = badInputOf(() => parseActivities('bomb.fit.gz', bomb, { maxBytes: 8 * MiB }));
    expect(err.reason).toBe('fit_bad_record');
    expect(err.message).toContain('not FIT data');
  });

  it('refuses zeros after a complete FIT file as no chained FIT file, before the cap', () => {
    const fit = toFit(track(steadyPlan(60, 3)));
    const bomb = gzipSync(concatBytes([fit, new Uint8Array(24 * MiB)]));
    const err = badInputOf(() => parseActivities('run.fit.gz', bomb, { maxBytes: 8 * MiB }));
    expect(err.reason).toBe('fit_bad_header');
    expect(err.message).toContain(`from byte ${fit.length}`);
  });

  it('still reads a gzipped FIT, GPX and TCX as their plain files', () => {
    const points = track(steadyPlan(300, 3));
    const fit = toFit(points);
    const gpx = new TextEncoder().encode(toGpx(points));
    for (const [name, bytes] of [
      ['run.fit', fit],
      ['run.gpx', gpx],
    ] as const) {
      const plain = parseActivities(name, bytes).activities[0];
      const zipped = parseActivities(`${name}.gz`, gzipSync(bytes)).activities[0];
      expect(zipped?.summary).toEqual(plain?.summary);
      expect(zipped?.samples.length).toBe(plain?.samples.length);
    }
  });

  it('refuses a GPX that inflates past the cap as too large', () => {
    const head = new TextEncoder().encode(
      '<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>',
    );
    const filler = new TextEncoder().encode('<x/>'.repeat(MiB / 4)); // 1 MiB of empty elements
    const bomb = gzipSync(concatBytes([head, ...Array.from({ length: 8 }, () => filler)]));
    const err = badInputOf(() => parseActivities('bomb.gpx.gz', bomb, { maxBytes: 4 * MiB }));
    expect(err.reason).toBe('too_large');
  });
});
