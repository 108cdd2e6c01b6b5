// Issue 18: a walk-run stage is completed when its run bouts match the prescription (count, each
// bout within ±20 %, walk breaks taken), a continuous stage when its minutes were run without a walk
// break longer than 60 s; otherwise "partly done" with the reason. Numbers worked by hand from the
// stage table of science.md §4: stage 1 = 10 × (run 1:00 / walk 2:00), so a bout matches from
// 0.8 × 60 = 48 s to 1.2 × 60 = 72 s and a walk break from 0.8 × 120 = 96 s.
import { describe, expect, it } from 'vitest';
import type { Interval, Lap } from '#shared/activity/activity';
import { DEFAULT_PLAN, DEFAULT_THRESHOLDS } from '#shared/engine/index';
import { judgeSession } from '#shared/engine/judge-session';
import { sessionShapesOf } from '#shared/engine/session-shape';
import { computeShapeBeyond } from '#shared/engine/stage-beyond';
import type { StageDefinition } from '#shared/engine/types';
import { bouts, walkRun } from '../../fixtures/session-intervals.ts';

const stage = (n: number) => DEFAULT_PLAN[n] as StageDefinition;
const t = DEFAULT_THRESHOLDS;

const judge = (intervals: Interval[], s: number, laps: Lap[] = [], movingS = 1800) =>
  judgeSession(sessionShapesOf({ intervals, laps, movingS, distanceM: movingS * 3 }), stage(s), t);

describe('judgeSession() at a walk-run stage', () => {
  it('completes stage 1 with 10 bouts of 1:02 and walks of 1:58', () => {
    expect(judge(walkRun(10, 62, 118), 1)).toMatchObject({
      completion: 'completed',
      performed: '10 × 1:02',
      reason: null,
      matched: 10,
      throughWalks: null,
    });
  });

  it('takes a bout of 72 s (+20 %) and refuses one of 73 s', () => {
    expect(judge(walkRun(10, 72, 120), 1)?.completion).toBe('completed');
    expect(judge(walkRun(10, 48, 120), 1)?.completion).toBe('completed');
    expect(judge(walkRun(10, 73, 120), 1)).toMatchObject({
      completion: 'partly_done',
      reason: 'run intervals of 1:13 instead of 10 × 1:00 (±20 %)',
    });
  });

  it('says "7 of 10 run intervals, then walked" for a runner who stopped running after 7', () => {
    expect(judge(walkRun(7, 60, 120, 660), 1)).toMatchObject({
      completion: 'partly_done',
      performed: '7 × 1:00',
      reason: '7 of 10 run intervals, then walked',
    });
  });

  it('needs the walk breaks: 1:36 is taken, 1:35 is too short', () => {
    expect(judge(walkRun(10, 60, 96), 1)?.completion).toBe('completed');
    expect(judge(walkRun(10, 60, 95), 1)?.reason).toBe(
      'walk breaks as short as 1:35 instead of 2:00',
    );
  });

  it('counts extra bouts as not the stage session', () => {
    expect(judge(walkRun(12, 60, 120), 1)?.reason).toBe('12 run intervals instead of 10');
  });

  it('finds the walk breaks run through: 30 min steady at stage 1 is 30 min against 10 prescribed', () => {
    const v = judge([], 1);
    expect(v).toMatchObject({
      completion: 'partly_done',
      reason: 'ran 30 min without a walk break; stage 1 prescribes 10 × 1 min with walks',
      throughWalks: { longestS: 1800, runningS: 1800, prescribedS: 600 },
    });
  });

  it('at stage 2 a stretch of 4:01 ran through a walk break (a 2:00 bout and its 2:00 walk are 4:00)', () => {
    const intervals = bouts(['work', 120, 3], ['rest', 120, 1.5], ['work', 241, 3]);
    expect(judge(intervals, 2)?.throughWalks).toMatchObject({ longestS: 241 });
    const notThrough = bouts(['work', 120, 3], ['rest', 120, 1.5], ['work', 240, 3]);
    expect(judge(notThrough, 2)?.throughWalks).toBeNull();
  });

  it('reads the laps when they match better than the detected bouts', () => {
    // The detection saw one steady stretch; the runner pressed lap at each change.
    const laps: Lap[] = [];
    for (let i = 0; i < 10; i++) {
      laps.push({ startS: i * 180, durationS: 60, distanceM: 180 });
      laps.push({ startS: i * 180 + 60, durationS: 120, distanceM: 168 });
    }
    expect(judge([], 1, laps)).toMatchObject({
      completion: 'completed',
      source: 'laps',
      performed: '10 × 1:00',
    });
  });
});

