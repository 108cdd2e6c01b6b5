// Hill repeats from the elevation stream. Generated plans climb at a stated grade (elevation =
// 400 m + Σ speed × grade, one point a second), so each climb's gain, distance and time are
// worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectHillRepeats } from '../../../shared/activity/detect-hill-repeats.ts';
import { hillRepeatsPlan, track, type PlanStep } from '../../fixtures/generate-activity.ts';

const samplesOf = (plan: PlanStep[]): Sample[] =>
  track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM, eleM: p.eleM as number }));

describe('detectHillRepeats()', () => {
  it('finds 4 × 60 s up a 6 % grade at 3 m/s: each 180 m and 10.8 m of climb, 120 s apart', () => {
    const climbs = detectHillRepeats(samplesOf(hillRepeatsPlan(4)));
    expect(climbs).toHaveLength(4);
    climbs.forEach((c, i) => {
      // The climb starts at the last flat point (5 min in, then every 2 min) and ends at the top.
      expect(c.startS).toBe(300 + 120 * i);
      expect(c.durationS).toBe(60);
      expect(c.distanceM).toBeCloseTo(180, 6);
      expect(c.gainM).toBeCloseTo(10.8, 6);
    });
  });

  it.each([
    ['one climb (a hilly route, not repeats)', hillRepeatsPlan(1), 0],
    ['2 climbs (the fewest repeats)', hillRepeatsPlan(2), 2],
    ['30 s up at 6 %: 5.4 m each, under the 8 m of a climb', hillRepeatsPlan(4, 30), 0],
    ['45 s up at 6 %: 8.1 m each', hillRepeatsPlan(4, 45), 4],
    ['5 min up at 2 %: 18 m each, but too gentle for a hill', hillRepeatsPlan(3, 300, 0.02), 0],
    ['2 min up at 4 %: 14.4 m each, the gentlest hill', hillRepeatsPlan(3, 120, 0.04), 3],
  ])('%s: %i', (_name, plan, n) => {
    expect(detectHillRepeats(samplesOf(plan))).toHaveLength(n);
  });

  it('finds none in a run with no elevation, and none in one long climb in steps', () => {
    const flat = track(hillRepeatsPlan(4)).map((p) => ({ t: p.t, distanceM: p.distanceM }));
    expect(detectHillRepeats(flat)).toEqual([]);
    // Up 60 s, level 60 s, up 60 s…: never back down, so one climb, not repeats.
    const steps: PlanStep[] = [];
    for (let i = 0; i < 4; i++)
      steps.push(
        { durationS: 60, speedMps: 3, grade: 0.06 },
        { durationS: 60, speedMps: 3, grade: 0 },
      );
    expect(detectHillRepeats(samplesOf(steps))).toEqual([]);
  });
});
