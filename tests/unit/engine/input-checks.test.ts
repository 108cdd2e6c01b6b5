// The engine's doors: what it refuses and what it lets through, each refusal with the field it names.
// science.md §1 (days are local calendar days, scores 0–10), §4 (stages 0–8 of the plan, breaks of
// 7/14/28 days rising), §5 (spike bands rising, pain zones green ≤ 2 < amber ≤ 5), and the numbers
// table of science.md that a coach may override. Every case is written from those texts; the
// messages are what an athlete's coach reads in a 400, so they are checked word for word.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import type { EngineCarry, EngineInput } from '../../../shared/engine/engine-types.ts';
import type { CheckIn, EngineRun } from '../../../shared/engine/types.ts';
import { validateInput } from '../../../shared/engine/validate-engine-input.ts';
import { refusalOf as refusal } from '../../support/bad-input.ts';

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
