// Day-by-day stories of the daily loop, one per rule of ../shared/science.md that the engine once
// broke. Each expected day is worked out in a comment from the clause named in the title.
import { describe, expect, it } from 'vitest';
import type { TodayDecision } from '../../../shared/engine/run-engine.ts';
import { addDays, type LocalDate } from '../../../shared/local-date.ts';
import { ScenarioBuilder } from '../../fixtures/engine-scenarios.ts';

const MON = '2026-03-02'; // a Monday
const day = (k: number): LocalDate => addDays(MON, k);
const NO_RUN = ['cross_train', 'strength', 'rest'];
const RUNS = ['run', 'run_modified'];
const codes = (xs: Array<{ code: string }>) => xs.map((x) => x.code);
const on = (b: ScenarioBuilder, k: number): TodayDecision => b.engine(day(k)).today;

describe('§3 "Which day a score belongs to": painMorning is read on its own day', () => {
  it('6/10 this morning, after yesterday’s run: rest today, stage drops, and the run waits for a morning at baseline', () => {
    // Stage 5 set on Mon; three green mornings (1/10) Mon–Wed make the baseline 1; run on Wed.
    const b = new ScenarioBuilder(undefined, {
      manualStages: [{ date: day(0), stage: 5, by: 'runner' }],
    });
    for (const k of [0, 1, 2]) b.checkin(day(k), { painMorning: 1 });
    b.run(day(2), { minutes: 20 });
    b.checkin(day(2), { painDuring: 1, painAfter: 2 });
    // Thu: "pain this morning" 6, logged on Thu.
    b.checkin(day(3), { painMorning: 6 });
    const thu = on(b, 3);
    expect(thu.recommendation.action).toBe('rest');
    expect(thu.stage).toBe(4); // not back to baseline the morning after: one stage back
    expect(codes(thu.recommendation.reasons)).toEqual(
      expect.arrayContaining(['not_back_to_baseline', 'morning_pain_red']),
    );
    // Fri–Sat: the 3-day pause (Thu, Fri, Sat); Sun: no morning score yet → still waiting.
    expect(NO_RUN).toContain(on(b, 6).recommendation.action);
    expect(codes(on(b, 6).recommendation.reasons)).toContain('waiting_for_baseline');
    // Mon: back at 1/10 → the stage-4 session.
    b.checkin(day(7), { painMorning: 1 });
    expect(on(b, 7)).toMatchObject({ stage: 4, recommendation: { action: 'run' } });
  });

  it('a morning score with no run before it still counts as today’s pain', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 6 });
    b.checkin(day(0), { painMorning: 1 });
    b.checkin(day(1), { painMorning: 7 });
    const t = on(b, 1);
    expect(t.recommendation.action).toBe('rest');
    expect(t.recommendation.reasons[0]).toMatchObject({ code: 'morning_pain_red', value: 7 });
    expect(t.stage).toBe(6); // no session, so no stage drop — but no run either
    expect(t.flags.find((f) => f.code === 'morning_pain_red')?.value).toBe(7);
    // and the next run waits for a morning back at baseline: none tomorrow in the plan
    expect(RUNS).not.toContain(t.plan[1]?.action);
  });

  it('a morning score two days after the last run is that run’s morning after', () => {
    // Stage 4, run Mon; no score Tue; Wed painMorning 4 (> green, no baseline yet): the Mon run
    // was too much → stage 3 on Wed.
    const b = new ScenarioBuilder(undefined, { startStage: 4 });
    b.run(day(0), { minutes: 25 });
    b.checkin(day(0), { painDuring: 1, painAfter: 1 });
    b.checkin(day(2), { painMorning: 4 });
    const wed = b.engine(day(2));
    expect(wed.today.stage).toBe(3);
    expect(wed.stageChanges.at(-1)).toMatchObject({ date: day(2), kind: 'drop', fromStage: 4 });
  });

  it('keeps painNextMorning’s meaning: the morning after its own day', () => {
    // 5 logged on Mon as "the morning after" Mon's run describes Tue's morning.
    const b = new ScenarioBuilder(undefined, { startStage: 5 });
    b.run(day(0), { minutes: 20 });
    b.checkin(day(0), { painDuring: 1, painAfter: 1, painNextMorning: 5 });
    expect(on(b, 0).recommendation.action).toBe('run');
    expect(on(b, 1).stage).toBe(4);
  });
});

