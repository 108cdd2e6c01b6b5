// One morning of the progression with its holds (science.md §4–§5), in the order stepMorning()
// applies them: red flags reported today join the hold, a clearance dated today ends it at the
// clinician's stage (else one stage below the stage before the flag); a stage set by hand during a
// hold is where the runner restarts; the surgery hold keeps a running stage at walking; the break
// rule (up to 6 days no change, 7–13 one stage back, 14–27 two) counts from the last run and never
// runs during a hold. Dates worked by hand: Tue 10 March 2026; the surgery on Mon 2 March 2026, so
// week 10 begins on Mon 11 May 2026.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { stepMorning, type MorningInput } from '../../../shared/engine/morning-step.ts';
import type { SessionEvaluation, SessionOutcome } from '../../../shared/engine/progression.ts';
import type { RedFlagHold } from '../../../shared/engine/red-flag-hold.ts';
import { surgeryStatusOn } from '../../../shared/engine/surgery-hold.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { Clearance, ProgressionState } from '../../../shared/engine/types.ts';

const t = DEFAULT_THRESHOLDS;
const TODAY = '2026-03-10';
const SURGERY = '2026-03-02';

const state = (stage: number, over: Partial<ProgressionState> = {}): ProgressionState => ({
  stage,
  completions: 0,
  stageSince: '2026-03-01',
  noRunBefore: null,
  ...over,
});

/** The evaluation of yesterday's run, as evaluateSession() would give it. */
const evaluation = (outcome: SessionOutcome): SessionEvaluation => ({
  sessionDate: '2026-03-09',
  outcome,
  baselinePain: null,
  baselineStiffness: null,
  reasons: [{ code: `session_${outcome}`, message: outcome, rule: 'progression' }],
});

/** Night pain reported on Sun 8 Mar at stage 3: the runner restarts at stage 2 by default. */
const HOLD: RedFlagHold = {
  since: '2026-03-08',
  flags: [{ code: 'nightPain', date: '2026-03-08' }],
  restartStage: 2,
};

const cleared = (stage: number | undefined, by: Clearance['by'] = 'coach'): Clearance => ({
  date: TODAY,
  by,
  ...(stage === undefined ? {} : { stage }),
});

/** Stage 3 on Tue 10 Mar, a run yesterday, nothing else. */
function morning(over: Partial<MorningInput> = {}): MorningInput {
  const date = over.date ?? TODAY;
  return {
    date,
    plan: DEFAULT_PLAN,
    previous: state(3),
    evaluation: null,
    manual: undefined,
    readinessPassed: false,
    painTrendRising: false,
    redFlagHold: null,
    reportedRedFlags: [],
    clearance: undefined,
    surgery: surgeryStatusOn(date, null, [], t),
    breakRef: { date: '2026-03-09', stage: 3 },
    ...over,
  };
}

describe('stepMorning(): the progression and its order', () => {
  it('a quiet morning after yesterday’s run changes nothing', () => {
    const step = stepMorning(morning(), t);
    expect(step).toEqual({
      state: state(3),
      changes: [],
      notes: [],
      redFlagHold: null,
      breakRef: { date: '2026-03-09', stage: 3 },
    });
  });

  it('stage 0 completed a second time with the stage-1 questions answered: stage 1, counted from today', () => {
    const step = stepMorning(
      morning({
        previous: state(0, { completions: 1 }),
        evaluation: evaluation('completed'),
        readinessPassed: true,
        breakRef: { date: '2026-03-09', stage: 0 },
      }),
      t,
    );
    expect(step.state).toEqual({ stage: 1, completions: 0, stageSince: TODAY, noRunBefore: null });
    expect(step.changes.map((c) => c.kind)).toEqual(['advance']);
    expect(step.breakRef).toEqual({ date: TODAY, stage: 1 });
  });
});

