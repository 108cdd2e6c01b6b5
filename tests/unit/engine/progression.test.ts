// science.md §4 "Return-to-run progression": the stage table, "Advance only after the current stage
// has been completed at least twice with pain green during and after, back to baseline next
// morning", "Amber during or after a run: … the next run repeats the stage", "Red, or not back to
// baseline next morning: drop one stage and wait at least 3 days before running again", "A run
// beyond the stage" (never counts as completing it), and a stage set by a coach.
import { describe, expect, it } from 'vitest';
import { baselineOf } from '../../../shared/engine/morning-baseline.ts';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import {
  evaluateSession,
  stepProgression,
  type SessionFacts,
} from '../../../shared/engine/progression.ts';
import { validatePlan } from '../../../shared/engine/validate-plan.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { ProgressionState } from '../../../shared/engine/types.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { facts, stage, usual, walkFacts } from '../../fixtures/session-facts.ts';

const t = DEFAULT_THRESHOLDS;

describe('DEFAULT_PLAN', () => {
  it('is the 9-stage table of science.md §4', () => {
    expect(DEFAULT_PLAN.map((s) => [s.stage, s.runMin, s.walkMin, s.repeats, s.totalMin])).toEqual([
      [0, 0, 30, 1, 30],
      [1, 1, 2, 10, 30], // 10 × (1 + 2) = 30
      [2, 2, 2, 8, 32], // 8 × (2 + 2) = 32
      [3, 3, 2, 6, 30], // 6 × (3 + 2) = 30
      [4, 4, 1, 5, 25], // 5 × (4 + 1) = 25
      [5, 20, 0, 1, 20],
      [6, 30, 0, 1, 30],
      [7, 30, 0, 1, 30],
      [8, 30, 0, 1, 30],
    ]);
    for (const s of DEFAULT_PLAN) {
      if (s.mode === 'walk_run') expect(s.repeats * (s.runMin + s.walkMin)).toBe(s.totalMin);
      expect(s.noConsecutiveDays).toBe(s.stage >= 1 && s.stage <= 6);
      expect(s.minCompletions).toBeGreaterThanOrEqual(2);
    }
    expect(() => validatePlan(DEFAULT_PLAN)).not.toThrow();
  });

  it('rejects a plan whose stages are not numbered in order', () => {
    expect(() => validatePlan([stage(1)])).toThrow(BadInputError);
    expect(() => validatePlan([])).toThrow(/no stages/);
  });
});

