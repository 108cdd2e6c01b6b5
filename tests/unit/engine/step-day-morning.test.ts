// The morning of one engine day (science.md §3–§5): yesterday's session is judged on this morning's
// score against the baseline up to yesterday, with yesterday's run measured against the 30 days
// before it and against the stage; a limp fails a stage-0 walk; the stage-1 questions count for 7
// days; today's pain decides today, and after 6 or more the next run waits for a morning back at
// baseline; a break of 7 days or more is named on the card unless a hold explains the day.
// Days from Sun 1 March 2026 (tests/fixtures/engine-days.ts); runs 30 min, 4 km unless said.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import type { CheckIn } from '../../../shared/engine/types.ts';
import { dayOf, runsOn, seriesOf, stepAll, type RunDay } from '../../fixtures/engine-days.ts';

const green = (k: number): CheckIn => ({ date: dayOf(k), painDuring: 1, painAfter: 1 });
const morning = (k: number, painMorning: number): CheckIn => ({ date: dayOf(k), painMorning });
const WALK: RunDay = { runCount: 0, longestRunM: 0, longestRunMovingS: 0, longestWalkMin: 30 };

describe('stepDay(): the session judged this morning', () => {
  it('uses the baseline up to yesterday: 2/10 with 2 mornings known is back (no baseline yet)', () => {
    // Mornings of 1 on days 0, 1 and 3 would make a baseline of 1, but day 3 is after day 2.
    const steps = stepAll(seriesOf(4, runsOn(1)), [
      ...[0, 1, 3].map((k) => ({ date: dayOf(k), painMorning: 1, stiffness: 1 })),
      { date: dayOf(2), painMorning: 2, stiffness: 2 },
      green(1),
    ]);
    const evaluation = steps[2]?.row.progression.evaluation;
    expect(evaluation).toMatchObject({
      outcome: 'completed',
      baselinePain: null,
      backToBaseline: true,
    });
  });

  it('a first run 45 min long at stage 3 (+50 % on the 30-min session) does not count', () => {
    const steps = stepAll(seriesOf(2, { 0: { longestRunMovingS: 2700 } }), [
      green(0),
      morning(1, 1),
    ]);
    expect(steps[1]?.row.progression.evaluation?.outcome).toBe('not_as_prescribed');
  });

  it('at stage 7, a run 15 % longer than the longest of the 30 days before does not count', () => {
    const outcome = (m: number) =>
      stepAll(seriesOf(4, { 0: {}, 2: { longestRunM: m } }), [green(2), morning(3, 1)], {
        stage: 7,
      })[3]?.row.progression.evaluation?.outcome;
    expect(outcome(4600)).toBe('not_as_prescribed');
    expect(outcome(4000)).toBe('completed');
  });

  it('at stage 7, a first run 20 % beyond the session counts: there are no 30 days to grow from', () => {
    const steps = stepAll(
      seriesOf(2, { 0: { longestRunMovingS: 2160 } }),
      [green(0), morning(1, 1)],
      {
        stage: 7,
      },
    );
    expect(steps[1]?.row.progression.evaluation?.outcome).toBe('completed');
  });

  describe('a stage-0 walk of 30 min', () => {
    const outcome = (checkins: CheckIn[]) =>
      stepAll(seriesOf(2, { 0: WALK }), [green(0), morning(1, 1), ...checkins], { stage: 0 })[1]
        ?.row.progression.evaluation?.outcome;

    it('counts without a limp', () => expect(outcome([])).toBe('completed'));
    it('does not count with a limp that day', () =>
      expect(outcome([{ date: dayOf(0), limp: true }])).toBe('not_as_prescribed'));
    it('a limp the next day is not the walk’s', () =>
      expect(outcome([{ date: dayOf(1), limp: true }])).toBe('completed'));
  });
});

describe('stepDay(): the stage-1 questions count for 7 days (science.md §4 "Entry to stage 1")', () => {
  /** Stage 0 completed once; the second walk on day 7, judged on day 8. */
  const day8 = (answeredOn: number) =>
    stepAll(
      seriesOf(9, { 7: WALK }),
      [green(7), morning(8, 1), { date: dayOf(answeredOn), readinessTestPassed: true }],
      {
        stage: 0,
        carry: {
          progression: { stage: 0, completions: 1, stageSince: dayOf(0), noRunBefore: null },
        },
      },
    )[8];

  it('answered 6 days before: stage 1', () => expect(day8(2)?.row.stage).toBe(1));
  it('answered the same morning: stage 1', () => expect(day8(8)?.row.stage).toBe(1));

  it('answered 7 days before: stage 0 holds and the card asks again', () => {
    const day = day8(1);
    expect(day?.row.stage).toBe(0);
    expect(day?.ctx.progressionReasons.map((r) => r.code)).toEqual(['readiness_questions']);
  });
});

