// science.md §6 "Interval detection": "A walk-run session must come out as its run and walk bouts,
// so that the app can compare it with the stage's prescription (e.g. 'you ran 10 × 1:00 as planned'
// or 'you ran 6 × 3:00 instead of 4 × 3:00')", against the stage table of §4.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, DEFAULT_THRESHOLDS } from '#shared/engine/index';
import { compareSession } from '#shared/engine/compare-session';
import type { Interval } from '#shared/activity/activity';

const stage = (n: number) => DEFAULT_PLAN[n] as (typeof DEFAULT_PLAN)[number];

/** n run bouts of `runS` separated by walks of `walkS`. */
function walkRun(n: number, runS: number, walkS: number): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const start = i * (runS + walkS);
    out.push({ kind: 'work', startS: start, durationS: runS, distanceM: runS * 2.8 });
    out.push({ kind: 'rest', startS: start + runS, durationS: walkS, distanceM: walkS * 1.4 });
  }
  return out;
}

const t = DEFAULT_THRESHOLDS;

describe('compareSession()', () => {
  it('says a stage-1 session of 10 × 1:02 run bouts was done as prescribed', () => {
    const c = compareSession(
      { intervals: walkRun(10, 62, 118), movingS: 1800, running: true },
      stage(1),
      t,
    );
    expect(c).toMatchObject({
      asPlanned: true,
      completion: 'completed',
      performed: '10 × 1:02',
      message: 'Done as prescribed: 10 × 1:02 (stage 1: 10 × (run 1 min / walk 2 min)).',
    });
  });

  it('says 6 bouts of 3:00 are not stage 4 (5 × 4:00: a bout matches from 3:12 to 4:48)', () => {
    const c = compareSession(
      { intervals: walkRun(6, 180, 120), movingS: 1500, running: true },
      stage(4),
      t,
    );
    expect(c.asPlanned).toBe(false);
    expect(c.message).toBe(
      'Partly done: run intervals of 3:00 instead of 5 × 4:00 (±20 %). It does not count toward the next stage.',
    );
  });

  it('takes a stage-2 bout within ±20 % of 2:00 (96–144 s)', () => {
    const at = (s: number) =>
      compareSession({ intervals: walkRun(8, s, 120), movingS: 2000, running: true }, stage(2), t)
        .asPlanned;
    expect(at(144)).toBe(true);
    expect(at(145)).toBe(false);
    expect(at(96)).toBe(true);
    expect(at(95)).toBe(false);
  });

  it('says a continuous run at a walk-run stage ran through the walks', () => {
    const c = compareSession({ intervals: [], movingS: 1500, running: true }, stage(3), t);
    expect(c.asPlanned).toBe(false);
    expect(c.message).toBe(
      'Partly done: ran 25 min without a walk break; stage 3 prescribes 6 × 3 min with walks. It does not count toward the next stage.',
    );
  });

  it('says how much longer than a continuous stage a run was, beyond +10 %', () => {
    // stage 5 prescribes 20 min: 22 min is +10 % (nothing said), 23 min is +15 %.
    expect(
      compareSession({ intervals: [], movingS: 22 * 60, running: true }, stage(5), t).message,
    ).toBe(
      'Done as prescribed: 22 min continuously (stage 5: Run 20 min continuously, easy, flat).',
    );
    const over = compareSession({ intervals: [], movingS: 23 * 60, running: true }, stage(5), t);
    expect(over.message).toMatch(/It was 15 % longer than the stage's 20 min\.$/);
  });

  it('says a run in the walking-only stage is off the plan', () => {
    expect(
      compareSession({ intervals: [], movingS: 900, running: true }, stage(0), t).asPlanned,
    ).toBe(false);
    expect(
      compareSession({ intervals: [], movingS: 1800, running: false }, stage(0), t).asPlanned,
    ).toBe(true);
  });

  it('says what was done at the walking stage: a run is off the plan, a walk is the session', () => {
    // §4 stage 0: "walking only, 30 min brisk, no limp". A walk has no run bouts to compare.
    const walking = { stage: 0, prescribed: 'Walk 30 min briskly, without a limp' };
    const none = { completion: null, reason: null, strides: 0, fastBouts: 0, hillRepeats: 0 };
    expect(compareSession({ intervals: [], movingS: 900, running: true }, stage(0), t)).toEqual({
      ...walking,
      ...none,
      performed: 'a run',
      asPlanned: false,
      message: 'A run, but stage 0 prescribes walking only (Walk 30 min briskly, without a limp).',
    });
    // 1,770 s of walking is 29.5 min, said as 30 min.
    expect(compareSession({ intervals: [], movingS: 1770, running: false }, stage(0), t)).toEqual({
      ...walking,
      ...none,
      performed: '30 min walking',
      asPlanned: true,
      message: 'Walked, as stage 0 prescribes (Walk 30 min briskly, without a limp).',
    });
  });

  it('says a session without running is not the session of a running stage', () => {
    // Stage 3 is 6 × (run 3 / walk 2): a 30-min walk is none of it.
    expect(compareSession({ intervals: [], movingS: 1800, running: false }, stage(3), t)).toEqual({
      stage: 3,
      prescribed: '6 × (run 3 min / walk 2 min)',
      performed: 'no run',
      asPlanned: false,
      completion: null,
      reason: null,
      strides: 0,
      fastBouts: 0,
      hillRepeats: 0,
      message: 'Not a run: stage 3 prescribes 6 × (run 3 min / walk 2 min).',
    });
  });

  it('does not call a walk-run longer for its extra walking: 10 × 1:00 in 40 min is stage 1', () => {
    // Stage 1 is 10 × (1 + 2) = 30 min; a 10-min warm-up walk makes 40 min, a third more time on
    // the feet but no more running. Running beyond the stage shows in the shape (through the walks).
    const c = compareSession(
      { intervals: walkRun(10, 60, 120), movingS: 2400, running: true },
      stage(1),
      t,
    );
    expect(c.message).toBe(
      'Done as prescribed: 10 × 1:00 (stage 1: 10 × (run 1 min / walk 2 min)).',
    );
  });

  // Strides found in the stream (detect-strides.ts): six of 20 s, shorter than the detection's
  // 30-s work bouts, in a steady 30 min (no intervals detected).
  const sixStrides = [0, 1, 2, 3, 4, 5].map((i) => ({
    startS: 1200 + 80 * i,
    durationS: 20,
    distanceM: 100,
  }));
  const steady = { intervals: [], movingS: 1980, distanceM: 6180, running: true };

  it('recognises six 20-s strides at stage 8, with the hill repeats', () => {
    const c = compareSession({ ...steady, strides: sixStrides, hillRepeats: 4 }, stage(8), t);
    expect(c).toMatchObject({
      completion: 'completed',
      strides: 6,
      hillRepeats: 4,
      performed: '33 min with 6 strides and 4 hill repeats',
    });
  });

  it('says six 20-s strides at the easy stage 5 made it partly done', () => {
    const c = compareSession({ ...steady, strides: sixStrides }, stage(5), t);
    expect(c).toMatchObject({
      completion: 'partly_done',
      reason: '6 strides; stage 5 is easy, conversational',
    });
    // Without the strides, the same 33 min completes stage 5.
    expect(compareSession(steady, stage(5), t).completion).toBe('completed');
  });
});