describe('evaluateSession()', () => {
  it.each([
    ['completed', {}],
    ['red', { painAfter: 6 }],
    ['red', { painDuring: 7, nextMorningPain: 0 }],
    ['not_back_to_baseline', { nextMorningPain: 3 }], // 3 > baseline 1
    ['not_back_to_baseline', { nextMorningStiffness: 4 }], // stiffness 4 > baseline 1
    ['completed', { nextMorningPain: 2, baselinePain: usual(2) }], // back to the own baseline of 2
    ['completed', { nextMorningPain: 2, baselinePain: baselineOf([], [], t) }], // no baseline yet: green counts
    ['not_back_to_baseline', { nextMorningPain: 3, baselinePain: baselineOf([], [], t) }],
    ['completed', { beyondBand: 'caution' }], // 10–30 % beyond: flagged, still counts
    ['not_as_prescribed', { beyondBand: 'high' }], // more than 30 % beyond the prescription
    ['not_as_prescribed', { beyondBand: 'very_high' }],
    ['amber', { painDuring: 3 }],
    ['amber', { painAfter: 5 }],
    ['unrated', { painDuring: undefined, painAfter: undefined }],
    ['unrated', { nextMorningPain: undefined, nextMorningStiffness: undefined }],
    ['not_as_prescribed', { longestRunMovingS: 20 * 60 }], // 20 < 0.9 × 32 = 28.8 min
    ['completed', { longestRunMovingS: 29 * 60 }], // 29 ≥ 28.8
  ] as const)('is %s for %j', (outcome, over) => {
    expect(evaluateSession(facts(over as Partial<SessionFacts>), t).outcome).toBe(outcome);
  });

  it('puts red pain before a missed baseline and a missed baseline before amber', () => {
    expect(evaluateSession(facts({ painAfter: 8, nextMorningPain: 5 }), t).outcome).toBe('red');
    expect(evaluateSession(facts({ painAfter: 4, nextMorningPain: 5 }), t).outcome).toBe(
      'not_back_to_baseline',
    );
  });

  it('counts a stage-0 walk of 27+ min without a limp, and not a run', () => {
    const walk = walkFacts();
    expect(evaluateSession(walk, t).outcome).toBe('completed');
    expect(evaluateSession({ ...walk, limp: true }, t).outcome).toBe('not_as_prescribed');
    expect(evaluateSession({ ...walk, runCount: 1, longestRunMovingS: 600 }, t).outcome).toBe(
      'not_as_prescribed',
    );
  });

  it('counts a stage-7 run only when its spike is ok (≤10 %)', () => {
    expect(evaluateSession(facts({ stage: stage(7), spikeBand: 'caution' }), t).outcome).toBe(
      'not_as_prescribed',
    );
    expect(evaluateSession(facts({ stage: stage(7), spikeBand: 'ok' }), t).outcome).toBe(
      'completed',
    );
  });

  it('gives a reason with the numbers', () => {
    const r = evaluateSession(facts({ painAfter: 7 }), t);
    expect(r.reasons[0]).toMatchObject({ code: 'pain_red', value: 7 });
  });
});

