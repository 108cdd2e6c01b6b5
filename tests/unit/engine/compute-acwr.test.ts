// science.md §2 ACWR rows: rolling "acute = sum of the last 7 days; chronic = mean weekly load over
// days t−27…t (coupled) or t−27…t−7 (uncoupled)", "coupled c and uncoupled r relate by
// c = 4r/(r+3)"; EWMA "EWMA_t = λ·L_t + (1−λ)·EWMA_{t−1}, λ = 2/(N+1), N = 7 and 28"; both "No
// ratio before 28 days of history or when chronic = 0" and "Never the sole reason for a red flag".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAcwrEwma,
  computeAcwrRolling,
  ewmaLambdaOf,
} from '../../../shared/engine/compute-acwr.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;
const week = (perDay: number) => [perDay, 0, perDay, 0, perDay, 0, 0];

describe('computeAcwrRolling()', () => {
  // Weeks 1–3: 3 × 100 = 300 each; week 4 (the last 7 days): 3 × 200 = 600.
  const loads = [...week(100), ...week(100), ...week(100), ...week(200)];

  it('computes coupled and uncoupled ratios by hand', () => {
    // acute = 600; days t−27…t−7 = 900
    // coupled chronic = (600 + 900)/4 = 375 → 600/375 = 1.6
    // uncoupled chronic = 900/3 = 300 → 600/300 = 2.0
    const r = computeAcwrRolling(loads, 27, 28, t);
    expect(r.acute).toBe(600);
    expect(r.chronicCoupled).toBe(375);
    expect(r.chronicUncoupled).toBe(300);
    expect(r.coupled).toBeCloseTo(1.6, 12);
    expect(r.uncoupled).toBeCloseTo(2.0, 12);
  });

  it('gives no ratio before 28 days of history', () => {
    const r = computeAcwrRolling(loads, 26, 27, t);
    expect(r.coupled).toBeNull();
    expect(r.uncoupled).toBeNull();
    expect(r.note).toMatch(/28 days/);
  });

  it('gives no ratio when the chronic load is 0', () => {
    const r = computeAcwrRolling(new Array<number>(28).fill(0), 27, 28, t);
    expect(r.coupled).toBeNull();
    expect(r.uncoupled).toBeNull();
  });

  it('relates coupled c and uncoupled r by c = 4r/(r+3) (Gabbett 2016 identity)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 28, maxLength: 28 }),
        (daily) => {
          const r = computeAcwrRolling(daily, 27, 28, t);
          if (r.coupled === null || r.uncoupled === null) return;
          expect(r.coupled).toBeCloseTo((4 * r.uncoupled) / (r.uncoupled + 3), 9);
        },
      ),
    );
  });

  it('names its method and its criticism', () => {
    const r = computeAcwrRolling(loads, 27, 28, t);
    expect(r.caveat).toMatch(/Never the sole reason for a red flag/);
    expect(r.source).toMatch(/Gabbett/);
  });
});

describe('computeAcwrEwma()', () => {
  it('uses λ = 2/(N+1): 0.25 for 7 days, 2/29 for 28', () => {
    expect(ewmaLambdaOf(7)).toBe(0.25);
    expect(ewmaLambdaOf(28)).toBeCloseTo(0.0689655, 7);
  });

  it('steps EWMAs from 0 by hand', () => {
    // loads 100, 0, 200 from EWMA 0:
    // acute: 0.25·100 = 25 → 0.75·25 = 18.75 → 0.25·200 + 0.75·18.75 = 50 + 14.0625 = 64.0625
    // chronic: 100·2/29 = 6.896552 → ·27/29 = 6.420927 → 200·2/29 + 6.420927·27/29 = 13.793103 + 5.978105 = 19.771208
    let prev = { acute: 0, chronic: 0 };
    const out = [100, 0, 200].map((l, k) => {
      const r = computeAcwrEwma(prev, l, 28 + k, t);
      prev = { acute: r.acute, chronic: r.chronic };
      return r;
    });
    expect(out[2]?.acute).toBeCloseTo(64.0625, 10);
    expect(out[2]?.chronic).toBeCloseTo(19.771208, 5);
    // ratio = 64.0625 / 19.771208 = 3.24019
    expect(out[2]?.ratio).toBeCloseTo(3.24019, 4);
  });

  it('gives a ratio from the 28th day of history on', () => {
    // acute 0.25·10 + 0.75·10 = 10, chronic likewise 10: ratio 1
    expect(computeAcwrEwma({ acute: 10, chronic: 10 }, 10, 28, t).ratio).toBeCloseTo(1, 12);
    expect(computeAcwrEwma({ acute: 10, chronic: 10 }, 10, 28, t).note).toBeUndefined();
  });

  it('gives no ratio before 28 days or with a chronic EWMA of 0', () => {
    expect(computeAcwrEwma({ acute: 10, chronic: 10 }, 10, 27, t).ratio).toBeNull();
    expect(computeAcwrEwma({ acute: 0, chronic: 0 }, 0, 40, t).ratio).toBeNull();
  });
});
