// science.md §4: a session counts toward the next stage only when it was the stage's session, with
// pain green during and after and a morning back at the runner's own baseline; "each [rule] must be
// visible in the UI as the reason for a decision". Stage 2 is 8 × (run 2 / walk 2) = 32 min and
// 90 % of it is 0.9 × 32 × 60 = 1,728 s; stage 0 is a 30-min walk, 90 % of it 27 min.
import { describe, expect, it } from 'vitest';
import {
  evaluateSession,
  hasSession,
  isAsPrescribed,
  verdictOf,
} from '../../../shared/engine/progression.ts';
import { sessionShapesOf } from '../../../shared/engine/session-shape.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import { baselineOf } from '../../../shared/engine/morning-baseline.ts';
import { facts, stage, walkFacts } from '../../fixtures/session-facts.ts';
import { walkRun } from '../../fixtures/session-intervals.ts';

const t = DEFAULT_THRESHOLDS;
const learning = baselineOf([], [], t);
/** The shapes of a session from its detected intervals, 3 m/s over its moving time. */
const shapesOf = (intervals: ReturnType<typeof walkRun>, movingS = 32 * 60) =>
  sessionShapesOf({ intervals, laps: [], movingS, distanceM: movingS * 3 });
// Stage 2 as prescribed: 8 × (2:00 run, 2:00 walk); stopped after 5 bouts and walked 15 min home.
const eightByTwo = shapesOf(walkRun(8, 120, 120));
const fiveByTwo = shapesOf(walkRun(5, 120, 120, 900));
const reasonOf = (over: Parameters<typeof facts>[0]) => evaluateSession(facts(over), t).reasons[0];

describe('hasSession()', () => {
  const none = { painDuring: undefined, painAfter: undefined };
  it.each([
    ['a run', facts(none), true],
    ['a stage-0 walk', walkFacts(none), true],
    ['a stage-0 day without a walk', walkFacts({ ...none, longestWalkMin: 0 }), false],
    ['a walk at a running stage', walkFacts({ ...none, stage: stage(2) }), false],
    ['pain logged during a session', facts({ ...none, runCount: 0, painDuring: 2 }), true],
    ['pain logged after a session', facts({ ...none, runCount: 0, painAfter: 2 }), true],
  ])('%s: %s', (_, f, expected) => {
    expect(hasSession(f)).toBe(expected);
  });
});

describe('isAsPrescribed()', () => {
  it('takes a stage-0 walk from 27 min (90 % of 30) and not at 26', () => {
    expect(isAsPrescribed(walkFacts({ longestWalkMin: 27 }), t)).toBe(true);
    expect(isAsPrescribed(walkFacts({ longestWalkMin: 26 }), t)).toBe(false);
  });

  it('needs a run at a running stage, and takes 1,728 s of stage 2 (90 % of 32 min)', () => {
    expect(isAsPrescribed(facts({ runCount: 0 }), t)).toBe(false);
    expect(isAsPrescribed(facts({ longestRunMovingS: 1728 }), t)).toBe(true);
    expect(isAsPrescribed(facts({ longestRunMovingS: 1727 }), t)).toBe(false);
  });

  it('judges a walk-run by its bouts, not its total time', () => {
    // 8 × 2:00 run as prescribed, though the file's moving time says 20 min
    expect(isAsPrescribed(facts({ shapes: eightByTwo, longestRunMovingS: 1200 }), t)).toBe(true);
    // 5 of 8 bouts, then walked: partly done, whatever the total time
    expect(isAsPrescribed(facts({ shapes: fiveByTwo }), t)).toBe(false);
  });

  it('judges a continuous stage by its minutes even when the shape is one steady stretch', () => {
    // stage 5 is 20 min continuous; 15 min is less than 0.9 × 20 = 18
    const steady20 = shapesOf([], 20 * 60);
    const f = facts({ stage: stage(5), shapes: steady20, longestRunMovingS: 15 * 60 });
    expect(isAsPrescribed(f, t)).toBe(false);
  });

  it('asks for an ok spike (≤10 %) only at the volume stage, where no spike at all is ok too', () => {
    expect(isAsPrescribed(facts({ spikeBand: 'caution' }), t)).toBe(true); // stage 2
    expect(isAsPrescribed(facts({ stage: stage(7), spikeBand: null }), t)).toBe(true);
  });
});