describe('stepProgression()', () => {
  const s2: ProgressionState = {
    stage: 2,
    completions: 0,
    stageSince: '2026-03-01',
    noRunBefore: null,
  };
  const ctx = {
    readinessPassed: true,
    painTrendRising: false,
    redFlagHold: false,
    surgeryHold: false,
  };
  const completed = evaluateSession(facts(), t);

  it('advances after the second completed session, recording the reasons', () => {
    const one = stepProgression(s2, '2026-03-03', completed, undefined, ctx, DEFAULT_PLAN, t);
    expect(one.state).toMatchObject({ stage: 2, completions: 1 });
    expect(one.changes).toEqual([]);
    const two = stepProgression(
      one.state,
      '2026-03-05',
      completed,
      undefined,
      ctx,
      DEFAULT_PLAN,
      t,
    );
    expect(two.state).toEqual({
      stage: 3,
      completions: 0,
      stageSince: '2026-03-05',
      noRunBefore: null,
    });
    expect(two.changes).toEqual([
      expect.objectContaining({
        date: '2026-03-05',
        fromStage: 2,
        toStage: 3,
        kind: 'advance',
        by: 'engine',
      }),
    ]);
    expect(two.changes[0]?.reasons.map((r) => r.code)).toEqual(['session_completed', 'advance']);
  });

  it('repeats the stage on amber: completed sessions start again', () => {
    const amber = evaluateSession(facts({ painAfter: 4 }), t);
    const r = stepProgression(
      { ...s2, completions: 1 },
      '2026-03-05',
      amber,
      undefined,
      ctx,
      DEFAULT_PLAN,
      t,
    );
    expect(r.state).toMatchObject({ stage: 2, completions: 0 });
    expect(r.changes[0]).toMatchObject({ kind: 'repeat', fromStage: 2, toStage: 2 });
  });

  it('drops one stage and pauses running for 3 days on red pain or a missed baseline', () => {
    for (const ev of [
      evaluateSession(facts({ painAfter: 6 }), t),
      evaluateSession(facts({ nextMorningPain: 4 }), t),
    ]) {
      const r = stepProgression(
        { ...s2, completions: 1 },
        '2026-03-05',
        ev,
        undefined,
        ctx,
        DEFAULT_PLAN,
        t,
      );
      // evaluated the morning of 03-05: no running 03-05, 03-06, 03-07; next run 03-08 at the earliest
      expect(r.state).toEqual({
        stage: 1,
        completions: 0,
        stageSince: '2026-03-05',
        noRunBefore: '2026-03-08',
      });
      expect(r.changes[0]).toMatchObject({ kind: 'drop', fromStage: 2, toStage: 1 });
      expect(r.changes[0]?.reasons.at(-1)).toMatchObject({
        code: 'pause_running',
        value: '2026-03-08',
      });
    }
  });

  it('stays at stage 0 on a drop from stage 0', () => {
    const r = stepProgression(
      { ...s2, stage: 0 },
      '2026-03-05',
      evaluateSession(facts({ stage: stage(0), painAfter: 6 }), t),
      undefined,
      ctx,
      DEFAULT_PLAN,
      t,
    );
    expect(r.state.stage).toBe(0);
    expect(r.state.noRunBefore).toBe('2026-03-08');
  });

  it('holds stage 0 until the stage-1 entry questions are answered', () => {
    const walk = evaluateSession(walkFacts(), t);
    const r = stepProgression(
      { ...s2, stage: 0, completions: 1 },
      '2026-03-05',
      walk,
      undefined,
      { ...ctx, readinessPassed: false },
      DEFAULT_PLAN,
      t,
    );
    expect(r.state.stage).toBe(0);
    expect(r.notes[0]?.code).toBe('readiness_questions');
  });

  it('holds while the 7-day pain trend rises', () => {
    const r = stepProgression(
      { ...s2, completions: 1 },
      '2026-03-05',
      completed,
      undefined,
      { ...ctx, painTrendRising: true },
      DEFAULT_PLAN,
      t,
    );
    expect(r.state.stage).toBe(2);
    expect(r.notes[0]?.code).toBe('hold_pain_trend');
  });

  it('never advances past the last stage', () => {
    const r = stepProgression(
      { ...s2, stage: 8, completions: 5 },
      '2026-03-05',
      evaluateSession(facts({ stage: stage(8) }), t),
      undefined,
      ctx,
      DEFAULT_PLAN,
      t,
    );
    expect(r.state.stage).toBe(8);
    expect(r.changes).toEqual([]);
  });

  it('honours a stage set by a coach, after the morning evaluation, keeping a pause', () => {
    const red = evaluateSession(facts({ painAfter: 6 }), t);
    const r = stepProgression(
      s2,
      '2026-03-05',
      red,
      { date: '2026-03-05', stage: 4, by: 'coach', note: 'seen in clinic' },
      ctx,
      DEFAULT_PLAN,
      t,
    );
    expect(r.state).toEqual({
      stage: 4,
      completions: 0,
      stageSince: '2026-03-05',
      noRunBefore: '2026-03-08',
    });
    expect(r.changes.map((c) => [c.kind, c.by, c.toStage])).toEqual([
      ['drop', 'engine', 1],
      ['manual', 'coach', 4],
    ]);
    expect(r.changes[1]?.reasons[0]?.message).toMatch(/coach: seen in clinic/);
  });

  it('changes nothing on a session evaluated while a red flag stands, whatever its outcome', () => {
    for (const ev of [completed, evaluateSession(facts({ painAfter: 7 }), t)]) {
      const r = stepProgression(
        { ...s2, completions: 1 },
        '2026-03-05',
        ev,
        undefined,
        { ...ctx, redFlagHold: true },
        DEFAULT_PLAN,
        t,
      );
      expect(r.state).toEqual({ ...s2, completions: 1 });
      expect(r.changes).toEqual([]);
    }
  });

  it('keeps stage 0 after surgery until the hold ends, however many walks are completed', () => {
    const walk = evaluateSession(walkFacts(), t);
    const r = stepProgression(
      { ...s2, stage: 0, completions: 5 },
      '2026-03-05',
      walk,
      undefined,
      { ...ctx, surgeryHold: true },
      DEFAULT_PLAN,
      t,
    );
    expect(r.state.stage).toBe(0);
    expect(r.changes).toEqual([]);
  });
});