describe('stepDay(): today’s pain decides today (science.md §3)', () => {
  it('pain the morning after yesterday’s run, 4/10, is today’s pain', () => {
    const steps = stepAll(seriesOf(2, runsOn(0)), [{ date: dayOf(0), painNextMorning: 4 }]);
    expect(steps[1]?.ctx.todayPain).toEqual({ value: 4, source: 'morning' });
    expect(steps[1]?.row.flags.map((f) => f.code)).toContain('morning_pain_amber');
  });

  it('6/10 at rest: the next run waits for a morning back at baseline (none known yet)', () => {
    const [day] = stepAll(seriesOf(1), [{ date: dayOf(0), painAtRest: 6 }]);
    expect(day?.row.carry.waitingForBaseline).toEqual({ since: dayOf(0), baseline: null });
  });

  it('7/10 after three mornings of 1: waits for a morning of 1 or less', () => {
    const steps = stepAll(seriesOf(4), [
      morning(0, 1),
      morning(1, 1),
      morning(2, 1),
      { date: dayOf(3), painAtRest: 7 },
    ]);
    expect(steps[3]?.row.carry.waitingForBaseline).toEqual({ since: dayOf(3), baseline: 1 });
  });

  it('4/10 at rest (amber) sets no wait', () => {
    const [day] = stepAll(seriesOf(1), [{ date: dayOf(0), painAtRest: 4 }]);
    expect(day?.row.carry.waitingForBaseline).toBeNull();
  });

  describe('the wait after 6/10 on day 0', () => {
    const waiting = { since: dayOf(0), baseline: null };
    const day1 = (checkins: CheckIn[]) =>
      stepAll(seriesOf(2), [{ date: dayOf(0), painAtRest: 6 }, ...checkins])[1]?.ctx
        .waitingForBaseline;

    it('ends on a morning of 2 (green, with no baseline yet)', () =>
      expect(day1([morning(1, 2)])).toBeNull());
    it('goes on after a morning of 3', () => expect(day1([morning(1, 3)])).toEqual(waiting));
    it('goes on without a morning score', () => expect(day1([])).toEqual(waiting));
  });
});

describe('stepDay(): a break named on the card (science.md §4 "After a break")', () => {
  const breakDays = (opts: Parameters<typeof stepAll>[2] = {}, checkins: CheckIn[] = []) =>
    stepAll(seriesOf(10, runsOn(0)), checkins, opts).map((s) => s.ctx.breakDays);

  it('none for 6 days without a run; 7 days, then 8', () => {
    expect(breakDays()).toEqual([null, null, null, null, null, null, null, null, 7, 8]);
  });

  it('none while a red flag holds', () => {
    expect(breakDays({}, [{ date: dayOf(1), nightPain: true }])).toEqual(Array(10).fill(null));
  });

  it('none while the surgery holds, at a stage it keeps', () => {
    // A plan whose first stage is not walking: the surgery hold keeps stage 3.
    const plan = DEFAULT_PLAN.map((s) => (s.stage === 0 ? { ...s, mode: 'walk_run' as const } : s));
    const days = breakDays({ rules: { plan, surgeryDate: '2026-02-20' } });
    expect(days).toEqual(Array(10).fill(null));
  });
});

describe('stepDay(): the reasons of the stage on the card', () => {
  const day1 = (checkins: CheckIn[], opts: Parameters<typeof stepAll>[2] = {}) =>
    stepAll(seriesOf(2, runsOn(0)), checkins, opts)[1];

  it('none on a quiet day', () => expect(day1([])?.ctx.progressionReasons).toEqual([]));

  it('a drop after red pain: the pause, the last of its reasons', () => {
    const day = day1([{ date: dayOf(0), painDuring: 6 }]);
    expect(day?.row.progression.changes.map((c) => c.kind)).toEqual(['drop']);
    expect(day?.ctx.progressionReasons.map((r) => r.code)).toEqual(['pause_running']);
  });

  it('a repeat after amber pain: none (the decision says it)', () => {
    const day = day1([{ date: dayOf(0), painDuring: 4 }]);
    expect(day?.row.progression.changes.map((c) => c.kind)).toEqual(['repeat']);
    expect(day?.ctx.progressionReasons).toEqual([]);
  });

  it('a stage set by hand: its one reason', () => {
    const day = day1([], {
      rules: { manual: new Map([[dayOf(1), { date: dayOf(1), stage: 5, by: 'coach' }]]) },
    });
    expect(day?.ctx.progressionReasons.map((r) => r.code)).toEqual(['manual_stage']);
  });

  it('a break: its one reason', () => {
    const day = stepAll(seriesOf(9, runsOn(0)))[8];
    expect(day?.ctx.progressionReasons.map((r) => r.code)).toEqual(['break']);
  });
});
