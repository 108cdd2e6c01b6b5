// science.md §1: "Banister TRIMP when heart rate exists: sum over samples of dt(min) x HRr x
// a·e^(b·HRr) … a=0.64, b=1.92 (male), a=0.86, b=1.67 (female). Compute per sample, never from the
// average HR … Unknown sex: use the male constants and say so."
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { computeTrimp, trimpConstantsOf } from '../../../shared/engine/compute-trimp.ts';

/** 1-Hz samples at the given heart rates, `seconds` each, plus a closing sample. */
function samplesAt(...blocks: Array<[hrBpm: number, seconds: number]>): Sample[] {
  const out: Sample[] = [];
  let t = 0;
  for (const [hr, seconds] of blocks) {
    for (let s = 0; s < seconds; s++) out.push({ t: t++ * 1000, hrBpm: hr });
  }
  out.push({ t: t * 1000, hrBpm: blocks[blocks.length - 1]?.[0] ?? 0 });
  return out;
}

const male = { sex: 'male' as const, hrRestBpm: 60, hrMaxBpm: 180 };

describe('computeTrimp()', () => {
  it('sums dt × HRr × 0.64·e^(1.92·HRr) per sample for a man', () => {
    // HRr = (150 − 60)/(180 − 60) = 90/120 = 0.75
    // weight = 0.64 × e^(1.92 × 0.75) = 0.64 × e^1.44 = 0.64 × 4.22070 = 2.70125
    // per minute = 0.75 × 2.70125 = 2.02594; over 10 min = 20.2594
    const r = computeTrimp(samplesAt([150, 600]), male);
    expect(r.value).toBeCloseTo(20.2594, 3);
    expect(r.hrMinutes).toBeCloseTo(10, 9);
    expect(r.notes).toEqual([]);
  });

  it('uses a=0.86, b=1.67 for a woman', () => {
    // weight = 0.86 × e^(1.67 × 0.75) = 0.86 × e^1.2525 = 0.86 × 3.49908 = 3.00921
    // per minute = 0.75 × 3.00921 = 2.25691; over 10 min = 22.5691
    const r = computeTrimp(samplesAt([150, 600]), { ...male, sex: 'female' });
    expect(r.value).toBeCloseTo(22.5691, 3);
    expect([r.a, r.b]).toEqual([0.86, 1.67]);
  });

  it('uses the male constants for an unknown sex and says so', () => {
    const r = computeTrimp(samplesAt([150, 600]), { ...male, sex: 'unknown' });
    expect(r.value).toBeCloseTo(20.2594, 3);
    expect(trimpConstantsOf('unknown')).toEqual({ a: 0.64, b: 1.92, assumed: true });
    expect(r.notes.join(' ')).toMatch(/male constants/);
  });

  it('is larger per sample than from the average heart rate on an interval session', () => {
    // 5 min at 90 bpm: HRr = 30/120 = 0.25 → 0.25 × 0.64 × e^0.48 = 0.25 × 0.64 × 1.61607 = 0.258572/min → 1.29286
    // 5 min at 150 bpm: 2.02594/min → 10.1297; per-sample total = 11.4226
    // average 120 bpm: HRr 0.5 → 0.5 × 0.64 × e^0.96 = 0.5 × 0.64 × 2.61170 = 0.835744/min → 8.35744 over 10 min
    const perSample = computeTrimp(samplesAt([90, 300], [150, 300]), male).value as number;
    const fromAverage = computeTrimp(samplesAt([120, 600]), male).value as number;
    expect(perSample).toBeCloseTo(11.4226, 3);
    expect(fromAverage).toBeCloseTo(8.3574, 3);
    expect(perSample).toBeGreaterThan(fromAverage);
  });

  it('clamps HRr to [0, 1] and notes a heart rate above HRmax', () => {
    // 190 bpm → HRr 1 → 0.64 × e^1.92 = 0.64 × 6.82096 = 4.36541/min; 1 min = 4.36541. 50 bpm → HRr 0 → 0.
    const r = computeTrimp(samplesAt([190, 60], [50, 60]), male);
    expect(r.value).toBeCloseTo(4.36541, 3);
    expect(r.notes.join(' ')).toMatch(/above HRmax/);
  });

  it('skips gaps longer than 60 s as pauses', () => {
    const s: Sample[] = [
      { t: 0, hrBpm: 150 },
      { t: 60_000, hrBpm: 150 }, // 1 min counted: 2.02594
      { t: 600_000, hrBpm: 150 }, // a 9-min gap: paused, not counted
      { t: 660_000, hrBpm: 150 }, // 1 min counted: 2.02594
    ];
    expect(computeTrimp(s, male).value).toBeCloseTo(4.05188, 4);
  });

  it('is null without HRmax/HRrest or without heart-rate samples', () => {
    expect(computeTrimp(samplesAt([150, 60]), { sex: 'male' }).value).toBeNull();
    expect(computeTrimp([{ t: 0 }, { t: 1000 }], male).value).toBeNull();
    expect(computeTrimp([], male).value).toBeNull();
  });

  it('names its method, source and caveat', () => {
    const r = computeTrimp([], male);
    expect(r.method).toMatch(/Banister/);
    expect(r.source).toMatch(/Morton/);
    expect(r.caveat.length).toBeGreaterThan(0);
  });
});
