// The engine's doors: what it refuses and what it lets through, each refusal with the field it names.
// science.md §1 (days are local calendar days, scores 0–10), §4 (stages 0–8 of the plan, breaks of
// 7/14/28 days rising), §5 (spike bands rising, pain zones green ≤ 2 < amber ≤ 5), and the numbers
// table of science.md that a coach may override. Every case is written from those texts; the
// messages are what an athlete's coach reads in a 400, so they are checked word for word.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import type { EngineCarry, EngineInput } from '../../../shared/engine/engine-types.ts';
import { mergeCheckIns, validateCheckIn } from '../../../shared/engine/merge-check-ins.ts';
import { lookbackDaysOf, resolveThresholds } from '../../../shared/engine/thresholds.ts';
import type { CheckIn, EngineRun, Thresholds } from '../../../shared/engine/types.ts';
import { validateInput } from '../../../shared/engine/validate-engine-input.ts';
import { BadInputError } from '../../../shared/errors.ts';

const TODAY = '2026-03-10';
const base: EngineInput = {
  profile: { timezone: 'Europe/Oslo', sex: 'female', units: 'metric' },
  runs: [],
  checkins: [],
  crossTraining: [],
  today: TODAY,
};
const run = (over: Partial<EngineRun> = {}): EngineRun =>
  ({
    id: 'r1',
    startAt: new Date('2026-03-01T07:00:00Z'),
    distanceM: 5000,
    movingS: 1800,
    ...over,
  }) as EngineRun;
const carry = (date: string, stage: number): EngineCarry =>
  ({ date, progression: { stage } }) as unknown as EngineCarry;

/** The BadInputError thrown, or null when the call went through. */
function refusal(f: () => unknown): { reason: string; message: string } | null {
  try {
    f();
    return null;
  } catch (e) {
    if (!(e instanceof BadInputError)) throw e;
    return { reason: e.reason, message: e.message };
  }
}
const check = (over: Partial<EngineInput>) => () =>
  validateInput({ ...base, ...over } as EngineInput, DEFAULT_PLAN);

