// science.md §5 rule 1: "A red flag holds until it is cleared: it never lapses by itself. It is
// cleared when the runner or their coach records that a clinician has seen the hip and cleared
// running (with the date and, optionally, the stage to restart at; by default one stage below the
// stage before the flag)." The contract adds: floor 1 when running, 0 when walking; a later "no"
// does not clear a flag; a clearance clears flags reported on or before its date.
import { describe, expect, it } from 'vitest';
import {
  clearanceOn,
  restartStageOf,
  stepRedFlagHold,
} from '../../../shared/engine/red-flag-hold.ts';

describe('stepRedFlagHold()', () => {
  it('starts no hold on a day without a red flag (red flags come from symptoms only)', () => {
    expect(stepRedFlagHold(null, '2026-03-02', [], 5, undefined)).toEqual({
      hold: null,
      cleared: null,
    });
  });

  it('starts a hold on the day of the flag, at one stage below the stage before it', () => {
    const r = stepRedFlagHold(null, '2026-03-02', ['night_pain'], 5, undefined);
    expect(r.hold).toEqual({
      since: '2026-03-02',
      flags: [{ code: 'night_pain', date: '2026-03-02' }],
      restartStage: 4,
    });
    expect(r.cleared).toBeNull();
  });

  it('never lapses: days without a check-in keep the hold', () => {
    let hold = stepRedFlagHold(null, '2026-03-02', ['giving_way'], 3, undefined).hold;
    for (let d = 3; d <= 30; d++)
      hold = stepRedFlagHold(hold, `2026-03-${String(d).padStart(2, '0')}`, [], 3, undefined).hold;
    expect(hold?.since).toBe('2026-03-02');
  });

  it('adds later flags to the hold and keeps the first day of each', () => {
    const a = stepRedFlagHold(null, '2026-03-02', ['night_pain'], 3, undefined).hold;
    const b = stepRedFlagHold(a, '2026-03-04', ['night_pain', 'limp'], 3, undefined).hold;
    expect(b?.flags).toEqual([
      { code: 'night_pain', date: '2026-03-02' },
      { code: 'limp', date: '2026-03-04' },
    ]);
    expect(b?.since).toBe('2026-03-02');
  });

  it('ends with a clearance, restarting at its stage or the default', () => {
    const hold = stepRedFlagHold(null, '2026-03-02', ['night_pain'], 6, undefined).hold;
    const named = stepRedFlagHold(hold, '2026-03-09', [], 6, {
      date: '2026-03-09',
      stage: 2,
      by: 'coach',
    });
    expect(named).toMatchObject({ hold: null, cleared: { stage: 2 } });
    const plain = stepRedFlagHold(hold, '2026-03-09', [], 6, { date: '2026-03-09', by: 'runner' });
    expect(plain.cleared?.stage).toBe(5);
  });

  it('clears a flag reported on the day of the clearance itself', () => {
    const r = stepRedFlagHold(null, '2026-03-02', ['limp'], 2, {
      date: '2026-03-02',
      by: 'runner',
    });
    expect(r.hold).toBeNull();
    expect(r.cleared?.stage).toBe(1);
  });
});

describe('restartStageOf()', () => {
  it.each([
    [8, 7],
    [2, 1],
    [1, 1], // floor 1 when they were running
    [0, 0], // 0 when walking
  ])('after a flag at stage %d the default restart is %d', (before, restart) => {
    expect(restartStageOf(before)).toBe(restart);
  });
});

describe('clearanceOn()', () => {
  it('picks the clearance of the day, one naming a stage first, the lowest stage first', () => {
    const list = [
      { date: '2026-03-09', by: 'runner' as const },
      { date: '2026-03-09', stage: 4, by: 'coach' as const },
      { date: '2026-03-09', stage: 3, by: 'runner' as const },
      { date: '2026-03-10', stage: 1, by: 'runner' as const },
    ];
    expect(clearanceOn(list, '2026-03-09')?.stage).toBe(3);
    expect(clearanceOn([...list].reverse(), '2026-03-09')?.stage).toBe(3);
    expect(clearanceOn(list, '2026-03-08')).toBeUndefined();
  });

  it('picks the same clearance whatever the order, also between two naming the same stage', () => {
    const same = [
      { date: '2026-03-09', stage: 2, by: 'runner' as const },
      { date: '2026-03-09', stage: 2, by: 'coach' as const },
    ];
    expect(clearanceOn(same, '2026-03-09')).toEqual(clearanceOn([...same].reverse(), '2026-03-09'));
    const unnamed = [
      { date: '2026-03-09', by: 'coach' as const },
      { date: '2026-03-09', by: 'runner' as const },
    ];
    expect(clearanceOn(unnamed, '2026-03-09')).toEqual(
      clearanceOn([...unnamed].reverse(), '2026-03-09'),
    );
  });
});
