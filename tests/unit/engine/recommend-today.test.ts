// science.md §5 "The daily recommendation", its order of precedence, with §3 "Today's pain decides
// today" and §4's spacing and amber rules:
//   1. red flags → see a clinician (until cleared); 2. red pain or not back to baseline → rest or
//   cross-train; 3. a run yesterday in stages 1–6 → cross-train or strength; 4. a high or very high
//   spike in the last 72 h → run modified or cross-train; amber during or after yesterday's run, or
//   3–5 this morning or at rest → no run today; 5. otherwise the stage's prescription.
// Every input below is written from those sentences, never from the engine's constants.
import { describe, expect, it } from 'vitest';
import {
  fillerActionOf,
  recommendToday,
  type DayContext,
} from '../../../shared/engine/recommend-today.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import { atStage, dayContext, yesterday } from '../../fixtures/day-context.ts';

const t = DEFAULT_THRESHOLDS;
const ev = yesterday;
const ctx = dayContext;

const nightPain = {
  since: '2026-03-08',
  flags: [{ code: 'night_pain', date: '2026-03-08' }],
  restartStage: 2,
};
const ranYesterday = ['rest', 'cardio', 'session', 'strength', 'rest', 'session'] as const;
const NO_RUN = ['cross_train', 'strength', 'rest'];

describe('recommendToday() — the order of precedence of science.md §5', () => {
  it.each([
    ['5: the stage prescription', {}, 'run', 'stage_prescription'],
    [
      '1: a red flag beats everything, until cleared',
      { redFlagHold: nightPain, evaluation: ev({ painAfter: 8 }) },
      'see_clinician',
      'night_pain',
    ],
    ['2: red pain → cross-train', { evaluation: ev({ painAfter: 6 }) }, 'cross_train', 'pain_red'],
    [
      '2: red pain with pain at rest → rest',
      { evaluation: ev({ painAfter: 6 }), todayPain: { value: 3, source: 'rest' } },
      'rest',
      'pain_red',
    ],
    [
      '2: not back to baseline → cross-train',
      { evaluation: ev({ nextMorningPain: 4 }) },
      'cross_train',
      'not_back_to_baseline',
    ],
    [
      '§3: 6 this morning → rest',
      { todayPain: { value: 6, source: 'morning' } },
      'rest',
      'morning_pain_red',
    ],
    ['§3: 7 at rest → rest', { todayPain: { value: 7, source: 'rest' } }, 'rest', 'rest_pain_red'],
    [
      '§4: inside the 3-day pause after a drop → no run',
      {
        progression: {
          stage: 2,
          completions: 0,
          stageSince: '2026-03-09',
          noRunBefore: '2026-03-12',
        },
      },
      'cross_train',
      'pause_running',
    ],
    [
      '4: a very high spike in 72 h → cross-train',
      {
        recentSpikes: [
          { date: '2026-03-08', band: 'very_high', value: 1.2, reference: 'longest_30d', stage: 3 },
        ],
      },
      'cross_train',
      'spike_very_high',
    ],
    [
      '4: a high spike in 72 h → run modified',
      {
        recentSpikes: [
          { date: '2026-03-08', band: 'high', value: 0.5, reference: 'longest_30d', stage: 3 },
        ],
      },
      'run_modified',
      'spike_high',
    ],
    [
      '4 + §4: a run beyond the stage is a spike against the prescription',
      {
        recentSpikes: [
          {
            date: '2026-03-08',
            band: 'very_high',
            value: 1.5,
            reference: 'stage_prescription',
            stage: 3,
          },
        ],
      },
      'cross_train',
      'stage_beyond_very_high',
    ],
  ] as const)('rule %s', (_title, over, action, firstReason) => {
    const r = recommendToday(ctx(over as Partial<DayContext>), t);
    expect(r.action).toBe(action);
    expect(r.reasons[0]?.code).toBe(firstReason);
  });

  // These replace a test that expected amber pain to give "run modified": science.md §4 says
  // "Amber during or after a run: no run the next day", §3 "3–5 … means no running today".
  it.each([
    ['amber (4) after yesterday’s run', { evaluation: ev({ painAfter: 4 }) }, 'pain_amber'],
    ['amber (5) during yesterday’s run', { evaluation: ev({ painDuring: 5 }) }, 'pain_amber'],
    ['3 this morning', { todayPain: { value: 3, source: 'morning' } }, 'morning_pain_amber'],
    ['4 at rest today', { todayPain: { value: 4, source: 'rest' } }, 'rest_pain_amber'],
  ] as const)('no run today after %s: cross-train or strength', (_t, over, code) => {
    const r = recommendToday(ctx(over as Partial<DayContext>), t);
    expect(['cross_train', 'strength']).toContain(r.action);
    expect(r.reasons[0]?.code).toBe(code);
  });

  it('tells the amber runner that the next run repeats the stage', () => {
    const r = recommendToday(ctx({ evaluation: ev({ painAfter: 4 }) }), t);
    expect(r.reasons[0]?.message).toMatch(/4\/10.*repeats stage 3/);
  });

  it('after pain of 6 or more, no run until a morning back at the baseline', () => {
    const r = recommendToday(ctx({ waitingForBaseline: { since: '2026-03-08', baseline: 1 } }), t);
    expect(NO_RUN).toContain(r.action);
    expect(r.reasons[0]).toMatchObject({ code: 'waiting_for_baseline', value: 1 });
  });
});

