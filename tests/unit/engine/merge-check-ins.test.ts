// Check-ins as the engine reads them: science.md §3 (every score 0–10, on a real local day) and
// "several check-ins of one day say the worst of them" — the highest score, any yes — whatever
// their order; scores about a named run belong to that run's day.
import { describe, expect, it } from 'vitest';
import { mergeCheckIns, validateCheckIn } from '../../../shared/engine/merge-check-ins.ts';
import type { CheckIn } from '../../../shared/engine/types.ts';
import { refusalOf as refusal } from '../../support/bad-input.ts';

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
