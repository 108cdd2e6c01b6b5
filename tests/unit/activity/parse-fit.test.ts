import { describe, expect, it } from 'vitest';
import { parseFit } from '../../../shared/activity/parse-fit.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { steadyPlan, track } from '../../fixtures/generate-activity.ts';
import { encodeFit, FIT, fitCrc16 as fitCrc, fitTime, toFit } from '../../fixtures/generate-fit.ts';

function reasonOf(bytes: Uint8Array): string {
  try {
    parseFit(bytes);
  } catch (err) {
    if (err instanceof BadInputError) return err.reason;
    throw err;
  }
  throw new Error('expected a BadInputError');
}

describe('parseFit()', () => {
  // 5 minutes at 3 m/s: 900 m.
  const points = track(steadyPlan(300, 3), { eleSwingM: 2 });
  const bytes = toFit(points);
  const a = parseFit(bytes);

  it('reads every record, including those with compressed-timestamp headers', () => {
    expect(a.samples).toHaveLength(points.length);
    expect(a.samples.map((s) => s.t)).toEqual(points.map((p) => p.t));
  });

  it('converts FIT units: semicircles to degrees, cm to m, mm/s to m/s, scaled altitude to m', () => {
    const p = points[7]!;
    const s = a.samples[7]!;
    expect(s.lat).toBeCloseTo(p.lat, 6);
    expect(s.lon).toBeCloseTo(p.lon, 6);
    expect(s.distanceM).toBe(21);
    expect(s.speedMps).toBe(3);
    expect(Math.abs(s.eleM! - p.eleM!)).toBeLessThanOrEqual(0.1); // stored in 0.2 m steps
    expect(s.hrBpm).toBe(p.hrBpm);
    expect(s.cadenceSpm).toBe(170); // 85 per foot
  });

  it('skips developer fields and unknown messages by their declared sizes', () => {
    // toFit() puts a 2-byte developer field on every other record and an unknown big-endian message
    // before them: were either misread, the records after them would be garbage.
    expect(a.samples.at(-1)?.distanceM).toBe(900);
  });

  it('takes sport and total distance from the session, and keeps the lap', () => {
    expect(a.sport).toBe('run');
    expect(a.summary.distanceM).toBe(900);
    expect(a.laps).toEqual([
      { startS: 0, durationS: 300, distanceM: 900, avgHrBpm: 150, trigger: 'manual' },
    ]);
    expect(a.device).toBe('Garmin product 3113');
  });

  it('maps a treadmill sub-sport', () => {
    expect(parseFit(toFit(points, { sport: 1, subSport: 1 })).sport).toBe('treadmill_run');
  });

  it('rolls a compressed timestamp over when its 5-bit offset wraps', () => {
    // Last full timestamp ends in …30 (mod 32); offset 2 means 4 s later, not 28 s earlier.
    const t0 = fitTime(Date.UTC(2026, 2, 1, 7, 0, 0));
    const base = t0 - (t0 % 32) + 30;
    const fit = encodeFit([
      {
        kind: 'def',
        local: 0,
        global: 20,
        fields: [
          [253, 4, FIT.uint32],
          [5, 4, FIT.uint32],
        ],
      },
      { kind: 'data', local: 0, values: [base, 0] },
      { kind: 'def', local: 1, global: 20, fields: [[5, 4, FIT.uint32]] },
      { kind: 'data', local: 1, values: [1200], compressedOffset: 2 },
    ]);
    const s = parseFit(fit).samples;
    expect((s[1]!.t - s[0]!.t) / 1000).toBe(4);
  });

  it('rejects a file whose CRC does not match when its records do not decode either', () => {
    const fit = encodeFit([
      { kind: 'def', local: 0, global: 20, fields: [[253, 4, FIT.uint32]] },
      { kind: 'data', local: 0, values: [1000] },
    ]);
    const bad = fit.slice();
    bad[14 + 6 + 3] = 3; // the data message now names local type 3, never defined; CRC left as it was
    expect(reasonOf(bad)).toBe('fit_crc');
  });

  it('rejects a file cut inside its header', () => {
    expect(reasonOf(bytes.subarray(0, 10))).toBe('fit_truncated');
  });

  it('rejects a data message for a local type that was never defined', () => {
    const fit = encodeFit([
      { kind: 'def', local: 0, global: 20, fields: [[253, 4, FIT.uint32]] },
      { kind: 'data', local: 0, values: [1000] },
    ]);
    // Turn the data message's header (local 0) into local 3, which has no definition.
    const bad = fit.slice();
    const headerAt = 14 + 6 + 3;
    bad[headerAt] = 3;
    // Re-seal the file CRC so that only the structure is wrong.
    const body = bad.subarray(0, bad.length - 2);
    const crc = fitCrc(body);
    bad[bad.length - 2] = crc & 0xff;
    bad[bad.length - 1] = crc >> 8;
    expect(reasonOf(bad)).toBe('fit_corrupt');
  });

  it('rejects a FIT file that is not an activity', () => {
    const settings = encodeFit([
      { kind: 'def', local: 0, global: 0, fields: [[0, 1, FIT.enum]] },
      { kind: 'data', local: 0, values: [2] },
    ]);
    expect(reasonOf(settings)).toBe('fit_not_activity');
  });
});