describe('recommendToday() — spacing of runs (science.md §4)', () => {
  it('3: a run yesterday at stages 1–6 → cross-train or strength, never rest', () => {
    for (const stage of [1, 3, 6]) {
      const r = recommendToday(ctx({ ...atStage(stage), recentDays: [...ranYesterday] }), t);
      expect(['cross_train', 'strength']).toContain(r.action);
      expect(r.reasons[0]?.code).toBe('no_consecutive_days');
    }
  });

  it('stages 7–8: a second run in a row is allowed, a third is not', () => {
    const two = recommendToday(ctx({ ...atStage(7), recentDays: [...ranYesterday] }), t);
    expect(two.action).toBe('run');
    const three = recommendToday(
      ctx({
        ...atStage(7),
        recentDays: ['rest', 'cardio', 'rest', 'strength', 'session', 'session'],
      }),
      t,
    );
    expect(NO_RUN).toContain(three.action);
    expect(three.reasons[0]?.code).toBe('two_runs_in_a_row');
  });

  it('stage 8: never an intensity session the day after another run', () => {
    const r = recommendToday(ctx({ ...atStage(8), recentDays: [...ranYesterday] }), t);
    expect(r.action).toBe('run_modified');
    expect(r.reasons[0]?.code).toBe('no_intensity_after_run');
    expect(r.prescription).toMatch(/^Run \d+ min easy.*no strides or intervals/);
  });

  it('stages 7–8 keep a day between runs after a week of more than +30 % running', () => {
    const r = recommendToday(
      ctx({ ...atStage(8), recentDays: [...ranYesterday], weeklyRise: true }),
      t,
    );
    expect(NO_RUN).toContain(r.action);
    expect(r.reasons[0]?.code).toBe('spacing_after_weekly_rise');
  });

  it('keeps to the stage’s sessions a week: 3 in the last 6 days at stage 3 → no run', () => {
    const r = recommendToday(
      ctx({ recentDays: ['session', 'cardio', 'session', 'strength', 'session', 'cardio'] }),
      t,
    );
    expect(NO_RUN).toContain(r.action);
    expect(r.reasons[0]?.code).toBe('weekly_sessions_done');
  });
});

describe('recommendToday() — what and how long', () => {
  it('stage 0 is a walk: action "walk", 30 min brisk without a limp', () => {
    const r = recommendToday(ctx(atStage(0)), t);
    expect(r).toMatchObject({ action: 'walk', minutes: 30 });
    expect(r.prescription).toMatch(/^Walk 30 min brisk, no limp/);
    expect(r.summary).toBe('Walk as planned: 30 min');
  });

  it('a modified walk at stage 0 is a shorter walk, still "walk"', () => {
    const r = recommendToday(
      ctx({
        ...atStage(0),
        recentSpikes: [
          { date: '2026-03-09', band: 'high', value: 0.5, reference: 'longest_30d', stage: 0 },
        ],
      }),
      t,
    );
    expect(r.action).toBe('walk');
    expect(r.minutes).toBe(20); // two thirds of 30 min
  });

  it.each([
    [1, /^Walk-run 30 min: 10 × \(run 1 min \/ walk 2 min\)/, 30],
    [5, /^Run 20 min easy/, 20],
    [6, /^Run 30 min easy/, 30],
  ] as const)('stage %d prescribes %s', (stage, text, minutes) => {
    const r = recommendToday(ctx(atStage(stage)), t);
    expect(r.prescription).toMatch(text);
    expect(r.minutes).toBe(minutes);
    expect(r.summary).toMatch(new RegExp(`: ${minutes} min$`));
  });

  it('stage 7 lets the longest run grow by at most 10 % over the last 30 days', () => {
    // longest 40 min → at most 44 min; typical 35 min
    const r = recommendToday(
      ctx({ ...atStage(7), history: { longestRunMin30d: 40, typicalRunMin30d: 35 } }),
      t,
    );
    expect(r.minutes).toBe(35);
    expect(r.prescription).toMatch(/^Run 35 min easy.*at most 44 min/);
  });

  it('days without running say what and how long, first', () => {
    const r = recommendToday(ctx({ evaluation: ev({ painAfter: 4 }) }), t);
    expect(r.prescription).toMatch(/^(Cross-train 40 min|Strength & mobility 40 min):/);
    expect(r.minutes).toBe(40);
  });
});

