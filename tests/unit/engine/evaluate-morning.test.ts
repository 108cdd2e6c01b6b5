// science.md §3: a session is judged the morning after, on that morning's score; "when the
// morning-after score is missing, the first morning score within 3 days decides it", else the
// session stays unrated.
import { describe, expect, it } from 'vitest';
import { emptyDailyLoad } from '../../../shared/engine/compute-daily-series.ts';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { evaluateMorning, type MorningFacts } from '../../../shared/engine/evaluate-morning.ts';
import { baselineOf } from '../../../shared/engine/morning-baseline.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';

const t = DEFAULT_THRESHOLDS;
const stage3 = DEFAULT_PLAN[3] as StageDefinition; // 30 min walk-run
const baseline1 = baselineOf([1, 1, 1], [], t);

/** Monday's 30-min walk-run with pain 2 during; Tuesday's morning. */
function tuesday(over: Partial<MorningFacts> = {}): MorningFacts {
  const monday = { ...emptyDailyLoad('2026-03-09'), runCount: 1, longestRunMovingS: 30 * 60 };
  return {
    date: '2026-03-10',
    plan: DEFAULT_PLAN,
    stage: stage3,
    yesterday: monday,
    yesterdaySession: { painDuring: 2 },
    yesterdayLimp: false,
    bands: { spikeBand: 'ok', beyondBand: 'ok' },
    morningPain: 1,
    morningStiffness: undefined,
    baselinePain: baseline1,
    baselineStiffness: baseline1,
    awaiting: null,
    ...over,
  };
}

describe('evaluateMorning', () => {
  it("green pain and back to the usual 1/10: Monday's session is completed", () => {
    const r = evaluateMorning(tuesday(), t);
    expect(r.evaluation?.outcome).toBe('completed');
    expect(r.evaluation?.sessionDate).toBe('2026-03-09');
    expect(r.awaiting).toBeNull();
  });

  it('no score on Tuesday: unrated for now, and waiting for a later morning', () => {
    const r = evaluateMorning(tuesday({ morningPain: undefined }), t);
    expect(r.evaluation?.outcome).toBe('unrated');
    expect(r.awaiting).toMatchObject({ sessionDate: '2026-03-09', stage: 3 });
    // Thursday (3 mornings after Monday) says 4/10: not back to the usual 1/10.
    const late = evaluateMorning(
      tuesday({
        date: '2026-03-12',
        yesterday: emptyDailyLoad('2026-03-11'),
        yesterdaySession: undefined,
        morningPain: 4,
        awaiting: r.awaiting,
      }),
      t,
    );
    expect(late.evaluation).toMatchObject({
      sessionDate: '2026-03-09',
      outcome: 'not_back_to_baseline',
    });
    expect(late.awaiting).toBeNull();
  });

  it('a score 4 mornings after the session is too late: the session is dropped', () => {
    const { awaiting } = evaluateMorning(tuesday({ morningPain: undefined }), t);
    const r = evaluateMorning(
      tuesday({
        date: '2026-03-13',
        yesterday: emptyDailyLoad('2026-03-12'),
        yesterdaySession: undefined,
        morningPain: 4,
        awaiting,
      }),
      t,
    );
    expect(r).toEqual({ evaluation: null, awaiting: null });
  });

  it("nothing on the history's first day", () => {
    expect(evaluateMorning(tuesday({ yesterday: undefined }), t)).toEqual({
      evaluation: null,
      awaiting: null,
    });
  });
});
