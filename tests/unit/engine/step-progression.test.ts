// science.md §4: "Advance only after the current stage has been completed at least twice …",
// "Amber …: the next run repeats the stage", "Red, or not back to baseline next morning: drop one
// stage and wait at least 3 days before running again", entry to stage 1 asks its questions, a
// rising 7-day pain trend holds progression (§3), and "a coach or clinician can edit … the stage".
// Each change carries the reasons the runner reads.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import {
  evaluateSession,
  stepProgression,
  type StepContext,
} from '../../../shared/engine/progression.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { ManualStageSetting, ProgressionState } from '../../../shared/engine/types.ts';
import { facts, walkFacts } from '../../fixtures/session-facts.ts';

const t = DEFAULT_THRESHOLDS;
const free: StepContext = {
  readinessPassed: true,
  painTrendRising: false,
  redFlagHold: false,
  surgeryHold: false,
};
const s2: ProgressionState = {
  stage: 2,
  completions: 1,
  stageSince: '2026-02-20',
  noRunBefore: null,
};
const red = evaluateSession(facts({ painAfter: 6 }), t);
const completed = evaluateSession(facts(), t);
/** The morning of Thu 5 March 2026. */
const step = (
  state: ProgressionState,
  ev: ReturnType<typeof evaluateSession> | null,
  ctx: Partial<StepContext> = {},
  manual?: ManualStageSetting,
) => stepProgression(state, '2026-03-05', ev, manual, { ...free, ...ctx }, DEFAULT_PLAN, t);

describe('stepProgression() on a drop', () => {
  it('keeps the date of stage 0 when there is no stage below it', () => {
    const r = step({ ...s2, stage: 0 }, evaluateSession(walkFacts({ painAfter: 7 }), t));
    expect(r.state).toMatchObject({ stage: 0, stageSince: '2026-02-20' });
  });

  it('keeps a longer pause that already stands, and replaces a shorter one', () => {
    // a drop on 03-05 pauses running for 3 days: 03-05, 03-06, 03-07; runs again from 03-08
    expect(step({ ...s2, noRunBefore: '2026-03-10' }, red).state.noRunBefore).toBe('2026-03-10');
    expect(step({ ...s2, noRunBefore: '2026-03-06' }, red).state.noRunBefore).toBe('2026-03-08');
  });

  it('names the pause and the first day of running again', () => {
    expect(step(s2, red).changes[0]?.reasons.at(-1)).toEqual({
      code: 'pause_running',
      message:
        'No running for 3 days after a stage drop: the next run on Sun 8 Mar at the earliest.',
      value: '2026-03-08',
      rule: 'progression',
    });
  });
});

describe('stepProgression() on amber and completed sessions', () => {
  it('records the repeat of the stage by the engine, with the amber reason', () => {
    const amber = evaluateSession(facts({ painDuring: 4 }), t);
    expect(step(s2, amber).changes).toEqual([
      {
        date: '2026-03-05',
        fromStage: 2,
        toStage: 2,
        kind: 'repeat',
        by: 'engine',
        reasons: amber.reasons,
      },
    ]);
  });

  it('holds only stage 0 while a surgery hold stands', () => {
    const r = step(s2, completed, { surgeryHold: true });
    expect(r.state).toMatchObject({ stage: 3, completions: 0 });
  });

  it('says why the stage holds while the pain trend rises', () => {
    expect(step(s2, completed, { painTrendRising: true }).notes).toEqual([
      {
        code: 'hold_pain_trend',
        message: 'Stage 2 holds: {your} average pain is rising, even if each score is green.',
        rule: 'pain-trend',
      },
    ]);
  });

  it('asks the stage-1 entry questions before leaving stage 0', () => {
    const walk = evaluateSession(walkFacts(), t);
    const r = step({ ...s2, stage: 0 }, walk, { readinessPassed: false });
    // science.md §4 "Entry to stage 1": a pain-free 15-min walk, 10 single-leg squats and 10
    // lateral step-downs without pain
    expect(r.notes).toEqual([
      {
        code: 'readiness_questions',
        message: expect.stringMatching(
          /15 min.*10 single-leg squats and 10 lateral step-downs without pain/,
        ),
        rule: 'progression',
      },
    ]);
  });

  it('names the count and the new stage on an advance', () => {
    expect(step(s2, completed).changes[0]?.reasons.at(-1)).toEqual({
      code: 'advance',
      message:
        'Stage 2 completed 2 times with green pain and mornings at {your} usual level: now stage 3.',
      value: 2,
      rule: 'progression',
    });
  });
});

describe('stepProgression() with a stage set by hand', () => {
  it('says who set it, and the note when there is one', () => {
    const byRunner = step(s2, null, {}, { date: '2026-03-05', stage: 1, by: 'runner' });
    expect(byRunner.changes).toEqual([
      {
        date: '2026-03-05',
        fromStage: 2,
        toStage: 1,
        kind: 'manual',
        by: 'runner',
        reasons: [
          {
            code: 'manual_stage',
            message: 'Stage set to 1 by {you}.',
            value: 1,
            rule: 'progression',
          },
        ],
      },
    ]);
    const byClinician = step(s2, null, {}, { date: '2026-03-05', stage: 4, by: 'clinician' });
    expect(byClinician.changes[0]?.reasons[0]?.message).toBe('Stage set to 4 by {your} clinician.');
  });
});