describe('stepMorning(): red-flag holds (science.md §5 rule 1)', () => {
  it('a hold already standing: red pain drops no stage, and no break is counted', () => {
    const step = stepMorning(
      morning({
        redFlagHold: HOLD,
        evaluation: evaluation('red'),
        // 17 days without a run would be two stages back without the hold.
        breakRef: { date: '2026-02-21', stage: 3 },
      }),
      t,
    );
    expect(step.state).toEqual(state(3));
    expect(step.changes).toEqual([]);
    expect(step.redFlagHold).toEqual(HOLD);
    expect(step.breakRef).toEqual({ date: '2026-02-21', stage: 3 });
  });

  it('a red flag reported this morning holds already: red pain drops no stage, restart one below', () => {
    const step = stepMorning(
      morning({ reportedRedFlags: ['givingWay'], evaluation: evaluation('red') }),
      t,
    );
    expect(step.state).toEqual(state(3));
    expect(step.changes).toEqual([]);
    expect(step.redFlagHold).toEqual({
      since: TODAY,
      flags: [{ code: 'givingWay', date: TODAY }],
      restartStage: 2,
    });
  });

  it('a stage set by hand during the hold is where the runner restarts', () => {
    const step = stepMorning(
      morning({ redFlagHold: HOLD, manual: { date: TODAY, stage: 5, by: 'coach' } }),
      t,
    );
    expect(step.redFlagHold).toEqual({ ...HOLD, restartStage: 5 });
    expect(step.state.stage).toBe(5);
  });

  it('a clearance dated today ends the hold at the stage the clinician named', () => {
    const step = stepMorning(morning({ redFlagHold: HOLD, clearance: cleared(4) }), t);
    expect(step.redFlagHold).toBeNull();
    expect(step.state).toEqual({ stage: 4, completions: 0, stageSince: TODAY, noRunBefore: null });
    expect(step.changes).toEqual([
      {
        date: TODAY,
        fromStage: 3,
        toStage: 4,
        kind: 'clearance',
        by: 'coach',
        reasons: [
          {
            code: 'cleared',
            message: 'A clinician cleared running on Tue 10 Mar: restart at stage 4.',
            value: 4,
            rule: 'clearance',
          },
        ],
      },
    ]);
    expect(step.breakRef).toEqual({ date: TODAY, stage: 4 });
  });

  it('a session run during the hold changes nothing, even on the morning it is cleared', () => {
    const step = stepMorning(
      morning({ redFlagHold: HOLD, clearance: cleared(4), evaluation: evaluation('red') }),
      t,
    );
    expect(step.state).toEqual({ stage: 4, completions: 0, stageSince: TODAY, noRunBefore: null });
    expect(step.changes.map((c) => c.kind)).toEqual(['clearance']);
  });

  it('a clearance naming no stage restarts one stage below the stage before the flag', () => {
    const step = stepMorning(morning({ redFlagHold: HOLD, clearance: cleared(undefined) }), t);
    expect(step.state.stage).toBe(2);
    expect(step.changes[0]?.toStage).toBe(2);
  });

  it('a clearance naming a stage beyond the plan restarts at its last stage, 8', () => {
    const step = stepMorning(morning({ redFlagHold: HOLD, clearance: cleared(12) }), t);
    expect(step.state.stage).toBe(8);
  });

  it('a clearance with nothing to clear changes nothing', () => {
    const step = stepMorning(morning({ clearance: cleared(1, 'runner') }), t);
    expect(step.state).toEqual(state(3));
    expect(step.changes).toEqual([]);
  });
});

