// Property tests of the safety rules over random histories (fast-check):
// - science.md §5 rule 1: "A red flag holds until it is cleared … Until then every day is 'see a
//   clinician', the plan holds no run" — no plan ever holds a run or walk-run (nor a walk) while a
//   red flag stands, and every such day is see_clinician;
// - §4 "After surgery": before the clearance, no run or walk-run anywhere in the plan;
// - §5 "The weekly view": every 7-day plan holds two strength and mobility days (one of them a
//   mobility/pilates-type day) and a rest day; §4 spacing of runs in every plan;
// - §5: a reason and a flag about the same measure carry the same value.
// Whether a hold stands is worked out here from the inputs with a loop of its own, not read from
// the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine, type EngineInput } from '../../../shared/engine/run-engine.ts';
import type { CheckIn, Clearance, EngineRun } from '../../../shared/engine/types.ts';
import { addDays, type LocalDate } from '../../../shared/local-date.ts';

const START = '2026-01-05';
const date = (d: number): LocalDate => addDays(START, d);
const RED_FIELDS = [
  'nightPain',
  'painWalking',
  'limp',
  'painHopping',
  'deepGroinPain',
  'catchingOrLocking',
  'givingWay',
] as const;
const score = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });

const inputArb = fc
  .record({
    runs: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 69 }),
        minutes: fc.integer({ min: 10, max: 90 }),
        sport: fc.constantFrom('run', 'run', 'run', 'walk'),
      }),
      { maxLength: 40 },
    ),
    checkins: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 69 }),
        painDuring: score,
        painAfter: score,
        painMorning: score,
        painAtRest: score,
        red: fc.option(fc.constantFrom(...RED_FIELDS), { freq: 6, nil: undefined }),
        no: fc.option(fc.constantFrom(...RED_FIELDS), { freq: 4, nil: undefined }),
      }),
      { maxLength: 50 },
    ),
    clearances: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 72 }),
        stage: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
      }),
      { maxLength: 3 },
    ),
    surgeryDay: fc.option(fc.integer({ min: -120, max: 65 }), { freq: 3, nil: null }),
    startStage: fc.integer({ min: 0, max: 8 }),
    manual: fc.option(
      fc.record({ day: fc.integer({ min: 0, max: 69 }), stage: fc.integer({ min: 0, max: 8 }) }),
      { nil: undefined },
    ),
    todayDay: fc.integer({ min: 0, max: 72 }),
  })
  .map((r): EngineInput => {
    const runs: EngineRun[] = r.runs.map((x, k) => ({
      id: `r${k}`,
      startAt: new Date(`${date(x.day)}T07:00:00Z`),
      sport: x.sport,
      distanceM: x.minutes * 160,
      movingS: x.minutes * 60,
    }));
    const checkins: CheckIn[] = r.checkins.map(({ day, red, no, ...c }) => ({
      date: date(day),
      ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
      ...(red ? { [red]: true } : {}),
      ...(no && no !== red ? { [no]: false } : {}),
    }));
    const clearances: Clearance[] = r.clearances.map((c, k) => ({
      date: date(c.day),
      stage: c.stage,
      by: k % 2 === 0 ? 'runner' : 'coach',
    }));
    return {
      profile: { timezone: 'UTC', sex: 'female', units: 'metric' },
      runs,
      checkins,
      crossTraining: [],
      clearances,
      progression: {
        startStage: r.startStage,
        surgeryDate: r.surgeryDay === null ? null : date(r.surgeryDay),
        manualStages: r.manual
          ? [{ date: date(r.manual.day), stage: r.manual.stage, by: 'coach' }]
          : [],
      },
      today: date(r.todayDay),
    };
  });

/** Days on which a red flag stands: from a "yes" until a clearance dated on or after it. */
function redFlagDays(input: EngineInput): Set<LocalDate> {
  const flagged = new Set(
    input.checkins.filter((c) => RED_FIELDS.some((f) => c[f] === true)).map((c) => c.date),
  );
  const cleared = new Set((input.clearances ?? []).map((c) => c.date));
  const out = new Set<LocalDate>();
  let standing = false;
  for (let d = -130; d <= 72; d++) {
    if (flagged.has(date(d))) standing = true;
    if (cleared.has(date(d))) standing = false;
    if (standing) out.add(date(d));
  }
  return out;
}

/** Whether running is held after surgery on `day`: no clearance dated from the surgery to that day. */
function surgeryHeld(input: EngineInput, day: LocalDate): boolean {
  const surgery = input.progression?.surgeryDate;
  if (!surgery || day < surgery) return false;
  return !(input.clearances ?? []).some((c) => c.date >= surgery && c.date <= day);
}

const RUNS = ['run', 'run_modified'];

describe('holds (property-based)', () => {
  it('never plans a run or walk-run while a red flag stands, and every such day is see_clinician', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = runEngine(input);
        const red = redFlagDays(input);
        for (const row of out.days)
          expect(row.recommendation.action === 'see_clinician', row.date).toBe(red.has(row.date));
        if (red.has(input.today)) {
          expect(out.today.hold?.kind).toBe('red_flag');
          for (const d of out.today.plan) expect([...RUNS, 'walk']).not.toContain(d.action);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never plans a run or walk-run after surgery before a clearance', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = runEngine(input);
        for (const row of out.days)
          if (surgeryHeld(input, row.date)) expect(RUNS).not.toContain(row.recommendation.action);
        for (const d of out.today.plan)
          if (surgeryHeld(input, input.today)) expect(RUNS).not.toContain(d.action);
      }),
      { numRuns: 150 },
    );
  });

  it('shapes every 7-day plan: two strength and mobility days, one pilates-type, a rest day, spaced runs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { plan, stage } = runEngine(input).today;
        const strength = plan.filter((d) => d.action === 'strength');
        expect(strength.length).toBeGreaterThanOrEqual(2);
        expect(strength.some((d) => d.prescription.startsWith('Mobility & pilates'))).toBe(true);
        expect(plan.some((d) => d.action === 'rest')).toBe(true);
        const runs = plan.map((d) => RUNS.includes(d.action));
        for (let k = 1; k < 7; k++) {
          const day = plan[k] as (typeof plan)[number];
          if (day.stage >= 1 && day.stage <= 6) expect(runs[k] && runs[k - 1]).toBe(false);
          if (k >= 2) expect(runs[k] && runs[k - 1] && runs[k - 2]).toBe(false);
          // stage 8's intensity session never the day after another run
          if (day.stage === 8 && runs[k - 1]) expect(day.action).not.toBe('run');
        }
        for (const d of plan) {
          if (d.minutes !== null) expect(d.prescription).toMatch(new RegExp(`\\b${d.minutes} min`));
          else expect(['rest', 'see_clinician']).toContain(d.action);
        }
        expect(stage).toBe(plan[0]?.stage);
      }),
      { numRuns: 150 },
    );
  });

  it('gives a reason and a flag about the same measure the same value, every day', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const row of runEngine(input).days)
          for (const r of row.recommendation.reasons) {
            const f = row.flags.find((x) => x.code === r.code);
            if (f && typeof r.value === 'number')
              expect(f.value, `${row.date} ${r.code}`).toBe(r.value);
          }
      }),
      { numRuns: 100 },
    );
  });
});
