// Cleaning (clean.ts): the messages of the three refusals, the limits of each plausible range,
// the caller's options, device distances, tracks without positions, and segments. Points move
// north along 8.5° E, where one metre is 1 / 111,195.08 of a degree (as in clean.test.ts).
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { cleanSamples, createSampleCleaner } from '../../../shared/activity/clean.ts';
import { badInputOf } from '../../support/bad-input.ts';
import { at, run, T0 } from '../../fixtures/meridian-track.ts';

describe('cleanSamples(): refusals, with the message a runner sees', () => {
  it('refuses a route: all 6 points without a time', () => {
    const err = badInputOf(() => cleanSamples(run(0, 5, 0, 3).map((s) => ({ ...s, t: NaN }))));
    expect(err.reason).toBe('no_timestamps');
    expect(err.message).toBe(
      '6 of 6 points have no time: this is a route, not a recorded activity, so it cannot count as training',
    );
  });

  it('refuses a track where exactly half the points have no time, not one where fewer do', () => {
    const untimed = (n: number) => run(0, 9, 0, 3).map((s, i) => (i < n ? { ...s, t: NaN } : s));
    expect(badInputOf(() => cleanSamples(untimed(5))).message).toMatch(/^5 of 10 points/);
    expect(cleanSamples(untimed(4)).points).toBe(6);
  });

  it('refuses a file with no points', () => {
    const err = badInputOf(() => cleanSamples([]));
    expect(err.reason).toBe('no_points');
    expect(err.message).toBe('no recorded points with a time and a place');
  });

  it('refuses a single moment: one point, or two at the same time', () => {
    for (const samples of [[at(0, 0)], [at(0, 0), at(0, 5)]]) {
      const err = badInputOf(() => cleanSamples(samples));
      expect(err.reason).toBe('too_short');
      expect(err.message).toBe(
        'all points share one time: there is no recorded movement to measure',
      );
    }
  });
});

describe('cleanSamples(): plausible ranges, limits included', () => {
  it('keeps heart rates of 25 and 250 bpm, removes 24 and 251', () => {
    const r = cleanSamples([24, 25, 250, 251].map((hrBpm, i) => at(i, i * 3, { hrBpm })));
    expect(r.samples.map((s) => s.hrBpm)).toEqual([undefined, 25, 250, undefined]);
    expect(r.summary.maxHrBpm).toBe(250);
  });

  it('keeps elevations of −500 and 9000 m, removes what lies beyond, and says how many', () => {
    const r = cleanSamples([-501, -500, 9000, 9001].map((eleM, i) => at(i, i * 3, { eleM })));
    expect(r.samples.map((s) => s.eleM)).toEqual([undefined, -500, 9000, undefined]);
    expect(r.warnings).toContain('2 elevations outside −500…9000 m removed');
  });

  it('keeps cadences of 0 and 400, removes −1 and 401, and says how many', () => {
    const r = cleanSamples([-1, 0, 400, 401].map((cadenceSpm, i) => at(i, i * 3, { cadenceSpm })));
    expect(r.samples.map((s) => s.cadenceSpm)).toEqual([undefined, 0, 400, undefined]);
    expect(r.warnings).toContain('2 cadences outside 0–400 removed');
  });

  it('removes a negative speed or distance, keeping 0', () => {
    // No positions, so nothing is measured in their place.
    const r = cleanSamples([
      { t: T0, speedMps: 0, distanceM: 0 },
      { t: T0 + 1000, speedMps: -1, distanceM: -5 },
    ]);
    expect(r.samples.map((s) => s.speedMps)).toEqual([0, undefined]);
    // The point without a distance takes the last one recorded.
    expect(r.samples.map((s) => s.distanceM)).toEqual([0, 0]);
  });
});

