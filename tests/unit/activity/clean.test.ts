import { describe, expect, it } from 'vitest';
import { cleanSamples } from '../../../shared/activity/clean.ts';
import { reasonOf } from '../../support/bad-input.ts';
import { at, run, T0 } from '../../fixtures/meridian-track.ts';

describe('cleanSamples()', () => {
  it('counts a standing minute as paused: moving time excludes it, elapsed time does not', () => {
    // 0–60 s at 3 m/s, 61–120 s standing at 180 m, 121–180 s at 3 m/s again.
    const samples = [...run(0, 60, 0, 3), ...run(61, 120, 180, 0), ...run(121, 180, 183, 3)];
    const r = cleanSamples(samples);
    expect(r.summary.elapsedS).toBe(180);
    // 60 s before the stop + 59 s after it: at 121 s the 10 s window has moved only 3 m (0.3 m/s).
    expect(r.summary.movingS).toBe(119);
    expect(r.summary.distanceM).toBeCloseTo(360, 0);
  });

  it('drops a lone GPS spike reached at an impossible speed, keeping the distance of the real path', () => {
    const samples = run(0, 10, 0, 3);
    samples[5] = at(5, 1015); // 1 km off in one second
    const r = cleanSamples(samples);
    expect(r.points).toBe(10);
    expect(r.summary.distanceM).toBeCloseTo(30, 1);
    expect(r.warnings).toContain('1 GPS spikes faster than 12 m/s dropped');
  });

  it('keeps a jump that the following points confirm, without counting distance across it', () => {
    const samples = [...run(0, 4, 0, 3), ...run(5, 10, 5000, 3)];
    const r = cleanSamples(samples);
    expect(r.points).toBe(11);
    expect(r.summary.distanceM).toBeCloseTo(4 * 3 + 5 * 3, 1);
    expect(r.warnings).toContain('1 GPS jumps kept without counting distance across them');
  });

  it('drops points whose time repeats the previous one (zero time step)', () => {
    const samples = run(0, 5, 0, 3);
    samples.splice(3, 0, at(2, 7));
    const r = cleanSamples(samples);
    expect(r.points).toBe(6);
    expect(r.warnings).toContain('1 points repeating the previous time dropped (zero time step)');
  });

  it('drops points that go back in time', () => {
    const samples = run(0, 5, 0, 3);
    samples.splice(4, 0, at(1, 3));
    const r = cleanSamples(samples);
    expect(r.points).toBe(6);
    expect(r.samples.map((s) => (s.t - T0) / 1000)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.warnings).toContain('1 points going back in time dropped');
  });

  it('counts a time jump as paused: elapsed includes it, moving time does not', () => {
    // 10 s at 3 m/s, then a 10-minute gap, then 10 s more, 100 m further on.
    const samples = [...run(0, 10, 0, 3), ...run(610, 620, 130, 3)];
    const r = cleanSamples(samples);
    expect(r.summary.elapsedS).toBe(620);
    expect(r.summary.movingS).toBe(20);
    expect(r.summary.distanceM).toBeCloseTo(30 + 100 + 30, 0);
    expect(r.warnings).toContain('1 time gaps longer than 60 s counted as paused');
  });

  it('removes heart rates of 0 and averages the rest: (100 + 120 + 140) / 3 = 120', () => {
    const hr = [0, 100, 120, 0, 140];
    const r = cleanSamples(hr.map((h, i) => at(i, i * 3, { hrBpm: h })));
    expect(r.samples.map((s) => s.hrBpm)).toEqual([undefined, 100, 120, undefined, 140]);
    expect(r.summary.avgHrBpm).toBe(120);
    expect(r.summary.maxHrBpm).toBe(140);
    expect(r.warnings).toContain('2 heart-rate readings of 0 or outside 25–250 bpm removed');
  });

  it('leaves missing elevation missing and takes the gain from the points that have one', () => {
    const ele = [100, undefined, 104, undefined, 108];
    const r = cleanSamples(ele.map((e, i) => at(i, i * 3, e === undefined ? {} : { eleM: e })));
    expect(r.samples.map((s) => s.eleM)).toEqual(ele);
    expect(r.summary.elevationGainM).toBe(8);
  });

  it('reports no elevation data when no point has any', () => {
    const r = cleanSamples(run(0, 5, 0, 3));
    expect(r.summary.elevationGainM).toBe(0);
    expect(r.warnings).toContain('no elevation data: elevation gain is 0');
  });

  it('averages heart rate over the points that have it when only some do: (150 + 160) / 2 = 155', () => {
    const hr = [undefined, 150, undefined, 160, undefined];
    const r = cleanSamples(hr.map((h, i) => at(i, i * 3, h === undefined ? {} : { hrBpm: h })));
    expect(r.summary.avgHrBpm).toBe(155);
    expect(r.warnings).toContain('heart rate on 2 of 5 points');
  });

  it('rejects a track without timestamps as a route, not a recorded activity', () => {
    const samples = run(0, 5, 0, 3).map((s) => ({ ...s, t: Number.NaN }));
    expect(reasonOf(() => cleanSamples(samples))).toBe('no_timestamps');
  });

  it('rejects a track where most points have no time, but drops a few untimed points with a warning', () => {
    const mostly = run(0, 9, 0, 3).map((s, i) => (i < 2 ? s : { ...s, t: Number.NaN }));
    expect(reasonOf(() => cleanSamples(mostly))).toBe('no_timestamps');
    const few = run(0, 9, 0, 3).map((s, i) => (i === 4 ? { ...s, t: Number.NaN } : s));
    const r = cleanSamples(few);
    expect(r.points).toBe(9);
    expect(r.warnings).toContain('1 points without a time dropped');
  });

  it('uses the device speed when recorded: a speed of 0 is paused whatever the GPS says', () => {
    const samples = run(0, 10, 0, 3).map((s, i) => ({ ...s, speedMps: i > 5 ? 0 : 3 }));
    expect(cleanSamples(samples).summary.movingS).toBe(5);
  });

  it('fills cumulative distance from the track when the file has none', () => {
    const r = cleanSamples(run(0, 4, 0, 3));
    expect(r.samples.map((s) => Math.round(s.distanceM as number))).toEqual([0, 3, 6, 9, 12]);
  });

  it('keeps only a summary, not the samples, when asked to', () => {
    const r = cleanSamples(run(0, 100, 0, 3), { keepSamples: false });
    expect(r.samples).toEqual([]);
    expect(r.points).toBe(101);
    expect(r.summary.distanceM).toBeCloseTo(300, 0);
  });
});
