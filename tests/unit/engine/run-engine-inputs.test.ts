// runEngine()'s own decisions before and around the day steps: the history starts on the earliest
// input of any kind (science.md §1), nothing dated after today counts, a run's RPE comes from the
// run, else a check-in naming it, else the day's check-in (Foster 1998: RPE × minutes), the load
// measure a coach chose is the one summed, a stream's strides reach the day's flags (issue 18), and
// a recompute from day d with the carry of day d−1 gives the rows of a full one. Dates from Mon 2
// March 2026; runs at noon UTC, 30 min at 6:00/km.
import { describe, expect, it } from 'vitest';
import { initialCarry, runEngine } from '../../../shared/engine/run-engine.ts';
import type { ProgressionSettings } from '../../../shared/engine/types.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { addDays } from '../../../shared/local-date.ts';
import { ScenarioBuilder, UTC_PROFILE } from '../../fixtures/engine-scenarios.ts';

const date = (k: number): string => addDays('2026-03-02', k);
const at3 = (extra: ProgressionSettings = {}) =>
  new ScenarioBuilder(UTC_PROFILE, { startStage: 3, ...extra });

describe('initialCarry()', () => {
  it('closes the day before the first day, at the start stage, with nothing carried', () => {
    expect(initialCarry(date(0), UTC_PROFILE, 3)).toEqual({
      date: '2026-03-01',
      firstDate: date(0),
      ewmaAcute: 0,
      ewmaChronic: 0,
      ctl: 0,
      atl: 0,
      progression: { stage: 3, completions: 0, stageSince: date(0), noRunBefore: null },
      recentSpikes: [],
      painTrendRising: false,
      redFlagHold: null,
      waitingForBaseline: null,
      breakRef: { date: '2026-03-01', stage: 3 },
      firstMornings: { pain: [], stiffness: [] },
      awaiting: null,
    });
  });

  it('starts fitness and fatigue at the profile’s values (science.md §2 "a starting value")', () => {
    const carry = initialCarry(date(0), { ...UTC_PROFILE, ctlStart: 40, atlStart: 30 }, 0);
    expect([carry.ctl, carry.atl]).toEqual([40, 30]);
  });
});

describe('runEngine(): where the history starts', () => {
  it('on a check-in before the first run, with the start event', () => {
    const b = at3().checkin(date(0), { painAtRest: 1 });
    b.run(date(2), { minutes: 30 });
    const out = b.engine(date(3));
    expect(out.firstDate).toBe(date(0));
    expect(out.days.map((d) => d.date)).toEqual([date(0), date(1), date(2), date(3)]);
    expect(out.stageChanges[0]).toEqual({
      date: date(0),
      fromStage: 3,
      toStage: 3,
      kind: 'start',
      by: 'engine',
      reasons: [
        { code: 'start', message: 'History starts at stage 3.', value: 3, rule: 'progression' },
      ],
    });
  });

  it('on cross-training before the first run', () => {
    const b = at3().cross(date(0), 'ride', 40, 3);
    b.run(date(2), { minutes: 30 });
    expect(b.engine(date(3)).firstDate).toBe(date(0));
  });

  it('on a stage set by hand before anything else, and not on one set later', () => {
    const byHand = (k: number) => ({
      manualStages: [{ date: date(k), stage: 5, by: 'coach' as const }],
    });
    expect(at3(byHand(0)).checkin(date(2), { painAtRest: 1 }).engine(date(3)).firstDate).toBe(
      date(0),
    );
    expect(at3(byHand(2)).checkin(date(0), { painAtRest: 1 }).engine(date(3)).firstDate).toBe(
      date(0),
    );
  });

  it('without progression settings: the default plan from stage 0, walking', () => {
    const out = runEngine({
      profile: UTC_PROFILE,
      runs: [],
      checkins: [{ date: date(0), painAtRest: 1 }],
      crossTraining: [],
      today: date(0),
    });
    expect(out.today.stage).toBe(0);
    expect(out.today.stageName).toBe('Walking only');
  });
});

describe('runEngine(): nothing dated after today counts', () => {
  it('a check-in dated tomorrow about today’s run', () => {
    const b = at3();
    const id = b.run(date(0), { minutes: 30 });
    b.checkin(date(1), { activityId: id, painDuring: 7 });
    const day = b.engine(date(0)).days[0];
    expect(day?.pain.painDuring).toBeNull();
    expect(day?.flags.map((f) => f.code)).not.toContain('session_pain_red');
  });

  it('a stage set by hand: today’s applies, tomorrow’s not yet', () => {
    const set = (k: number) =>
      at3({ manualStages: [{ date: date(k), stage: 5, by: 'coach' }] })
        .checkin(date(0), { painAtRest: 1 })
        .engine(date(1)).today.stage;
    expect(set(1)).toBe(5);
    expect(set(2)).toBe(3);
  });

  it('a clearance: today’s ends a red-flag hold, tomorrow’s not yet', () => {
    const hold = (k: number) => {
      const b = at3().checkin(date(0), { nightPain: true });
      b.clearances.push({ date: date(k), stage: 2, by: 'coach' });
      return b.engine(date(1)).today;
    };
    expect(hold(1).hold).toBeNull();
    expect(hold(1).stage).toBe(2);
    expect(hold(2).hold?.kind).toBe('red_flag');
  });

  it('cross-training today is in today’s load: 40 min at RPE 3 is 120', () => {
    expect(at3().cross(date(0), 'ride', 40, 3).engine(date(0)).days[0]?.load.totalLoad).toBe(120);
  });

  it('a surgery date holds running from that day (science.md §4 "After surgery")', () => {
    const out = at3({ surgeryDate: date(0) })
      .checkin(date(0), { painAtRest: 1 })
      .engine(date(0));
    expect(out.today.hold?.kind).toBe('surgery');
  });
});

