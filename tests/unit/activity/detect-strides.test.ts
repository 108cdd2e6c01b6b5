// Strides from the speed stream: short fast bouts against the run's own easy pace. Plans are
// generated at one point a second (distance = speed × time), so each bout's start, length and
// distance are worked out by hand from the plan.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import { detectStrides } from '../../../shared/activity/detect-strides.ts';
import { track, walkRunSessionPlan, type PlanStep } from '../../fixtures/generate-activity.ts';

const samplesOf = (plan: PlanStep[]): Sample[] =>
  track(plan).map((p) => ({ t: p.t, distanceM: p.distanceM }));

/** 10 min easy at 3 m/s, `n` × (`s` s at `v` m/s, `gap` s easy), 5 min easy. */
function strides(n: number, s: number, v: number, gap = 60): PlanStep[] {
  const plan: PlanStep[] = [{ durationS: 600, speedMps: 3 }];
  for (let i = 0; i < n; i++)
    plan.push({ durationS: s, speedMps: v }, { durationS: gap, speedMps: 3 });
  plan.push({ durationS: 300, speedMps: 3 });
  return plan;
}

describe('detectStrides()', () => {
  it('finds 6 × 20 s at 5 m/s in an easy run at 3 m/s: each 20 s and 100 m, 80 s apart', () => {
    // Easy = 3 m/s (the median running second); fast = max(1.3 × 3, 3 + 0.5) = 3.9 m/s. The 5-s
    // rolling median keeps a step change where it is, so each stride is exactly its 20 s.
    expect(detectStrides(samplesOf(strides(6, 20, 5)))).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => ({ startS: 600 + 80 * i, durationS: 20, distanceM: 100 })),
    );
  });

  it.each([
    ['8 s bursts (shorter than a stride)', strides(6, 8, 5), 0],
    ['10 s bursts (the shortest stride)', strides(6, 10, 5), 6],
    ['45 s fast (the longest stride)', strides(4, 45, 5), 4],
    ['50 s fast (an interval, not a stride)', strides(4, 50, 5), 0],
    ['20 s at 3.8 m/s (1.27 × easy: not fast enough)', strides(6, 20, 3.8), 0],
    ['20 s at 4.0 m/s (1.33 × easy)', strides(6, 20, 4.0), 6],
    ['20 s fast with 15 s between (no recovery)', strides(6, 20, 5, 15), 0],
    ['20 s fast with 20 s between (the shortest recovery)', strides(6, 20, 5, 20), 6],
    ['a walk-run of 10 × (run 1:00 / walk 2:00)', walkRunSessionPlan(10, 60, 120), 0],
    ['a steady 30 min', [{ durationS: 1800, speedMps: 3 }], 0],
  ])('%s: %i strides', (_name, plan, n) => {
    expect(detectStrides(samplesOf(plan))).toHaveLength(n);
  });

  it('finds none in a walk with less than 2 min of running, and none without distance', () => {
    const walk: PlanStep[] = [
      { durationS: 600, speedMps: 1.4 },
      { durationS: 20, speedMps: 4 },
      { durationS: 600, speedMps: 1.4 },
    ];
    expect(detectStrides(samplesOf(walk))).toEqual([]);
    expect(detectStrides(track(strides(6, 20, 5)).map((p) => ({ t: p.t })))).toEqual([]);
  });
});
