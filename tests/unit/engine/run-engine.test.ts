// runEngine() as a whole: §1 "Day boundaries are the athlete's local calendar days"; §2 "No ratio
// before 28 days of history or when chronic = 0", ACWR "Never the sole reason for a red flag"; §5
// rule 1 (red flags only from symptoms, answered with see_clinician); §4 spacing in the plan; and
// the engine's own contracts (order of inputs, incremental recompute, bad input).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  runEngine,
  type EngineCarry,
  type EngineInput,
  type EngineOutput,
} from '../../../shared/engine/run-engine.ts';
import { lookbackDaysOf, resolveThresholds } from '../../../shared/engine/thresholds.ts';
import type { CheckIn, CrossTraining, EngineRun } from '../../../shared/engine/types.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { addDays, type LocalDate } from '../../../shared/local-date.ts';
import { ScenarioBuilder } from '../../fixtures/engine-scenarios.ts';

const START = '2026-01-05';
const score = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });
const yesNo = fc.option(fc.boolean(), { freq: 8, nil: undefined });

const runArb = fc.record({
  day: fc.integer({ min: 0, max: 89 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  minutes: fc.integer({ min: 5, max: 120 }),
  paceSPerKm: fc.integer({ min: 240, max: 480 }),
  sport: fc.constantFrom('run', 'run', 'run', 'trail_run', 'walk', 'ride', 'strength'),
  rpe: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
});
const checkinArb = fc.record({
  day: fc.integer({ min: 0, max: 89 }),
  painDuring: score,
  painAfter: score,
  painNextMorning: score,
  painAtRest: score,
  stiffness: score,
  nightPain: yesNo,
  limp: yesNo,
  clicking: yesNo,
  readinessTestPassed: fc.option(fc.boolean(), { nil: undefined }),
});
const crossArb = fc.record({
  day: fc.integer({ min: 0, max: 89 }),
  kind: fc.constantFrom('ride', 'swim', 'strength', 'walk'),
  minutes: fc.integer({ min: 10, max: 90 }),
  rpe: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
});
const inputArb = fc
  .record({
    timezone: fc.constantFrom('UTC', 'America/Denver', 'Europe/Berlin', 'Pacific/Auckland'),
    runs: fc.array(runArb, { maxLength: 60 }),
    checkins: fc.array(checkinArb, { maxLength: 80 }),
    cross: fc.array(crossArb, { maxLength: 30 }),
    startStage: fc.integer({ min: 0, max: 8 }),
    manual: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 89 }), stage: fc.integer({ min: 0, max: 8 }) }),
      { maxLength: 2 },
    ),
    todayDay: fc.integer({ min: 0, max: 95 }),
  })
  .map(({ timezone, runs, checkins, cross, startStage, manual, todayDay }): EngineInput => {
    const date = (d: number): LocalDate => addDays(START, d);
    const engineRuns: EngineRun[] = runs.map((r, k) => ({
      id: `r${k}`,
      startAt: new Date(Date.parse(`${date(r.day)}T00:00:00Z`) + r.minute * 60_000),
      sport: r.sport,
      distanceM: r.sport === 'strength' ? 0 : ((r.minutes * 60) / r.paceSPerKm) * 1000,
      movingS: r.minutes * 60,
      ...(r.rpe !== undefined ? { rpe: r.rpe } : {}),
    }));
    const engineCheckins: CheckIn[] = checkins.map(({ day, ...c }, k) => ({
      date: date(day),
      ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
      ...(k % 5 === 0 && engineRuns.length > 0 ? { activityId: `r${k % engineRuns.length}` } : {}),
    }));
    const crossTraining: CrossTraining[] = cross.map(({ day, rpe, ...c }) => ({
      date: date(day),
      ...c,
      ...(rpe !== undefined ? { rpe } : {}),
    }));
    return {
      profile: { timezone, sex: 'female', units: 'metric' },
      runs: engineRuns,
      checkins: engineCheckins,
      crossTraining,
      progression: {
        startStage,
        manualStages: manual.map((m) => ({
          date: date(m.day),
          stage: m.stage,
          by: 'coach' as const,
        })),
      },
      today: date(todayDay),
    };
  });

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function everyNumber(value: unknown, visit: (n: number, path: string) => void, path = ''): void {
  if (typeof value === 'number') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, k) => everyNumber(v, visit, `${path}[${k}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) everyNumber(v, visit, `${path}.${k}`);
}

describe('runEngine() invariants (property-based)', () => {
  it('does not depend on the order of its input arrays', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const a = runEngine(input);
        const b = runEngine({
          ...input,
          runs: shuffled(input.runs, seed),
          checkins: shuffled(input.checkins, seed + 1),
          crossTraining: shuffled(input.crossTraining, seed + 2),
          progression: {
            ...input.progression,
            manualStages: shuffled(input.progression?.manualStages ?? [], seed + 3),
          },
        });
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('recomputing from any day with the carry of the day before gives exactly the rows of a full recompute', () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 1, noNaN: true }), (input, at) => {
        const full = runEngine(input);
        if (full.days.length < 2) return;
        const k = Math.min(full.days.length - 1, 1 + Math.floor(at * (full.days.length - 1)));
        const from = (full.days[k] as EngineOutput['days'][number]).date;
        // The carry is stored as JSON by the worker: it must survive the round trip.
        const carry = JSON.parse(
          JSON.stringify((full.days[k - 1] as EngineOutput['days'][number]).carry),
        ) as EngineCarry;
        const inc = runEngine({ ...input, resume: { from, carry } });
        expect(inc.days).toEqual(full.days.slice(k));
        expect(inc.stageChanges).toEqual(full.stageChanges.filter((c) => c.date >= from));
        expect(inc.today).toEqual(full.today);
        // The documented contract: inputs older than the lookback before `from` may be left out
        // (a check-in is kept when it is dated from the cut on or names a kept activity).
        const cut = addDays(from, -lookbackDaysOf(resolveThresholds()));
        const runs = input.runs.filter(
          (r) => r.startAt.getTime() >= Date.parse(`${addDays(cut, -1)}T00:00:00Z`),
        );
        const kept = new Set(runs.map((r) => r.id));
        const trimmed = runEngine({
          ...input,
          runs,
          checkins: input.checkins.filter(
            (c) => c.date >= cut || (c.activityId != null && kept.has(c.activityId)),
          ),
          crossTraining: input.crossTraining.filter((c) => c.date >= cut),
          resume: { from, carry },
        });
        expect(trimmed.days).toEqual(inc.days);
      }),
      { numRuns: 60 },
    );
  });

  it('never produces NaN or an infinite number, and no ratio before 28 days of history', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = runEngine(input);
        everyNumber(out, (n, path) => {
          if (!Number.isFinite(n)) throw new Error(`${path} = ${n}`);
        });
        for (const row of out.days) {
          if (row.historyDays < 28) {
            expect(row.acwr.rolling.coupled).toBeNull();
            expect(row.acwr.rolling.uncoupled).toBeNull();
            expect(row.acwr.ewma.ratio).toBeNull();
          }
          if (row.acwr.rolling.chronicCoupled === 0) expect(row.acwr.rolling.coupled).toBeNull();
          if (row.monotony.sd === 0) expect(row.monotony.monotony).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('raises red flags only from symptoms, never from ACWR, and answers them with see_clinician', () => {
    const redCodes = new Set([
      'night_pain',
      'pain_walking',
      'limp',
      'pain_hopping',
      'deep_groin_pain',
      'catching_or_locking',
      'giving_way',
    ]);
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const row of runEngine(input).days) {
          for (const f of row.flags) {
            if (f.severity === 'red_flag') expect(redCodes.has(f.code)).toBe(true);
            if (f.code.startsWith('acwr')) expect(['info', 'caution']).toContain(f.severity);
          }
          const red = row.flags.some((f) => f.severity === 'red_flag');
          expect(row.recommendation.action === 'see_clinician').toBe(red);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('plans no runs on consecutive days while the stage forbids them, and one row per day', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = runEngine(input);
        out.days.forEach((row, k) => expect(row.date).toBe(addDays(out.firstDate, k)));
        expect(out.today.date).toBe(input.today);
        expect(out.today.plan).toHaveLength(7);
        if (out.today.stage >= 1 && out.today.stage <= 6) {
          const runs = out.today.plan.map((d) => d.action === 'run' || d.action === 'run_modified');
          for (let k = 1; k < runs.length; k++) expect(runs[k] && runs[k - 1]).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('runEngine()', () => {
  it('places a Denver evening run on the Denver day, not the UTC day', () => {
    const b = new ScenarioBuilder({ timezone: 'America/Denver', sex: 'male', units: 'metric' });
    // 2026-03-03T03:30Z is 2026-03-02 20:30 in Denver (MST, UTC−7)
    b.run('2026-03-02', {
      minutes: 30,
      distanceM: 5000,
      startAt: new Date('2026-03-03T03:30:00Z'),
    });
    b.checkin('2026-03-01', { painAtRest: 0 });
    const out = b.engine('2026-03-03');
    expect(out.days.map((d) => [d.date, d.load.runDistanceM])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 5000],
      ['2026-03-03', 0],
    ]);
  });

  it('returns one row for today with no input at all', () => {
    const out = runEngine({
      profile: { timezone: 'UTC', sex: 'unknown', units: 'metric' },
      runs: [],
      checkins: [],
      crossTraining: [],
      today: '2026-03-01',
    });
    expect(out.days).toHaveLength(1);
    expect(out.today).toMatchObject({
      date: '2026-03-01',
      stage: 0,
      recommendation: { action: 'walk' },
      hold: null,
    });
    expect(out.stageChanges).toEqual([
      expect.objectContaining({ kind: 'start', date: '2026-03-01', toStage: 0 }),
    ]);
  });

  it('starts CTL and ATL from the profile', () => {
    const out = runEngine({
      profile: { timezone: 'UTC', sex: 'male', units: 'metric', ctlStart: 42, atlStart: 21 },
      runs: [],
      checkins: [],
      crossTraining: [],
      today: '2026-03-01',
    });
    // rest day: CTL = 42 − 42/42 = 41, ATL = 21 − 21/7 = 18, form = 42 − 21 = 21
    expect(out.days[0]?.fitness).toMatchObject({ ctl: 41, atl: 18, form: 21 });
  });

  it('ignores inputs after today', () => {
    const b = new ScenarioBuilder();
    b.run('2026-03-01', { minutes: 30 });
    b.run('2026-03-05', { minutes: 30 });
    expect(b.engine('2026-03-02').days.map((d) => d.load.runCount)).toEqual([1, 0]);
  });

  it('attaches an RPE from a check-in that names the run', () => {
    const b = new ScenarioBuilder();
    const id = b.run('2026-03-01', { minutes: 40 });
    b.checkin('2026-03-02', { activityId: id, rpe: 6, painAfter: 1 });
    // 6 × 40 = 240 AU on the day of the run
    const out = b.engine('2026-03-02');
    expect(out.days[0]?.load.srpeLoad).toBe(240);
    expect(out.days[0]?.pain.painAfter).toBe(1);
  });

  it.each([
    [
      'a bad time zone',
      { profile: { timezone: 'Mars/Olympus', sex: 'male', units: 'metric' } },
      /invalid timezone/,
    ],
    ['a bad today', { today: '2026-02-30' }, /invalid today/],
    ['a pain score of 11', { checkins: [{ date: '2026-03-01', painAfter: 11 }] }, /painAfter/],
    [
      'a duplicate run id',
      {
        runs: [
          {
            id: 'a',
            startAt: new Date('2026-03-01T10:00:00Z'),
            sport: 'run',
            distanceM: 1,
            movingS: 1,
          },
          {
            id: 'a',
            startAt: new Date('2026-03-01T11:00:00Z'),
            sport: 'run',
            distanceM: 1,
            movingS: 1,
          },
        ],
      },
      /duplicate/,
    ],
    ['a stage outside the plan', { progression: { startStage: 9 } }, /startStage/],
    ['an unknown threshold', { progression: { thresholds: { nope: 1 } } }, /unknown threshold/],
  ] as const)('rejects %s with a bad-input error', (_name, over, message) => {
    const base: EngineInput = {
      profile: { timezone: 'UTC', sex: 'male', units: 'metric' },
      runs: [],
      checkins: [],
      crossTraining: [],
      today: '2026-03-02',
    };
    const run = () => runEngine({ ...base, ...(over as unknown as Partial<EngineInput>) });
    expect(run).toThrow(BadInputError);
    expect(run).toThrow(message);
  });

  it('refuses to resume with a carry of the wrong day or with input before the first day', () => {
    const b = new ScenarioBuilder();
    b.run('2026-03-01', { minutes: 30 });
    const full = b.engine('2026-03-05');
    const carry = full.days[1]!.carry; // closes 03-02
    expect(() =>
      runEngine({ ...b.input('2026-03-05'), resume: { from: '2026-03-04', carry } }),
    ).toThrow(/expected 2026-03-03/);
    b.run('2026-02-20', { minutes: 30 });
    expect(() =>
      runEngine({ ...b.input('2026-03-05'), resume: { from: '2026-03-03', carry } }),
    ).toThrow(/recompute from scratch/);
  });
});
