// A FIT file's 14-byte header (FIT protocol: byte 0 the header size, 12 or 14; bytes 4–7 the data
// size; bytes 8–11 ".FIT"; bytes 12–13 the header's CRC, 0 when the writer did not compute one).
// Each case damages one part of a generated file and checks the message a runner is shown.
import { describe, expect, it } from 'vitest';
import { parseFit } from '../../../shared/activity/parse-fit.ts';
import { steadyPlan, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

// 2 minutes at 3 m/s.
const good = toFit(track(steadyPlan(120, 3)));

function damaged(change: (b: Uint8Array) => void): Uint8Array {
  const b = Uint8Array.from(good);
  change(b);
  return b;
}

describe('parseFit(): the header', () => {
  it.each([
    [
      'cut after 10 bytes',
      good.subarray(0, 10),
      'fit_truncated',
      'the file ends inside its header (10 bytes): it is truncated',
    ],
    [
      'cut after 13 of its 14 bytes',
      good.subarray(0, 13),
      'fit_truncated',
      'the file ends inside its header: it is truncated',
    ],
    [
      'a header size of 13',
      damaged((b) => (b[0] = 13)),
      'fit_bad_header',
      'the file has a corrupt FIT header (size 13, signature ".FIT")',
    ],
    [
      'a signature that is not ".FIT"',
      damaged((b) => (b[8] = 0x2d)),
      'fit_bad_header',
      'the file has a corrupt FIT header (size 14, signature "-FIT")',
    ],
    [
      'a header CRC that does not match',
      damaged((b) => (b[12] = (b[12] as number) ^ 0xff)),
      'fit_bad_header',
      'the file has a header whose CRC does not match',
    ],
  ])('refuses a file %s', (_name, bytes, reason, message) => {
    const err = badInputOf(() => parseFit(bytes));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(message);
  });

  it('accepts a header CRC of 0 (not computed by the writer)', () => {
    const a = parseFit(
      damaged((b) => {
        b[12] = 0;
        b[13] = 0;
      }),
    );
    expect(a.summary.elapsedS).toBe(120);
  });
});
