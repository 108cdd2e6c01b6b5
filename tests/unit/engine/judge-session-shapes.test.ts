// science.md §4 (the stage table) and §6 ("A walk-run session must come out as its run and walk
// bouts, so that the app can compare it with the stage's prescription"): the verdict on a session's
// shape, built here by hand bout by bout. Numbers worked by hand from the table: stage 1 =
// 10 × (run 1:00 / walk 2:00), so a bout matches from 0.8 × 60 = 48 s to 1.2 × 60 = 72 s and a walk
// break from 0.8 × 120 = 96 s; stage 2 = 8 × (run 2:00 / walk 2:00); stage 5 = 20 min continuous,
// completed from 0.9 × 20 min = 1,080 s; a stop is up to 60 s, a stride a fast bout of at most 45 s
// (docs/engine.md, "A session's shape").
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, DEFAULT_THRESHOLDS } from '#shared/engine/index';
import { judgeSession } from '#shared/engine/judge-session';
import type { SessionShape, ShapeBout } from '#shared/engine/session-shape';
import { sessionShapesOf } from '#shared/engine/session-shape';
import type { StageDefinition } from '#shared/engine/types';
import { bouts } from '../../fixtures/session-intervals.ts';

const stage = (n: number) => DEFAULT_PLAN[n] as StageDefinition;
const t = DEFAULT_THRESHOLDS;

const bout = (startS: number, durationS: number): ShapeBout => ({
  startS,
  durationS,
  distanceM: durationS * 3,
});

/** Runs of the given seconds, each followed by the next break (the last by `walkedAfterS`). */
function shape(
  runsS: number[],
  breaksS: number[] = runsS.slice(1).map(() => 120),
  o: { source?: SessionShape['source']; walkedAfterS?: number; surges?: ShapeBout[] } = {},
): SessionShape {
  let at = 0;
  const runs = runsS.map((d, i) => {
    const b = bout(at, d);
    at += d + (breaksS[i] ?? 0);
    return b;
  });
  return {
    source: o.source ?? 'intervals',
    runs,
    breaksS,
    walkedAfterS: o.walkedAfterS ?? 0,
    surges: o.surges ?? [],
  };
}

const judge = (shapes: SessionShape[], s: number) => judgeSession(shapes, stage(s), t);
const times = (n: number, s: number) => Array.from({ length: n }, () => s);

describe('judgeSession() at a walk-run stage, bout by bout', () => {
  it('a walk with no running at stage 1 has no run intervals', () => {
    // 30 min at 1.5 m/s, below walking speed: no stretch of running.
    const walk = sessionShapesOf({
      intervals: bouts(['rest', 1800, 1.5]),
      laps: [],
      movingS: 1800,
      distanceM: 2700,
    });
    expect(judge(walk, 1)).toMatchObject({
      completion: 'partly_done',
      performed: 'no running',
      reason: 'no run intervals were found',
      matched: 0,
      throughWalks: null,
    });
  });

  it('steady running of 1:40 at stage 1 ran through the walk: longer than a bout (+20 % = 1:12)', () => {
    // Steady running has no walk break to see; 100 s is under a bout and its walk (180 s).
    expect(judge([shape([100], [], { source: 'steady' })], 1)).toMatchObject({
      performed: '1:40 min without a walk break',
      reason: 'ran 1:40 min without a walk break; stage 1 prescribes 10 × 1 min with walks',
      throughWalks: { longestS: 100, runningS: 100, prescribedS: 600 },
    });
  });

  it('steady running of 1:12, a bout at +20 %, is one run interval of ten, not a run-through', () => {
    expect(judge([shape([72], [], { source: 'steady' })], 1)).toMatchObject({
      performed: '1 × 1:12',
      reason: '1 of 10 run intervals',
      throughWalks: null,
      matched: 1,
    });
  });

  it('names the range of bouts when they differ: 1:00–1:13 (1:13 is beyond 1:12)', () => {
    expect(judge([shape([60, 73, 60])], 1)?.reason).toBe(
      'run intervals of 1:00–1:13 instead of 10 × 1:00 (±20 %)',
    );
  });

  it('names the shortest walk break that was too short: 1:30 of 1:35 and 1:30', () => {
    expect(judge([shape(times(4, 60), [95, 90, 120])], 1)?.reason).toBe(
      'walk breaks as short as 1:30 instead of 2:00',
    );
  });

  it('says the median bout: 1:40 of 1:40, 2:10, 1:39; 1:55 of 1:40, 2:10, 1:50, 2:00', () => {
    // Sorted 99, 100, 130 → 100 s; sorted 100, 110, 120, 130 → (110 + 120) / 2 = 115 s.
    expect(judge([shape([100, 130, 99])], 2)).toMatchObject({
      performed: '3 × 1:40',
      reason: '3 of 8 run intervals',
    });
    expect(judge([shape([100, 130, 110, 120])], 2)?.performed).toBe('4 × 1:55');
  });

  it('adds "then walked" for a minute of walking after the last bout, not for less', () => {
    // Under a minute is the walk to stop the watch; a minute or more is walking instead of running.
    expect(judge([shape(times(3, 120), undefined, { walkedAfterS: 59 })], 2)?.reason).toBe(
      '3 of 8 run intervals',
    );
    expect(judge([shape(times(3, 120), undefined, { walkedAfterS: 60 })], 2)?.reason).toBe(
      '3 of 8 run intervals, then walked',
    );
  });
});