describe('stepMorning(): the surgery hold (science.md §4 "After surgery")', () => {
  const held = () => surgeryStatusOn(TODAY, SURGERY, [], t);

  it('a running stage goes back to walking, by the engine, with the surgery as its reason', () => {
    const step = stepMorning(morning({ surgery: held() }), t);
    expect(step.state).toEqual({ stage: 0, completions: 0, stageSince: TODAY, noRunBefore: null });
    expect(step.changes).toHaveLength(1);
    expect(step.changes[0]).toMatchObject({ fromStage: 3, toStage: 0, kind: 'hold', by: 'engine' });
    expect(step.changes[0]?.reasons.map((r) => r.code)).toEqual(['surgery_hold']);
  });

  it('stage 0 completed twice does not advance, and walking is not set again', () => {
    const step = stepMorning(
      morning({
        surgery: held(),
        previous: state(0, { completions: 1 }),
        evaluation: evaluation('completed'),
        readinessPassed: true,
        breakRef: { date: '2026-03-09', stage: 0 },
      }),
      t,
    );
    expect(step.state).toEqual(state(0, { completions: 2 }));
    expect(step.changes).toEqual([]);
  });

  it('a plan whose first stage is not walking keeps the stage, and no break is counted', () => {
    const plan = DEFAULT_PLAN.map((s) => (s.stage === 0 ? { ...s, mode: 'walk_run' as const } : s));
    const step = stepMorning(
      morning({ plan, surgery: held(), breakRef: { date: '2026-02-21', stage: 3 } }),
      t,
    );
    expect(step.state).toEqual(state(3));
    expect(step.changes).toEqual([]);
    expect(step.breakRef).toEqual({ date: '2026-02-21', stage: 3 });
  });

  it('a clearance naming stage 2 lifts the hold today: restart at stage 2, by whoever recorded it', () => {
    const date = '2026-04-06';
    const clearance: Clearance = { date, stage: 2, by: 'runner' };
    const surgery = surgeryStatusOn(date, SURGERY, [clearance], t);
    expect(surgery.liftedToday).toEqual({ stage: 2 });
    const step = stepMorning(
      morning({ date, previous: state(0), surgery, clearance, breakRef: { date, stage: 0 } }),
      t,
    );
    expect(step.state.stage).toBe(2);
    expect(step.changes).toMatchObject([
      { fromStage: 0, toStage: 2, kind: 'clearance', by: 'runner' },
    ]);
  });

  it('a clearance without a stage on the first day of week 10 lifts the hold but sets no stage', () => {
    const date = '2026-05-11';
    const clearance: Clearance = { date, by: 'coach' };
    const surgery = surgeryStatusOn(date, SURGERY, [clearance], t);
    expect(surgery.liftedToday).toEqual({ stage: null });
    const step = stepMorning(
      morning({ date, previous: state(0), surgery, clearance, breakRef: { date, stage: 0 } }),
      t,
    );
    expect(step.state).toEqual(state(0));
    expect(step.changes).toEqual([]);
  });
});

describe('stepMorning(): the break rule (science.md §4 "After a break")', () => {
  // The last run on Tue 3 Mar at stage 3.
  const lastRun = { date: '2026-03-03', stage: 3 };

  it('6 days without a run (4–9 Mar): no change', () => {
    const step = stepMorning(morning({ breakRef: lastRun }), t);
    expect(step.state).toEqual(state(3));
    expect(step.changes).toEqual([]);
    expect(step.breakRef).toEqual(lastRun);
  });

  it('7 days without a run: one stage back, and the break still counts from the last run', () => {
    const step = stepMorning(morning({ date: '2026-03-11', breakRef: lastRun }), t);
    expect(step.state).toEqual({
      stage: 2,
      completions: 0,
      stageSince: '2026-03-11',
      noRunBefore: null,
    });
    expect(step.changes).toEqual([
      {
        date: '2026-03-11',
        fromStage: 3,
        toStage: 2,
        kind: 'break',
        by: 'engine',
        reasons: [
          {
            code: 'break',
            message: '7 days without a run: one stage back, to stage 2.',
            value: 7,
            rule: 'break',
          },
        ],
      },
    ]);
    expect(step.breakRef).toEqual(lastRun);
  });

  it('14 days without a run: two stages back from the stage the break began at', () => {
    const step = stepMorning(
      morning({ date: '2026-03-18', previous: state(2), breakRef: lastRun }),
      t,
    );
    expect(step.state.stage).toBe(1);
    expect(step.changes.map((c) => [c.kind, c.fromStage, c.toStage])).toEqual([['break', 2, 1]]);
  });

  it('an amber session (a repeat) is no run: the break still counts', () => {
    const step = stepMorning(
      morning({ date: '2026-03-11', evaluation: evaluation('amber'), breakRef: lastRun }),
      t,
    );
    expect(step.changes.map((c) => c.kind)).toEqual(['repeat', 'break']);
    expect(step.state.stage).toBe(2);
  });

  it('a stage set by hand restarts the count from today', () => {
    const step = stepMorning(
      morning({
        date: '2026-03-11',
        manual: { date: '2026-03-11', stage: 4, by: 'runner' },
        breakRef: lastRun,
      }),
      t,
    );
    expect(step.state.stage).toBe(4);
    expect(step.changes.map((c) => c.kind)).toEqual(['manual']);
    expect(step.breakRef).toEqual({ date: '2026-03-11', stage: 4 });
  });
});