describe('validateInput refuses what the engine cannot read, naming it', () => {
  it.each([
    [
      'a today of 30 February',
      { today: '2026-02-30' },
      'today_invalid',
      'invalid today: 2026-02-30',
    ],
    [
      'an unknown time zone (§1: days are local days in a real zone)',
      { profile: { ...base.profile, timezone: 'Mars/Olympus' } },
      'timezone_invalid',
      'invalid timezone: Mars/Olympus',
    ],
    [
      'a sex outside male, female, unknown',
      { profile: { ...base.profile, sex: 'x' as never } },
      'sex_invalid',
      'invalid sex: x',
    ],
    ['the same run twice', { runs: [run(), run()] }, 'run_duplicate', 'duplicate run id: r1'],
    [
      'a run whose start is not a time',
      { runs: [run({ startAt: new Date('nonsense') })] },
      'run_start_invalid',
      'run r1: invalid startAt',
    ],
    [
      'a run whose start is a string',
      { runs: [run({ startAt: '2026-03-01' as never })] },
      'run_start_invalid',
      'run r1: invalid startAt',
    ],
    ...(
      [
        ['distanceM', -1],
        ['distanceM', Number.NaN],
        ['distanceM', Number.POSITIVE_INFINITY],
        ['movingS', -1],
        ['movingS', Number.NaN],
        ['movingS', Number.POSITIVE_INFINITY],
      ] as const
    ).map(
      ([field, value]) =>
        [
          `a run with ${field} ${value}`,
          { runs: [run({ [field]: value })] },
          'run_numbers_invalid',
          'run r1: distanceM and movingS must be ≥ 0',
        ] as const,
    ),
    [
      'cross-training on 31 April',
      { crossTraining: [{ date: '2026-04-31', kind: 'ride', minutes: 30 }] },
      'cross_training_date_invalid',
      'invalid cross-training date: 2026-04-31',
    ],
    [
      'cross-training of −5 minutes',
      { crossTraining: [{ date: '2026-03-01', kind: 'ride', minutes: -5 }] },
      'cross_training_minutes_invalid',
      'cross-training 2026-03-01: invalid minutes: -5',
    ],
    [
      'cross-training of endless minutes',
      { crossTraining: [{ date: '2026-03-01', kind: 'ride', minutes: Number.POSITIVE_INFINITY }] },
      'cross_training_minutes_invalid',
      'cross-training 2026-03-01: invalid minutes: Infinity',
    ],
    ...([11, -1, Number.NaN] as const).map(
      (pain) =>
        [
          `cross-training with pain ${pain} (§3: 0–10)`,
          { crossTraining: [{ date: '2026-03-01', kind: 'swim', minutes: 30, pain }] },
          'cross_training_pain_invalid',
          `cross-training 2026-03-01: invalid pain: ${pain}`,
        ] as const,
    ),
    ...([9, -1, 1.5] as const).map(
      (stage) =>
        [
          `a start stage of ${stage} (§4: stages 0–8)`,
          { progression: { startStage: stage } },
          'stage_invalid',
          `invalid startStage: ${stage}`,
        ] as const,
    ),
    [
      'a stage set on 29 February of a common year',
      { progression: { manualStages: [{ date: '2026-02-29', stage: 2, by: 'coach' }] } },
      'stage_date_invalid',
      'invalid stage date: 2026-02-29',
    ],
    [
      'a stage set to 9',
      { progression: { manualStages: [{ date: '2026-03-01', stage: 9, by: 'coach' }] } },
      'stage_invalid',
      'invalid stage: 9 (0–8)',
    ],
    [
      'a clearance on a day that does not exist',
      { clearances: [{ date: '2026-06-31', by: 'coach' }] },
      'clearance_date_invalid',
      'invalid clearance date: 2026-06-31',
    ],
    [
      'a clearance naming stage 9',
      { clearances: [{ date: '2026-03-01', by: 'coach', stage: 9 }] },
      'stage_invalid',
      'invalid clearance stage: 9 (0–8)',
    ],
    [
      'a surgery date that does not exist',
      { progression: { surgeryDate: '2025-13-01' } },
      'surgery_date_invalid',
      'invalid surgeryDate: 2025-13-01',
    ],
    [
      'a resume from after today',
      { resume: { from: '2026-03-11', carry: carry('2026-03-10', 2) } },
      'resume_invalid',
      'invalid resume.from: 2026-03-11',
    ],
    [
      'a resume from a day that does not exist',
      { resume: { from: '2026-02-30', carry: carry('2026-02-29', 2) } },
      'resume_invalid',
      'invalid resume.from: 2026-02-30',
    ],
    [
      'a resume whose carry closes two days before',
      { resume: { from: '2026-03-05', carry: carry('2026-03-03', 2) } },
      'resume_invalid',
      'resume carry closes 2026-03-03, expected 2026-03-04',
    ],
    [
      'a resume whose carry closes on the day itself',
      { resume: { from: '2026-03-05', carry: carry('2026-03-05', 2) } },
      'resume_invalid',
      'resume carry closes 2026-03-05, expected 2026-03-04',
    ],
    [
      'a resume whose carry is at stage 9',
      { resume: { from: '2026-03-05', carry: carry('2026-03-04', 9) } },
      'resume_invalid',
      'resume carry has stage 9, not in the plan',
    ],
  ] as const)('refuses %s', (_name, over, reason, message) => {
    expect(refusal(check(over as Partial<EngineInput>))).toEqual({ reason, message });
  });

  it.each([
    ['no data at all', {}],
    [
      'a run of zero metres in zero seconds (a watch started and stopped)',
      { runs: [run({ distanceM: 0, movingS: 0 })] },
    ],
    ['two runs with different ids', { runs: [run(), run({ id: 'r2' })] }],
    [
      'cross-training of 0 minutes with pain 0 and pain 10, and without pain',
      {
        crossTraining: [
          { date: '2026-03-01', kind: 'ride', minutes: 0, pain: 0 },
          { date: '2026-03-02', kind: 'ride', minutes: 20, pain: 10 },
          { date: '2026-03-03', kind: 'ride', minutes: 20, pain: null },
        ],
      },
    ],
    ['stage 0 and stage 8, the ends of the plan', { progression: { startStage: 8 } }],
    [
      'manual stages 0 and 8',
      {
        progression: {
          startStage: 0,
          manualStages: [
            { date: '2026-03-01', stage: 0, by: 'coach' },
            { date: '2026-03-02', stage: 8, by: 'athlete' },
          ],
        },
      },
    ],
    [
      'a clearance without a stage and one at stage 8',
      {
        clearances: [
          { date: '2026-03-01', by: 'coach' },
          { date: '2026-03-02', by: 'coach', stage: 8 },
        ],
      },
    ],
    ['a surgery date in a leap year', { progression: { surgeryDate: '2024-02-29' } }],
    ['no surgery date', { progression: { surgeryDate: null } }],
    ['a resume from today', { resume: { from: TODAY, carry: carry('2026-03-09', 8) } }],
  ] as const)('lets through %s', (_name, over) => {
    expect(refusal(check(over as Partial<EngineInput>))).toBeNull();
  });

  it('checks every check-in it is given (§3: scores 0–10)', () => {
    const bad: CheckIn = { date: '2026-03-01', painMorning: 11 } as CheckIn;
    expect(refusal(check({ checkins: [bad] }))).toEqual({
      reason: 'checkin_score_invalid',
      message: 'check-in 2026-03-01: invalid painMorning: 11 (0–10)',
    });
  });
});