describe('judgeSession() at a continuous stage', () => {
  it('completes 20 min with two stops of 45 s (a stop is up to 60 s)', () => {
    const intervals = bouts(
      ['work', 400, 3],
      ['rest', 45, 0],
      ['work', 400, 3],
      ['rest', 45, 0],
      ['work', 400, 3],
    );
    expect(judge(intervals, 5)).toMatchObject({
      completion: 'completed',
      performed: '20 min continuously, with 2 short stops',
    });
  });

  it('calls 3 × 6:40 with two 2-min walks partly done', () => {
    const intervals = bouts(
      ['work', 400, 3],
      ['rest', 120, 1.4],
      ['work', 400, 3],
      ['rest', 120, 1.4],
      ['work', 400, 3],
    );
    expect(judge(intervals, 5)?.reason).toBe(
      'ran 7 + 7 + 7 min with 2 walk breaks of up to 2:00; stage 5 prescribes 20 min without walk breaks',
    );
    // A break of 61 s is a walk break, 60 s a stop.
    const edge = bouts(['work', 600, 3], ['rest', 60, 0], ['work', 600, 3]);
    expect(judge(edge, 5)?.completion).toBe('completed');
    const over = bouts(['work', 600, 3], ['rest', 61, 0], ['work', 600, 3]);
    expect(judge(over, 5)?.completion).toBe('partly_done');
  });

  it('calls a 3-min fast finish intensity at stage 5, which is easy', () => {
    const v = judge(bouts(['rest', 1020, 3], ['work', 180, 4.2]), 5);
    expect(v).toMatchObject({
      completion: 'partly_done',
      reason: 'a fast finish of 3:00; stage 5 is easy, conversational',
      intensity: { surges: 1, fastS: 180, finish: true },
    });
  });
});

describe('judgeSession() at the volume and intensity stages', () => {
  const strides = bouts(
    ['rest', 1200, 3],
    ...Array.from({ length: 6 }, () => [
      ['work', 30, 5] as ['work', number, number],
      ['rest', 60, 3] as ['rest', number, number],
    ]).flat(),
  );

  it('recognises 6 strides at stage 8: 1,200 s + 6 × 90 s = 29 min', () => {
    expect(judge(strides, 8)).toMatchObject({
      completion: 'completed',
      performed: '29 min with 6 strides',
      strides: 6,
      intensity: null,
    });
  });

  it('calls the same strides at stage 7 (easy volume) partly done', () => {
    expect(judge(strides, 7)).toMatchObject({
      completion: 'partly_done',
      reason: '6 strides; stage 7 is easy',
      intensity: { surges: 6, fastS: 180, finish: false },
    });
  });

  it('has no verdict at the walking stage', () => {
    expect(judge([], 0)).toBeNull();
  });
});

describe('computeShapeBeyond(): a walk-run against its running time', () => {
  const shapes = (intervals: Interval[], movingS = 1800) =>
    sessionShapesOf({ intervals, laps: [], movingS, distanceM: movingS * 3 });

  it('stage 2 (8 × 2 min = 16 min of running): 24 min without a walk is +50 %, high', () => {
    const r = computeShapeBeyond(shapes([], 24 * 60), stage(2), t);
    expect(r).toMatchObject({ band: 'high', referenceValue: 960 });
    expect(r?.value).toBeCloseTo(0.5, 10);
    expect(r?.note).toBe(
      'ran 24 min without a walk break; stage 2 prescribes 8 × 2 min with walks',
    );
  });

  it('stage 4 (5 × 4 min = 20 min): 21 min without a walk is only +5 %, yet a caution', () => {
    const r = computeShapeBeyond(shapes([], 21 * 60), stage(4), t);
    expect(r?.band).toBe('caution');
    expect(r?.value).toBeCloseTo(0.05, 10);
  });

  it('a complete 10 × 1:00 with a warm-up walk is 600 s of 600: ok, whatever the walking', () => {
    const r = computeShapeBeyond(shapes(walkRun(10, 60, 120)), stage(1), t);
    expect(r).toMatchObject({ band: 'ok', value: 0, referenceValue: 600 });
    expect(r?.note).toBeUndefined();
  });

  it('does not apply at a continuous stage', () => {
    expect(computeShapeBeyond(shapes([]), stage(5), t)).toBeNull();
  });
});