describe('cleanSamples(): options', () => {
  it('takes the caller’s spike speed: a 20 m/s step is a spike on foot, kept at 25 m/s', () => {
    const samples = [...run(0, 4, 0, 3), at(5, 32), ...run(6, 10, 35, 3)];
    expect(cleanSamples(samples).warnings).toContain('1 GPS spikes faster than 12 m/s dropped');
    const r = cleanSamples(samples, { maxSpeedMps: 25 });
    expect(r.points).toBe(11);
    expect(r.warnings.some((w) => w.includes('spikes'))).toBe(false);
  });

  it('takes the caller’s pause speed: 0.8 m/s moves by default, pauses under a 1 m/s limit', () => {
    const samples = run(0, 60, 0, 0.8);
    expect(cleanSamples(samples).summary.movingS).toBe(60);
    expect(cleanSamples(samples, { pauseSpeedMps: 1 }).summary.movingS).toBe(0);
  });

  it('counts a step of exactly 60 s as moving, and a longer gap the caller allows', () => {
    // 10 s at 3 m/s, then one step of 60 s and 180 m (3 m/s): moving all 70 s.
    const sixty = cleanSamples([...run(0, 10, 0, 3), at(70, 210)]);
    expect(sixty.summary.movingS).toBe(70);
    expect(sixty.warnings.some((w) => w.includes('time gaps'))).toBe(false);
    // A 90-s step: a gap by default, moving when up to 120 s is allowed.
    const ninety = [...run(0, 10, 0, 3), at(100, 300)];
    expect(cleanSamples(ninety).summary.movingS).toBe(10);
    const allowed = cleanSamples(ninety, { maxGapS: 120 });
    expect(allowed.summary.movingS).toBe(100);
    expect(allowed.warnings.some((w) => w.includes('time gaps'))).toBe(false);
  });

  it('takes the caller’s elevation threshold', () => {
    // 100 → 104 m: a 4-m climb counts over the default 3 m, not over 5 m.
    const samples = [100, 102, 104].map((eleM, i) => at(i, i * 3, { eleM }));
    expect(cleanSamples(samples).summary.elevationGainM).toBe(4);
    expect(cleanSamples(samples, { elevationThresholdM: 5 }).summary.elevationGainM).toBe(0);
  });
});

describe('cleanSamples(): distance and moving time', () => {
  it('prefers the device’s distance to the track’s, and keeps both', () => {
    // The GPS track covers 30 m; the device (a foot pod) says 33 m.
    const r = cleanSamples(run(0, 10, 0, 3).map((s, i) => ({ ...s, distanceM: i * 3.3 })));
    expect(r.summary.distanceM).toBeCloseTo(33, 9);
    expect(r.deviceDistanceM).toBeCloseTo(33, 9);
    expect(r.trackDistanceM).toBeCloseTo(30, 3);
  });

  it('measures a treadmill run by its distances: 10 s at 3 m/s, then 10 s standing', () => {
    const samples: Sample[] = [];
    for (let s = 0; s <= 20; s++)
      samples.push({ t: T0 + s * 1000, distanceM: Math.min(s, 10) * 3 });
    const r = cleanSamples(samples);
    expect(r.summary.movingS).toBe(10);
    expect(r.summary.distanceM).toBe(30);
    expect('deviceDistanceM' in cleanSamples(run(0, 3, 0, 3))).toBe(false);
  });

  it('counts every second as moving when nothing says otherwise (no position, distance or speed)', () => {
    const r = cleanSamples([0, 1, 2, 3].map((s) => ({ t: T0 + s * 1000, hrBpm: 120 })));
    expect(r.summary.movingS).toBe(3);
  });

  it('gives each point the speed of the step that reached it', () => {
    const r = cleanSamples(run(0, 3, 0, 3));
    expect(r.samples[0]?.speedMps).toBeUndefined();
    for (const s of r.samples.slice(1)) expect(s.speedMps).toBeCloseTo(3, 3);
  });
});

describe('createSampleCleaner(): segments and spikes', () => {
  it('measures no distance or moving time across a new segment', () => {
    const c = createSampleCleaner();
    for (const s of run(0, 10, 0, 3)) c.add(s);
    // A resumed timer 20 s and 500 m later.
    run(30, 40, 530, 3).forEach((s, i) => c.add(s, i === 0));
    const r = c.finish();
    expect(r.summary.distanceM).toBeCloseTo(60, 1);
    expect(r.summary.movingS).toBe(20);
    expect(r.summary.elapsedS).toBe(40);
  });

  it('drops a spike followed by a new segment, and one that is the last point', () => {
    const c = createSampleCleaner();
    for (const s of run(0, 5, 0, 3)) c.add(s);
    c.add(at(6, 2000)); // 2 km off
    c.add(at(7, 21), true); // a new segment, back on the line
    c.add(at(8, 24));
    c.add(at(9, 5000)); // off again, and nothing after it
    const r = c.finish();
    expect(r.points).toBe(8);
    expect(r.warnings).toContain('2 GPS spikes faster than 12 m/s dropped');
  });

  it('drops two spikes in a row that are far from each other too', () => {
    const samples = [...run(0, 4, 0, 3), at(5, 3000), at(6, 9000), ...run(7, 10, 21, 3)];
    const r = cleanSamples(samples);
    expect(r.points).toBe(9);
    expect(r.warnings).toContain('2 GPS spikes faster than 12 m/s dropped');
    expect(r.summary.distanceM).toBeCloseTo(30, 1);
  });
});