describe('validateCheckIn (§3: every score 0–10 on a real day)', () => {
  it('refuses a day that does not exist', () => {
    expect(refusal(() => validateCheckIn({ date: '2026-02-31' } as CheckIn))).toEqual({
      reason: 'checkin_date_invalid',
      message: 'invalid check-in date: 2026-02-31',
    });
  });
  it.each([
    'painDuring',
    'painAfter',
    'painNextMorning',
    'painMorning',
    'painAtRest',
    'stiffness',
    'rpe',
  ])('%s: 0 and 10 pass, −1, 10.5, NaN and text are refused', (key) => {
    for (const ok of [0, 10, null, undefined])
      expect(
        refusal(() => validateCheckIn({ date: '2026-03-01', [key]: ok } as CheckIn)),
      ).toBeNull();
    for (const bad of [-1, 10.5, Number.NaN, '3'])
      expect(refusal(() => validateCheckIn({ date: '2026-03-01', [key]: bad } as CheckIn))).toEqual(
        {
          reason: 'checkin_score_invalid',
          message: `check-in 2026-03-01: invalid ${key}: ${String(bad)} (0–10)`,
        },
      );
  });
});

describe('mergeCheckIns: several check-ins of a day say the worst of them, whatever their order', () => {
  const runDays = new Map([['run-1', '2026-03-02']]);
  const a: CheckIn = {
    date: '2026-03-03',
    painMorning: 2,
    painAtRest: 4,
    stiffness: 1,
    nightPain: false,
  };
  const b: CheckIn = {
    date: '2026-03-03',
    painMorning: 5,
    painAtRest: 1,
    stiffness: 3,
    limp: true,
  };
  it.each([
    ['in one order', [a, b]],
    ['in the other', [b, a]],
  ])('the highest score and any yes, %s', (_n, list) => {
    const m = mergeCheckIns(list, runDays);
    expect(m.daily.get('2026-03-03')).toMatchObject({
      painMorning: 5,
      painAtRest: 4,
      stiffness: 3,
      nightPain: false,
      limp: true,
    });
  });
  it('a yes is not undone by a later no', () => {
    const m = mergeCheckIns(
      [
        { date: '2026-03-03', givingWay: true },
        { date: '2026-03-03', givingWay: false },
      ],
      runDays,
    );
    expect(m.daily.get('2026-03-03')?.givingWay).toBe(true);
  });
  it('scores about a named run go to the run’s day; without a name to the check-in’s own day', () => {
    const m = mergeCheckIns(
      [
        {
          date: '2026-03-03',
          activityId: 'run-1',
          painDuring: 3,
          painAfter: 4,
          painNextMorning: 2,
          rpe: 6,
        },
        { date: '2026-03-03', painDuring: 1, rpe: 4 },
      ],
      runDays,
    );
    expect(m.session.get('2026-03-02')).toEqual({
      painDuring: 3,
      painAfter: 4,
      painNextMorning: 2,
      rpe: undefined,
    });
    expect(m.rpeByRunId.get('run-1')).toBe(6);
    expect(m.session.get('2026-03-03')).toMatchObject({ painDuring: 1, rpe: 4 });
  });
  it('two RPEs for one run keep the higher', () => {
    const m = mergeCheckIns(
      [
        { date: '2026-03-03', activityId: 'run-1', rpe: 7 },
        { date: '2026-03-04', activityId: 'run-1', rpe: 5 },
      ],
      runDays,
    );
    expect(m.rpeByRunId.get('run-1')).toBe(7);
  });
  it('a check-in naming a run the engine was not given files no session scores, only the day’s', () => {
    const m = mergeCheckIns(
      [{ date: '2026-03-05', activityId: 'gone', painDuring: 6, painMorning: 1 }],
      runDays,
    );
    expect(m.session.size).toBe(0);
    expect(m.daily.get('2026-03-05')?.painMorning).toBe(1);
  });
  it('a day check-in without session scores opens no session', () => {
    const m = mergeCheckIns([{ date: '2026-03-05', painMorning: 2 }], runDays);
    expect(m.session.size).toBe(0);
  });
});