describe('§4: "Amber during or after a run: no run the next day, and the next run repeats the stage"', () => {
  it('day by day at stage 5', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 5 });
    for (let k = 0; k < 6; k++) b.checkin(day(k), { painMorning: 1 });
    b.run(day(0), { minutes: 20 });
    b.checkin(day(0), { painDuring: 4, painAfter: 3 });
    const tue = on(b, 1);
    expect(NO_RUN).toContain(tue.recommendation.action);
    expect(tue.recommendation.reasons[0]?.code).toBe('pain_amber');
    // Wed: the next run, at the same stage
    expect(on(b, 2)).toMatchObject({ stage: 5, recommendation: { action: 'run' } });
  });
});

describe('§4 "After a break": 7–13 days one stage back, 14–27 two, 28+ back to stage 1', () => {
  // Stage 6 runner; last run on Mon (day 0), then nothing but mornings.
  const b = new ScenarioBuilder(undefined, { startStage: 6 });
  b.run(day(0), { minutes: 30 });
  b.checkin(day(0), { painDuring: 1, painAfter: 1 });
  for (let k = 1; k <= 40; k++) b.checkin(day(k), { painMorning: 0 });

  it.each([
    [7, 6, null], // days 1–6 without a run: 6 days, no change
    [8, 5, '7 days without a run: one stage back, to stage 5.'],
    [14, 5, '13 days without a run: one stage back, to stage 5.'],
    [15, 4, '14 days without a run: two stages back, to stage 4.'],
    [29, 1, '28 days without a run: back, to stage 1.'],
  ] as const)('on day %d the stage is %d', (k, stage, reason) => {
    const t = on(b, k);
    expect(t.stage).toBe(stage);
    const r = t.recommendation.reasons.find((x) => x.code === 'break');
    if (reason === null) expect(r).toBeUndefined();
    else expect(r).toMatchObject({ message: reason, rule: 'break' });
  });

  it('takes a stage-8 runner off intervals after two weeks off', () => {
    const eight = new ScenarioBuilder(undefined, { startStage: 8 });
    eight.run(day(0), { minutes: 40 });
    eight.checkin(day(15), { painMorning: 0 });
    const t = on(eight, 15);
    expect(t.stage).toBe(6); // 14 days without a run: two stages back
    expect(t.recommendation.prescription).not.toMatch(/strides|intervals/);
  });
});

describe('§3 "Baseline": from the runner’s own mornings, never an assumed 0', () => {
  it('a new runner’s first morning of 1/10 after a run is back to baseline', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 3 });
    b.run(day(0), { minutes: 30 });
    b.checkin(day(0), { painDuring: 1, painAfter: 1 });
    b.checkin(day(1), { painMorning: 1 });
    const out = b.engine(day(1));
    expect(out.today.stage).toBe(3);
    expect(out.days[1]?.progression.evaluation?.outcome).not.toBe('not_back_to_baseline');
    expect(out.days[1]?.pain.baselinePain).toMatchObject({ value: null, basis: 'none' });
  });

  it('is the median of the first 3 mornings, then of the mornings after rest days', () => {
    // Runs on Mon and Tue: the mornings of Tue and Wed follow a run. Mornings 2, 3, 2 → the first
    // three mornings' median, 2, with only one rest-day morning (Mon, the first day).
    const b = new ScenarioBuilder(undefined, { startStage: 3 });
    for (const k of [0, 1]) b.run(day(k), { minutes: 30 });
    for (const [k, v] of [
      [0, 2],
      [1, 3],
      [2, 2],
    ] as const)
      b.checkin(day(k), { painMorning: v });
    expect(b.engine(day(2)).days[2]?.pain.baselinePain).toEqual({
      value: 2,
      basis: 'first_mornings',
      scores: 3,
    });
    // Thu, Fri: mornings of 0 after rest days → rest-day mornings 2 (Mon), 0, 0 → median 0.
    for (const k of [3, 4]) b.checkin(day(k), { painMorning: 0 });
    expect(b.engine(day(4)).days[4]?.pain.baselinePain).toEqual({
      value: 0,
      basis: 'rest_day_mornings',
      scores: 3,
    });
  });
});