describe('verdictOf()', () => {
  it('judges the shape of a run, and nothing on a day without one', () => {
    expect(verdictOf({ shapes: eightByTwo, stage: stage(2), runCount: 1 }, t)).toMatchObject({
      completion: 'completed',
      performed: '8 × 2:00',
    });
    expect(verdictOf({ shapes: eightByTwo, stage: stage(2), runCount: 0 }, t)).toBeNull();
    expect(verdictOf({ shapes: null, stage: stage(2), runCount: 1 }, t)).toBeNull();
  });
});

describe('evaluateSession() reasons', () => {
  it('reads pain after alone when pain during was not logged', () => {
    expect(reasonOf({ painDuring: undefined, painAfter: 4 })).toMatchObject({
      code: 'pain_amber',
      value: 4,
      rule: 'pain-zones',
      message:
        'Pain reached 4/10 during or after {your} run on Mon 2 Mar: amber zone, so the next run repeats stage 2.',
    });
  });

  it('judges the morning by stiffness alone when no morning pain was logged', () => {
    const e = evaluateSession(facts({ nextMorningPain: undefined }), t);
    expect(e).toMatchObject({ outcome: 'completed', backToBaseline: true });
  });

  it('says whether pain or stiffness missed the baseline, with its number', () => {
    expect(reasonOf({ nextMorningPain: 4 })).toEqual({
      code: 'not_back_to_baseline',
      message:
        '{Your} pain the morning after {your} run on Mon 2 Mar was 4/10, above {your} usual 1/10: one stage back.',
      value: 4,
      rule: 'baseline',
    });
    expect(reasonOf({ nextMorningStiffness: 5 })).toMatchObject({
      message:
        '{Your} stiffness the morning after {your} run on Mon 2 Mar was 5/10, above {your} usual 1/10: one stage back.',
      value: 5,
    });
  });

  it('says the baseline is still being learned when there is none yet', () => {
    expect(reasonOf({ nextMorningStiffness: 3, baselineStiffness: learning })?.message).toBe(
      '{Your} stiffness the morning after {your} run on Mon 2 Mar was 3/10, above the green zone while {your} baseline is still being learned: one stage back.',
    );
  });

  it('names the missing score of a session that cannot count', () => {
    expect(reasonOf({ painDuring: undefined, painAfter: undefined })).toEqual({
      code: 'symptoms_not_logged',
      message:
        '{Your} run on Mon 2 Mar has no pain score for during or after, so it cannot count toward the next stage.',
      rule: 'progression',
    });
    const walk = evaluateSession(
      walkFacts({ nextMorningPain: undefined, nextMorningStiffness: undefined }),
      t,
    );
    expect(walk.reasons[0]?.message).toBe(
      '{Your} walk on Mon 2 Mar has no morning-after score, so it cannot count toward the next stage.',
    );
  });

  it('says a walk-run stopped early was partly done, with what was run', () => {
    const e = evaluateSession(facts({ shapes: fiveByTwo }), t);
    expect(e.outcome).toBe('not_as_prescribed');
    expect(e.reasons).toEqual([
      {
        code: 'session_partly_done',
        message:
          '{Your} run on Mon 2 Mar was partly done: 5 of 8 run intervals, then walked. It does not count toward the next stage.',
        value: '5 × 2:00',
        rule: 'progression',
      },
    ]);
  });

  it('says a session that was not the stage’s did not count', () => {
    expect(reasonOf({ longestRunMovingS: 20 * 60 })).toEqual({
      code: 'not_as_prescribed',
      message:
        '{Your} run on Mon 2 Mar did not match the stage 2 session, so it does not count toward the next stage.',
      rule: 'progression',
    });
  });

  it('says a completed session counts, with its shape when it was judged by one', () => {
    expect(reasonOf({})).toEqual({
      code: 'session_completed',
      message:
        '{Your} run on Mon 2 Mar counts as a completed stage 2 session: green pain, back to {your} usual level the next morning.',
      rule: 'progression',
    });
    expect(reasonOf({ shapes: eightByTwo })?.message).toBe(
      '{Your} run on Mon 2 Mar counts as a completed stage 2 session (8 × 2:00): green pain, back to {your} usual level the next morning.',
    );
  });
});