describe('resolveThresholds: the defaults of science.md, a coach’s overrides, checked once', () => {
  const refused = (over: Record<string, unknown>) =>
    refusal(() => resolveThresholds(over as Partial<Thresholds>));

  it('without overrides: the numbers of science.md', () => {
    expect(resolveThresholds()).toMatchObject({
      spikeCaution: 0.1,
      spikeHigh: 0.3,
      spikeVeryHigh: 1.0,
      spikeWindowDays: 30,
      painGreenMax: 2,
      painAmberMax: 5,
      acwrMinHistoryDays: 28,
      breakOneStageDays: 7,
      breakTwoStagesDays: 14,
      breakRestartDays: 28,
    });
  });
  it('an override replaces its default; empty ones and a retired one are ignored', () => {
    const t = resolveThresholds({
      spikeCaution: 0.15,
      spikeHigh: undefined,
      painAmberMax: null as never,
      redFlagDays: 3,
    } as Partial<Thresholds>);
    expect(t.spikeCaution).toBe(0.15);
    expect(t.spikeHigh).toBe(0.3);
    expect(t.painAmberMax).toBe(5);
    expect('redFlagDays' in t).toBe(false);
  });
  it('an unknown name is refused by name', () => {
    expect(refused({ spikeCautio: 0.2 })).toEqual({
      reason: 'threshold_unknown',
      message: 'unknown threshold: spikeCautio',
    });
  });
  it.each([
    ['spikeCaution', -0.1, 'invalid threshold spikeCaution: -0.1'],
    ['acwrHigh', Number.POSITIVE_INFINITY, 'invalid threshold acwrHigh: Infinity'],
    ['acwrHigh', Number.NaN, 'invalid threshold acwrHigh: NaN'],
    ['monotonyHigh', '2', 'invalid threshold monotonyHigh: 2'],
  ])('%s = %s is refused', (key, value, message) => {
    expect(refused({ [key]: value })).toEqual({ reason: 'threshold_invalid', message });
  });
  it('a ratio of 0 is allowed (a coach may ask to hear of every rise)', () => {
    expect(resolveThresholds({ spikeCaution: 0 }).spikeCaution).toBe(0);
  });
  it.each([
    'spikeWindowDays',
    'spikeRecentDays',
    'acwrMinHistoryDays',
    'ewmaAcuteDays',
    'ewmaChronicDays',
    'ctlDays',
    'atlDays',
    'pauseDaysAfterDrop',
    'baselineWindowDays',
    'baselineMinScores',
    'painTrendMinScores',
    'readinessValidDays',
    'surgeryNoJogWeeks',
    'stopMaxS',
  ])('%s counts whole days or items: 0 and 2.5 are refused, 1 is allowed', (key) => {
    expect(refused({ [key]: 0 })).toEqual({
      reason: 'threshold_invalid',
      message: `invalid threshold ${key}: 0`,
    });
    expect(refused({ [key]: 2.5 })).toEqual({
      reason: 'threshold_invalid',
      message: `invalid threshold ${key}: 2.5`,
    });
    expect(refused({ [key]: 1 })).toBeNull();
  });
  it.each(['srpe', 'trimp', 'rtss', 'minutes'])('load measure %s is one of the four', (m) => {
    expect(resolveThresholds({ loadMeasure: m as Thresholds['loadMeasure'] }).loadMeasure).toBe(m);
  });
  it('any other load measure is refused', () => {
    expect(refused({ loadMeasure: 'watts' })).toEqual({
      reason: 'threshold_invalid',
      message: 'invalid threshold loadMeasure: watts',
    });
  });

  const SPIKE = 'spike bands must rise: spikeCaution ≤ spikeHigh ≤ spikeVeryHigh';
  const BREAKS = 'break steps must rise: breakOneStageDays ≤ breakTwoStagesDays ≤ breakRestartDays';
  it.each([
    ['caution above high', { spikeCaution: 0.4 }, SPIKE],
    ['high above very high', { spikeHigh: 1.2 }, SPIKE],
    ['one stage back after more days than two', { breakOneStageDays: 15 }, BREAKS],
    ['two stages back after more days than a restart', { breakTwoStagesDays: 29 }, BREAKS],
    ['a bout tolerance of 100 %', { boutTolerance: 1 }, 'invalid threshold boutTolerance: 1'],
    ['green reaching amber', { painGreenMax: 5 }, 'painGreenMax must be below painAmberMax'],
    ['green above amber', { painGreenMax: 6 }, 'painGreenMax must be below painAmberMax'],
  ])('the bands must rise: %s is refused', (_n, over, message) => {
    expect(refused(over)).toEqual({ reason: 'threshold_invalid', message });
  });
  it.each([
    ['caution equal to high', { spikeCaution: 0.3 }],
    ['high equal to very high', { spikeHigh: 1.0 }],
    ['one and two stages back after the same break', { breakOneStageDays: 14 }],
    ['two stages back and a restart after the same break', { breakTwoStagesDays: 28 }],
    ['a bout tolerance of 99 %', { boutTolerance: 0.99 }],
    ['green one below amber', { painGreenMax: 4 }],
  ])('equal edges are allowed: %s', (_n, over) => {
    expect(refused(over)).toBeNull();
  });
});

describe('lookbackDaysOf: the days before a resume the longest window needs', () => {
  it('34 with the defaults: the 30-day spike window and its 3 recent days, and the day itself', () => {
    expect(lookbackDaysOf(resolveThresholds())).toBe(34);
  });
  it('a 40-day pain baseline needs 40 + 2 + 1 days', () => {
    expect(lookbackDaysOf(resolveThresholds({ baselineWindowDays: 40 }))).toBe(43);
  });
  it('a 60-day ACWR history needs 61 days', () => {
    expect(lookbackDaysOf(resolveThresholds({ acwrMinHistoryDays: 60 }))).toBe(61);
  });
});
