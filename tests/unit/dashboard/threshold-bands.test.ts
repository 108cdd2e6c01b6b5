import { describe, expect, it } from 'vitest';
import {
  painZoneLabels,
  painZoneOf,
  spikeBandsText,
} from '../../../dashboard/src/charts/threshold-bands.ts';

describe('the charts read the athlete’s own thresholds', () => {
  it('spikeBandsText() words the default bands of Frandsen 2025 (10 %, 30 %, 100 %)', () => {
    expect(spikeBandsText({ spikeCaution: 0.1, spikeHigh: 0.3, spikeVeryHigh: 1 })).toBe(
      '≤10 % ok (green), 10–30 % caution (amber), 30–100 % high (red); above is very high',
    );
  });

  it('spikeBandsText() words a coach’s tighter bands (5 %, 20 %, 50 %)', () => {
    expect(spikeBandsText({ spikeCaution: 0.05, spikeHigh: 0.2, spikeVeryHigh: 0.5 })).toBe(
      '≤5 % ok (green), 5–20 % caution (amber), 20–50 % high (red); above is very high',
    );
  });

  it('painZoneLabels() gives 0–2, 3–5 and ≥6 for the defaults, 0–1, 2–3 and ≥4 for 1 and 3', () => {
    expect(painZoneLabels({ painGreenMax: 2, painAmberMax: 5 })).toEqual({
      green: '0–2',
      amber: '3–5',
      red: '≥6',
    });
    expect(painZoneLabels({ painGreenMax: 1, painAmberMax: 3 })).toEqual({
      green: '0–1',
      amber: '2–3',
      red: '≥4',
    });
  });

  it('painZoneOf() puts a score at a zone’s top in that zone and one above it in the next', () => {
    const zones = { painGreenMax: 1, painAmberMax: 3 };
    expect([0, 1, 2, 3, 4, 10].map((s) => painZoneOf(s, zones))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ]);
  });
});
