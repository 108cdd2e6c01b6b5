// science.md §1: "rTSS when a threshold pace is set: 100 x hours x IF², IF = normalised graded
// speed / threshold speed (use speeds, not min/km)"; the grade cost is Minetti 2002's.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import {
  computeRtss,
  runningCostOf,
  thresholdSpeedOf,
} from '../../../shared/engine/compute-rtss.ts';

/** 1-Hz samples at a constant speed and grade. */
function steady(speedMps: number, seconds: number, grade = 0): Sample[] {
  const out: Sample[] = [];
  for (let s = 0; s <= seconds; s++)
    out.push({ t: s * 1000, distanceM: s * speedMps, eleM: 100 + s * speedMps * grade });
  return out;
}

describe('runningCostOf()', () => {
  it('is Minetti 2002 energy cost: 3.6 J/kg/m on the flat, 5.968 on +10 %', () => {
    expect(runningCostOf(0)).toBeCloseTo(3.6, 10);
    // 155.4·0.1⁵ − 30.4·0.1⁴ − 43.3·0.1³ + 46.3·0.1² + 19.5·0.1 + 3.6
    // = 0.001554 − 0.00304 − 0.0433 + 0.463 + 1.95 + 3.6 = 5.968214
    expect(runningCostOf(0.1)).toBeCloseTo(5.968214, 6);
  });
});

describe('computeRtss()', () => {
  it('is 100 × hours × IF² with speeds: 1 h at 5:00/km with a 4:00/km threshold gives 64', () => {
    // threshold speed = 1000/240 = 4.16667 m/s; 5:00/km = 1000/300 = 3.33333 m/s
    // IF = 3.33333 / 4.16667 = 0.8; rTSS = 100 × 1 h × 0.8² = 64
    expect(thresholdSpeedOf(240)).toBeCloseTo(4.16667, 4);
    const r = computeRtss(
      { samples: steady(1000 / 300, 3600), distanceM: 12000, movingS: 3600 },
      240,
    );
    expect(r.basis).toBe('samples');
    expect(r.intensityFactor).toBeCloseTo(0.8, 6);
    expect(r.hours).toBeCloseTo(1, 9);
    expect(r.value).toBeCloseTo(64, 4);
  });

  it('falls back on the average speed without samples, and says so', () => {
    // 10 km in 50 min: v = 10000/3000 = 3.33333 m/s; IF = 0.8; hours = 0.83333
    // rTSS = 100 × 0.83333 × 0.64 = 53.3333
    const r = computeRtss({ distanceM: 10000, movingS: 3000 }, 240);
    expect(r.basis).toBe('average_speed');
    expect(r.value).toBeCloseTo(53.3333, 3);
    expect(r.notes.join(' ')).toMatch(/average speed/);
  });

  it('raises the normalised speed on a climb by about the Minetti cost ratio', () => {
    // On +10 % the cost ratio is 5.968214/3.6 = 1.65784: 2 m/s uphill "counts as" ≈ 3.3157 m/s.
    // The first 30 s ramp up (no grade yet, a partial rolling window), so allow 1 %.
    const flat = computeRtss({ samples: steady(2, 1800), distanceM: 3600, movingS: 1800 }, 300);
    const hill = computeRtss(
      { samples: steady(2, 1800, 0.1), distanceM: 3600, movingS: 1800 },
      300,
    );
    expect(flat.ngsMps).toBeCloseTo(2, 6);
    const ratio = (hill.ngsMps as number) / (flat.ngsMps as number);
    expect(Math.abs(ratio - 1.65784) / 1.65784).toBeLessThan(0.01);
  });

  it('is null without a threshold pace', () => {
    expect(computeRtss({ distanceM: 10000, movingS: 3000 }, null).value).toBeNull();
    expect(computeRtss({ distanceM: 10000, movingS: 3000 }, 0).value).toBeNull();
  });

  it('leaves pauses (gaps > 60 s, < 0.5 m/s) out of the moving time', () => {
    const s = [
      ...steady(1000 / 300, 1800),
      ...steady(1000 / 300, 1800).map((x) => ({
        ...x,
        t: x.t + 2_000_000,
        distanceM: (x.distanceM ?? 0) + 6000,
      })),
    ];
    // Two 30-min halves at IF 0.8 with a 200-s gap: hours 1.0, rTSS 64 as without the pause.
    const r = computeRtss({ samples: s, distanceM: 12000, movingS: 3600 }, 240);
    expect(r.hours).toBeCloseTo(1, 9);
    expect(r.value).toBeCloseTo(64, 3);
  });
});