describe('runEngine(): a run’s RPE and load (science.md §1)', () => {
  /** Today's load of a 30-min run, with the RPEs given. */
  const load = (runRpe: number | undefined, namingRun?: number, ofDay?: number) => {
    const b = at3();
    const id = b.run(date(0), { minutes: 30, ...(runRpe !== undefined ? { rpe: runRpe } : {}) });
    if (namingRun !== undefined) b.checkin(date(0), { activityId: id, rpe: namingRun });
    if (ofDay !== undefined) b.checkin(date(0), { rpe: ofDay });
    return b.engine(date(0)).days[0]?.load.totalLoad;
  };

  it('the run’s own RPE first: 5 × 30 min', () => expect(load(5, 6, 4)).toBe(150));
  it('else a check-in naming the run: 6 × 30 min', () => expect(load(undefined, 6, 4)).toBe(180));
  it('else the day’s check-in: 4 × 30 min', () => expect(load(undefined, undefined, 4)).toBe(120));

  it('with TRIMP or rTSS chosen as the load, the run’s own numbers', () => {
    const measured = (loadMeasure: 'trimp' | 'rtss') => {
      const b = at3({ thresholds: { loadMeasure } });
      b.run(date(0), { minutes: 30 });
      Object.assign(b.runs[0] ?? {}, { trimp: 55, rtss: 40 });
      return b.engine(date(0)).days[0]?.load.totalLoad;
    };
    expect(measured('trimp')).toBe(55);
    expect(measured('rtss')).toBe(40);
  });
});

describe('runEngine(): a run’s stream read for its shape (issue 18)', () => {
  const flags = (strides: boolean) => {
    const b = at3({ startStage: 6 });
    b.run(date(0), { minutes: 30 });
    Object.assign(b.runs[0] ?? {}, {
      intervals: [],
      ...(strides
        ? {
            strides: [
              { startS: 600, durationS: 20, distanceM: 110 },
              { startS: 1200, durationS: 20, distanceM: 110 },
            ],
          }
        : {}),
    });
    return b.engine(date(0)).today.flags.map((f) => f.code);
  };

  it('two strides at stage 6 (easy running) are flagged', () =>
    expect(flags(true)).toContain('intensity_beyond_stage'));
  it('steady running is not', () => expect(flags(false)).not.toContain('intensity_beyond_stage'));
});

describe('runEngine(): hill repeats found in a run’s stream', () => {
  it('are named in the next morning’s verdict on a stage-8 session', () => {
    const b = at3({ startStage: 8 });
    b.run(date(0), { minutes: 30 });
    Object.assign(b.runs[0] ?? {}, { intervals: [], hillRepeats: 3 });
    b.checkin(date(0), { painDuring: 1, painAfter: 1 }).checkin(date(1), { painMorning: 1 });
    const evaluation = b.engine(date(1)).days[1]?.progression.evaluation;
    expect(evaluation?.verdict?.hillRepeats).toBe(3);
    expect(evaluation?.verdict?.performed).toContain('3 hill repeats');
  });
});

describe('runEngine(): a recompute from day d with the carry of day d − 1', () => {
  /** 50 days at stage 3: a run every third day with green pain, a morning score every day. */
  function history(): ScenarioBuilder {
    const b = at3();
    for (let k = 0; k < 50; k++) {
      b.checkin(date(k), { painMorning: 1, stiffness: 1 });
      if (k % 3 === 0) {
        b.run(date(k), { minutes: 30, rpe: 4 });
        b.checkin(date(k), { painDuring: 1, painAfter: 1 });
      }
    }
    return b;
  }

  it.each([45, 10])(
    'from day %i gives the rows of a full recompute, without a start event',
    (d) => {
      const input = history().input(date(49));
      const full = runEngine(input);
      const carry = full.days[d - 1]?.carry;
      if (!carry) throw new Error('no carry');
      const resumed = runEngine({ ...input, resume: { from: date(d), carry } });
      expect(resumed.firstDate).toBe(date(0));
      expect(resumed.days).toEqual(full.days.slice(d));
      expect(resumed.stageChanges).toEqual(full.stageChanges.filter((c) => c.date >= date(d)));
      expect(resumed.stageChanges.map((c) => c.kind)).not.toContain('start');
      expect(resumed.today).toEqual(full.today);
    },
  );

  it('refuses input dated before the carry’s first day', () => {
    const input = history().input(date(49));
    const carry = { ...initialCarry(date(5), UTC_PROFILE, 3) };
    const resume = () => runEngine({ ...input, resume: { from: date(5), carry } });
    expect(resume).toThrow(BadInputError);
    expect(resume).toThrow(
      `input on ${date(0)} is before the first day ${date(5)}: recompute from scratch`,
    );
    try {
      resume();
    } catch (e) {
      expect((e as BadInputError).reason).toBe('resume_before_history');
    }
  });
});