describe('recommendToday() — holds', () => {
  it('a red flag: see a clinician, how to clear it, no session minutes', () => {
    const r = recommendToday(ctx({ redFlagHold: nightPain }), t);
    expect(r).toMatchObject({ action: 'see_clinician', minutes: null });
    expect(r.reasons.map((x) => x.rule)).toEqual(['red-flags', 'clearance']);
  });

  it('after surgery, before the clearance: walking, with the week after surgery first', () => {
    const r = recommendToday(
      ctx({
        ...atStage(0),
        surgeryHold: {
          surgeryDate: '2026-02-02',
          weeksSince: 5,
          noJogBefore: '2026-04-13',
          clearedOn: null,
        },
      }),
      t,
    );
    expect(r.action).toBe('walk');
    expect(r.reasons[0]).toMatchObject({ code: 'surgery_hold', rule: 'surgery', value: 5 });
    expect(r.reasons[0]?.message).toMatch(/^Week 6 after \{your\} surgery/);
  });

  it('after surgery at a running stage (a custom plan) there is no run at all', () => {
    const r = recommendToday(
      ctx({
        surgeryHold: {
          surgeryDate: '2026-02-02',
          weeksSince: 5,
          noJogBefore: '2026-04-13',
          clearedOn: null,
        },
      }),
      t,
    );
    expect(NO_RUN).toContain(r.action);
  });
});

describe('recommendToday() — the words', () => {
  it('adds cautions after the reason for the action, and never lets ACWR decide', () => {
    const r = recommendToday(
      ctx({
        cautions: [{ code: 'acwr_high', message: 'Load rose fast.', value: 1.7, rule: 'acwr' }],
      }),
      t,
    );
    expect(r.action).toBe('run');
    expect(r.reasons.map((x) => x.code)).toEqual(['stage_prescription', 'acwr_high']);
  });

  it('gives one sentence per reason with its rule, no formula, source or diagnosis', () => {
    const cases: Partial<DayContext>[] = [
      {},
      { redFlagHold: nightPain },
      { evaluation: ev({ painAfter: 7 }) },
      { evaluation: ev({ nextMorningPain: 4 }) },
      { evaluation: ev({ painAfter: 4 }) },
      { todayPain: { value: 6, source: 'morning' } },
      {
        recentSpikes: [
          { date: '2026-03-08', band: 'high', value: 0.5, reference: 'longest_30d', stage: 3 },
        ],
      },
      { recentDays: [...ranYesterday] },
    ];
    for (const over of cases) {
      const r = recommendToday(ctx(over), t);
      const codes = r.reasons.map((x) => x.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const reason of r.reasons) {
        expect(reason.rule).toMatch(/^[a-z-]+$/);
        // one sentence: a single full stop, at the end
        expect(reason.message.replace(/\d\.\d|e\.g\./g, '').match(/[.?!](\s|$)/g)).toHaveLength(1);
        expect(reason.message).not.toMatch(
          /science\.md|§|hazard|HR \d|Frandsen|Nielsen|=|you have|diagnos/i,
        );
      }
    }
  });
});

describe('fillerActionOf() — the shape of a symptom-aware week (science.md §5)', () => {
  it('rests after 6 days without rest, then makes up two strength days, else cardio', () => {
    expect(
      fillerActionOf(['session', 'cardio', 'session', 'strength', 'session', 'cardio'], true),
    ).toBe('rest');
    expect(
      fillerActionOf(['session', 'cardio', 'session', 'strength', 'session', 'cardio'], false),
    ).toBe('strength');
    expect(
      fillerActionOf(['rest', 'strength', 'session', 'strength', 'session', 'session'], true),
    ).toBe('cross_train');
  });
});
