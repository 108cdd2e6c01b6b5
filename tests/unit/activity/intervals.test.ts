import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectIntervals } from '../../../shared/activity/intervals.ts';
import { parseActivityFile } from '../../../shared/activity/parse-activity-file.ts';
import {
  intervals800Plan,
  steadyPlan,
  toGpx,
  track,
  walkRunPlan,
  type PlanStep,
} from '../../fixtures/generate-activity.ts';

const enc = new TextEncoder();

function samplesOf(plan: PlanStep[]): Sample[] {
  return track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM }));
}

function work(plan: PlanStep[]) {
  return detectIntervals(samplesOf(plan)).filter((i) => i.kind === 'work');
}

describe('detectIntervals()', () => {
  it('finds a generated walk-run session of 10 × (run 1:00, walk 2:00) as 10 run bouts of 60 ± 5 s', () => {
    // Parsed from a GPX file, so the bouts come from GPS positions, not from the plan's distances.
    const a = parseActivityFile('walk-run.gpx', enc.encode(toGpx(track(walkRunPlan()))));
    const bouts = a.intervals.filter((i) => i.kind === 'work');
    expect(bouts).toHaveLength(10);
    for (const b of bouts) expect(Math.abs(b.durationS - 60)).toBeLessThanOrEqual(5);
    // The first run starts after the 5-minute walk warm-up.
    expect(Math.abs(bouts[0]!.startS - 300)).toBeLessThanOrEqual(5);
  });

  it('finds a generated 6 × 800 m session as 6 work bouts of about 800 m', () => {
    const a = parseActivityFile('6x800.gpx', enc.encode(toGpx(track(intervals800Plan()))));
    const bouts = a.intervals.filter((i) => i.kind === 'work');
    expect(bouts).toHaveLength(6);
    for (const b of bouts) expect(Math.abs(b.distanceM - 800)).toBeLessThan(40);
  });

  it('finds no intervals in a steady run', () => {
    expect(detectIntervals(samplesOf(steadyPlan(1800, 3)))).toEqual([]);
  });

  it('merges a rest shorter than 30 s into the work around it', () => {
    const plan = [
      { durationS: 120, speedMps: 1.5 },
      { durationS: 90, speedMps: 4 },
      { durationS: 20, speedMps: 1.5 },
      { durationS: 90, speedMps: 4 },
      { durationS: 120, speedMps: 1.5 },
    ];
    const bouts = work(plan);
    expect(bouts).toHaveLength(1);
    expect(Math.abs(bouts[0]!.durationS - 200)).toBeLessThanOrEqual(3);
  });

  it('drops a work bout shorter than 30 s', () => {
    const plan = [
      { durationS: 120, speedMps: 1.5 },
      { durationS: 90, speedMps: 4 },
      { durationS: 120, speedMps: 1.5 },
      { durationS: 20, speedMps: 4 },
      { durationS: 120, speedMps: 1.5 },
    ];
    expect(work(plan)).toHaveLength(1);
  });

  it('treats standing still (less than 30 m in 45 s) as rest, whatever the levels', () => {
    const plan = [
      { durationS: 120, speedMps: 3 },
      { durationS: 90, speedMps: 0 },
      { durationS: 120, speedMps: 3 },
      { durationS: 90, speedMps: 0 },
      { durationS: 120, speedMps: 3 },
    ];
    const all = detectIntervals(samplesOf(plan));
    expect(all.filter((i) => i.kind === 'work')).toHaveLength(3);
    expect(all.filter((i) => i.kind === 'rest').length).toBeGreaterThanOrEqual(2);
  });

  it('gives intervals in seconds from the activity start, covering it without overlap', () => {
    const all = detectIntervals(samplesOf(walkRunPlan()));
    expect(all[0]?.startS).toBe(0);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]!.startS).toBe(all[i - 1]!.startS + all[i - 1]!.durationS);
    }
  });

  it('finds nothing in a session too short to hold a work bout and a rest', () => {
    expect(detectIntervals(samplesOf(steadyPlan(40, 3)))).toEqual([]);
    expect(detectIntervals([])).toEqual([]);
  });
});
