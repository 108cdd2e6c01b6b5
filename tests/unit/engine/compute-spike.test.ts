// science.md §2 "Single-run spike": "spike = distance(run) / max(distance of single runs in the
// previous 30 days) − 1 | ≤10 %: ok · >10–30 %: caution · >30–100 %: high · >100 %: very high …
// No run in the previous 30 days: … treat the run as a spike against the progression stage's
// prescription instead"; §4 "A run beyond the stage" uses the same bands. The 30-day window
// itself, through runEngine(): rule-windows.test.ts.
import { describe, expect, it } from 'vitest';
import {
  computeSpike,
  computeSpikeVsStage,
  spikeBandOf,
} from '../../../shared/engine/compute-spike.ts';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';

const t = DEFAULT_THRESHOLDS;
const stage = (n: number) => DEFAULT_PLAN[n] as StageDefinition;

describe('computeSpike()', () => {
  it.each([
    // run m, longest of previous 30 days m, spike = run/longest − 1, band
    [9000, 10000, -0.1, 'ok'], // 9000/10000 − 1 = −0.10
    [10000, 10000, 0, 'ok'],
    [11000, 10000, 0.1, 'ok'], // exactly +10 %: still ok (≤10 %)
    [11010, 10000, 0.101, 'caution'], // 11010/10000 − 1 = 0.101
    [13000, 10000, 0.3, 'caution'], // exactly +30 %: caution (>10–30 %)
    [13010, 10000, 0.301, 'high'],
    [20000, 10000, 1.0, 'high'], // exactly +100 %: high (>30–100 %)
    [20010, 10000, 1.001, 'very_high'],
    [12000, 5000, 1.4, 'very_high'], // 12000/5000 − 1 = 1.4
  ] as const)('%d m after a longest of %d m is %d (%s)', (run, longest, value, band) => {
    const r = computeSpike(run, longest, t);
    expect(r?.value).toBeCloseTo(value, 9);
    expect(r?.band).toBe(band);
    expect(r?.reference).toBe('longest_30d');
    expect(r?.referenceValue).toBe(longest);
    expect(r?.source).toMatch(/10\.1136\/bjsports-2024-109380/);
  });

  it('is null without a run in the previous 30 days', () => {
    expect(computeSpike(5000, 0, t)).toBeNull();
  });
});

describe('computeSpikeVsStage()', () => {
  it('compares moving time with the stage prescription when there is no reference run', () => {
    // stage 3: 6 × (3 + 2) = 30 min; a 45-min run: 2700/1800 − 1 = 0.5 → high
    const r = computeSpikeVsStage(45 * 60, stage(3), t);
    expect(r.value).toBeCloseTo(0.5, 9);
    expect(r.band).toBe('high');
    expect(r.reference).toBe('stage_prescription');
    // stage 5: 20 min; a 21-min run: 1260/1200 − 1 = 0.05 → ok
    expect(computeSpikeVsStage(21 * 60, stage(5), t).band).toBe('ok');
  });

  it('makes any run a very high spike at the walking-only stage', () => {
    const r = computeSpikeVsStage(10 * 60, stage(0), t);
    expect(r.band).toBe('very_high');
    expect(r.value).toBeNull();
    expect(r.note).toMatch(/no running/);
  });
});

describe('spikeBandOf()', () => {
  it('follows overridden bands', () => {
    expect(spikeBandOf(0.15, { spikeCaution: 0.2, spikeHigh: 0.4, spikeVeryHigh: 1 })).toBe('ok');
  });
});