describe('judgeSession() at a continuous stage, minute by minute', () => {
  it('says a short run in m:ss under 5 min and in whole minutes from 5 min up', () => {
    expect(judge([shape([299], [], { source: 'steady' })], 5)).toMatchObject({
      performed: '4:59 min continuously',
      reason: '4:59 min of running instead of 20 min',
    });
    expect(judge([shape([300], [], { source: 'steady' })], 5)).toMatchObject({
      performed: '5 min continuously',
      reason: '5 min of running instead of 20 min',
    });
  });

  it('completes stage 5 from 1,080 s (90 % of 20 min); 1,079 s is partly done', () => {
    expect(judge([shape([1079], [], { source: 'steady' })], 5)).toMatchObject({
      completion: 'partly_done',
      reason: '18 min of running instead of 20 min',
    });
    expect(judge([shape([1080], [], { source: 'steady' })], 5)?.completion).toBe('completed');
  });

  it("judges a coach's continuous stage by the minutes its prescription names (totalMin)", () => {
    // A coach's stage 5 of 30 min whose runMin field says 10: the runner is told "Run 30 min", so
    // 15 min is partly done (below 0.9 × 30 min = 1,620 s), and 28 min is done.
    const edited = { ...stage(5), runMin: 10, totalMin: 30 };
    expect(judgeSession([shape([900], [], { source: 'steady' })], edited, t)).toMatchObject({
      completion: 'partly_done',
      reason: '15 min of running instead of 30 min',
    });
    expect(judgeSession([shape([1680], [], { source: 'steady' })], edited, t)?.completion).toBe(
      'completed',
    );
    expect(judgeSession([shape([600, 600], [120])], edited, t)?.reason).toBe(
      'ran 10 + 10 min with 1 walk break of up to 2:00; stage 5 prescribes 30 min without walk breaks',
    );
  });

  it('counts one stop of 45 s as "1 short stop"', () => {
    expect(judge([shape([600, 600], [45])], 5)?.performed).toBe(
      '20 min continuously, with 1 short stop',
    );
  });

  it('says each stretch and the longest walk break: 7 + 7 + 7 min, up to 2:00', () => {
    expect(judge([shape([400, 400, 400], [120, 90])], 5)).toMatchObject({
      performed: '7 min + 7 min + 7 min',
      reason:
        'ran 7 + 7 + 7 min with 2 walk breaks of up to 2:00; stage 5 prescribes 20 min without walk breaks',
    });
  });
});

describe('judgeSession(): fast running at the easy stage 5 (20 min, one run of 1,200 s)', () => {
  const easy = (surges: ShapeBout[]) =>
    judge([shape([1200], [], { source: 'intervals', surges })], 5);

  it('a fast bout of 3:00 ending 5 s before the run ends is a fast finish', () => {
    expect(easy([bout(1015, 180)])?.reason).toBe(
      'a fast finish of 3:00; stage 5 is easy, conversational',
    );
  });

  it('ending 6 s before the run ends, it is a fast interval', () => {
    expect(easy([bout(1014, 180)])).toMatchObject({
      reason: '1 fast interval; stage 5 is easy, conversational',
      intensity: { surges: 1, fastS: 180, finish: false },
    });
  });

  it('a last bout of 45 s is a stride, not a finish, beside an earlier fast interval', () => {
    expect(easy([bout(300, 180), bout(1155, 45)])).toMatchObject({
      reason: '1 stride and 1 fast interval; stage 5 is easy, conversational',
      strides: 1,
      fastBouts: 1,
    });
  });

  it('a fast interval and a fast finish are both said', () => {
    expect(easy([bout(300, 180), bout(1020, 180)])?.reason).toBe(
      '1 fast interval and a fast finish of 3:00; stage 5 is easy, conversational',
    );
  });
});

describe('judgeSession() at the volume stage 7', () => {
  it('an easy 30 min with nothing fast is said as its minutes alone', () => {
    expect(judge([shape([1800], [], { source: 'steady' })], 7)).toMatchObject({
      completion: 'completed',
      performed: '30 min',
      reason: null,
    });
  });
});

describe('judgeSession(): which reading of the session decides (intervals first, then laps)', () => {
  // At stage 1: 10 × 1:00 completes (10 bouts match); 12 × 1:00 is partly done with 12 matching;
  // 5 and 3 bouts are partly done with 5 and 3 matching.
  const read = (source: SessionShape['source'], n: number) =>
    shape(times(n, 60), undefined, { source });

  it('keeps a reading that completes the stage over one with more matching bouts', () => {
    expect(judge([read('intervals', 10), read('laps', 12)], 1)).toMatchObject({
      source: 'intervals',
      completion: 'completed',
    });
  });

  it('keeps the first of two readings that both complete the stage', () => {
    expect(judge([read('intervals', 10), read('laps', 10)], 1)?.source).toBe('intervals');
  });

  it('between two partly done readings, takes the one with more matching bouts', () => {
    expect(judge([read('intervals', 5), read('laps', 3)], 1)?.source).toBe('intervals');
    expect(judge([read('intervals', 3), read('laps', 5)], 1)).toMatchObject({
      source: 'laps',
      reason: '5 of 10 run intervals',
    });
  });

  it('keeps the first of two partly done readings that match as many bouts', () => {
    expect(judge([read('intervals', 3), read('laps', 3)], 1)?.source).toBe('intervals');
  });
});