describe('§3 "Week over week": a rising trend is a caution, noise is not', () => {
  const week = (b: ScenarioBuilder, from: number, morning: number) => {
    for (let k = from; k < from + 7; k++) b.checkin(day(k), { painMorning: morning });
  };

  it('0 → 1 when a new stage starts is not a rise', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 2 });
    week(b, 0, 0);
    week(b, 7, 1);
    const t = on(b, 13);
    expect(codes(t.flags)).not.toContain('pain_trend_rising');
  });

  it('a morning average from 0 to 2 is a rise, flagged and named with the same number', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 2 });
    week(b, 0, 0);
    week(b, 7, 2);
    const t = on(b, 13);
    const flag = t.flags.find((f) => f.code === 'pain_trend_rising');
    const reason = t.recommendation.reasons.find((r) => r.code === 'pain_trend_rising');
    expect(flag?.value).toBe(2);
    expect(reason?.value).toBe(2);
    expect(reason?.message).toBe(
      'Your average morning pain rose by 2.0 points on the week before (0.0 → 2.0).'.replace(
        'Your',
        '{Your}',
      ),
    );
  });

  it('a missing score is not a zero: a gap week does not make a rise', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 2 });
    // only 2 scores in the first week (too few to compare), then 2/10 every day
    b.checkin(day(0), { painMorning: 2 });
    b.checkin(day(3), { painMorning: 2 });
    week(b, 7, 2);
    expect(codes(on(b, 13).flags)).not.toContain('pain_trend_rising');
  });
});

describe('§4 "After surgery": no jogging before the clearance and about week 10', () => {
  const surgery = day(0);

  it('holds walking, cycling and rehab week by week, until week 10 after a clearance without a stage', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 0, surgeryDate: surgery });
    for (let k = 0; k < 90; k++) b.checkin(day(k), { painMorning: 1, readinessTestPassed: true });
    b.clearances.push({ date: day(42), by: 'runner' }); // week 7: cleared, no stage named
    for (const k of [0, 20, 41, 42, 69]) {
      const t = on(b, k);
      expect(t.hold, day(k)).toMatchObject({ kind: 'surgery', weeksSince: Math.floor(k / 7) });
      expect(t.plan.filter((d) => RUNS.includes(d.action))).toEqual([]);
      expect(t.stage).toBe(0);
    }
    // Day 70 is week 10 (day 70 = 10 × 7): the hold ends; stage 1 comes after two walks.
    expect(on(b, 70).hold).toBeNull();
  });

  it('a clearance naming a stage ends the hold on its day', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 0, surgeryDate: surgery });
    for (let k = 0; k < 60; k++) b.checkin(day(k), { painMorning: 1 });
    b.clearances.push({ date: day(56), stage: 2, by: 'coach' });
    expect(on(b, 55).hold?.kind).toBe('surgery');
    expect(on(b, 56)).toMatchObject({ hold: null, stage: 2 });
  });

  it('takes a runner at a running stage back to walking from the surgery day', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 6, surgeryDate: day(3) });
    for (let k = 0; k < 6; k++) b.checkin(day(k), { painMorning: 1 });
    expect(on(b, 2).stage).toBe(6);
    const t = on(b, 3);
    expect(t).toMatchObject({ stage: 0, recommendation: { action: 'walk' } });
    expect(t.recommendation.reasons[0]?.rule).toBe('surgery');
  });
});

describe('§5 rule 4: "A very high or high spike in the last 72 h" is a flag every one of those days', () => {
  it('flags Tue, Wed and Thu after Monday’s spike, not Friday', () => {
    const b = new ScenarioBuilder(undefined, { startStage: 8 });
    b.run(day(-10), { minutes: 30, distanceM: 5000 });
    b.run(day(0), { minutes: 60, distanceM: 8000 }); // 8000 / 5000 − 1 = 0.6 → high
    for (let k = -10; k <= 4; k++) b.checkin(day(k), { painMorning: 0 });
    for (const k of [1, 2, 3]) {
      const t = on(b, k);
      expect(t.flags.find((f) => f.code === 'spike_high')?.value).toBeCloseTo(0.6, 12);
      expect(t.recommendation.reasons.find((r) => r.code === 'spike_high')?.value).toBeCloseTo(
        0.6,
        12,
      );
    }
    expect(codes(on(b, 4).flags)).not.toContain('spike_high');
  });
});
