// science.md §4 "After surgery": no running before the surgeon's clearance; by default no jogging
// before about week 10 after hip arthroscopy; a clinician's criteria-based decision (a clearance that
// names a stage) may start earlier. Dates worked out by hand: the surgery on Monday 2 March 2026,
// so week 10 (70 days) begins on Monday 11 May 2026.
import { describe, expect, it } from 'vitest';
import {
  surgeryHowToClearOf,
  surgeryReasonOf,
  surgeryStatusOn,
} from '../../../shared/engine/surgery-hold.ts';
import type { Clearance } from '../../../shared/engine/types.ts';

const SURGERY = '2026-03-02';
const WEEKS = { surgeryNoJogWeeks: 10 };
const on = (date: string, clearances: Clearance[] = [], t = WEEKS) =>
  surgeryStatusOn(date, SURGERY, clearances, t);
const cleared = (date: string, stage?: number): Clearance => ({ date, stage, by: 'coach' });

describe('the hold after hip arthroscopy', () => {
  it('does not exist without a surgery, nor before its day', () => {
    expect(surgeryStatusOn('2026-04-01', null, [], WEEKS)).toEqual({
      hold: null,
      liftedToday: null,
    });
    expect(surgeryStatusOn('2026-04-01', undefined, [], WEEKS)).toEqual({
      hold: null,
      liftedToday: null,
    });
    expect(on('2026-03-01')).toEqual({ hold: null, liftedToday: null });
  });

  it('holds from the day of the surgery, with week 10 on Mon 11 May', () => {
    expect(on(SURGERY)).toEqual({
      hold: { surgeryDate: SURGERY, weeksSince: 0, noJogBefore: '2026-05-11', clearedOn: null },
      liftedToday: null,
    });
  });

  it('counts whole weeks: 41 days are week 6, 42 days week 7', () => {
    expect(on('2026-04-12').hold?.weeksSince).toBe(5);
    expect(on('2026-04-13').hold?.weeksSince).toBe(6);
  });

  it('still holds at week 10 and long after without a clearance: time alone never clears running', () => {
    expect(on('2026-05-11').hold).not.toBeNull();
    expect(on('2027-03-02').hold).not.toBeNull();
  });

  it('a clearance without a stage ends the hold at week 10, not before', () => {
    const c = [cleared('2026-04-20')];
    expect(on('2026-04-19', c).hold?.clearedOn).toBeNull();
    expect(on('2026-04-20', c).hold?.clearedOn).toBe('2026-04-20');
    expect(on('2026-05-10', c).hold?.clearedOn).toBe('2026-04-20');
    expect(on('2026-05-11', c)).toEqual({ hold: null, liftedToday: { stage: null } });
    expect(on('2026-05-12', c)).toEqual({ hold: null, liftedToday: null });
  });

  it('a clearance recorded at week 10 or later ends the hold on its own day', () => {
    const c = [cleared('2026-05-20')];
    expect(on('2026-05-19', c).hold).not.toBeNull();
    expect(on('2026-05-20', c)).toEqual({ hold: null, liftedToday: { stage: null } });
  });

  it('a clearance naming a stage ends the hold on its day, even at week 8', () => {
    const c = [cleared('2026-04-20', 1)];
    expect(on('2026-04-19', c).hold).not.toBeNull();
    expect(on('2026-04-20', c)).toEqual({ hold: null, liftedToday: { stage: 1 } });
    expect(on('2026-04-21', c)).toEqual({ hold: null, liftedToday: null });
  });

  it('a clearance naming a stage on the day of the surgery lifts it that day', () => {
    expect(on(SURGERY, [cleared(SURGERY, 0)])).toEqual({ hold: null, liftedToday: { stage: 0 } });
  });

  it('a clearance from before the surgery does not count', () => {
    const c = [cleared('2026-02-20', 2), cleared('2026-03-01')];
    expect(on('2026-03-10', c).hold).toMatchObject({ clearedOn: null });
    expect(on('2026-06-01', c).hold).not.toBeNull();
  });

  it('of two clearances without a stage, the card names the later, in either order', () => {
    const a = cleared('2026-04-01');
    const b = cleared('2026-04-15');
    expect(on('2026-04-20', [a, b]).hold?.clearedOn).toBe('2026-04-15');
    expect(on('2026-04-20', [b, a]).hold?.clearedOn).toBe('2026-04-15');
  });

  it('a coach’s 12 weeks move the first jogging day to Mon 25 May', () => {
    const c = [cleared('2026-04-20')];
    const t = { surgeryNoJogWeeks: 12 };
    expect(on('2026-05-11', c, t).hold?.noJogBefore).toBe('2026-05-25');
    expect(on('2026-05-24', c, t).hold).not.toBeNull();
    expect(on('2026-05-25', c, t).liftedToday).toEqual({ stage: null });
  });
});

describe('what the card says during the hold', () => {
  it('before a clearance: the week, what is allowed, and both conditions', () => {
    const h = on('2026-04-12').hold!;
    expect(surgeryReasonOf(h)).toEqual({
      code: 'surgery_hold',
      message:
        "Week 6 after {your} surgery on Mon 2 Mar: walking, cycling with a high saddle and rehab, no jogging before week 10 (Mon 11 May) and a clinician's clearance.",
      value: 5,
      rule: 'surgery',
    });
    expect(surgeryHowToClearOf(h)).toBe(
      'Once {your} surgeon or physiotherapist has cleared running, record the clearance with its date; jogging starts at week 10 (Mon 11 May), or earlier at the stage the clinician names.',
    );
  });

  it('cleared, before week 10: the clearance’s day and how to start earlier', () => {
    const h = on('2026-04-20', [cleared('2026-04-20')]).hold!;
    expect(surgeryReasonOf(h).message).toBe(
      'Week 8 after {your} surgery on Mon 2 Mar: cleared on Mon 20 Apr, jogging from week 10 (Mon 11 May) unless the clinician names a stage to start at.',
    );
    expect(surgeryHowToClearOf(h)).toBe(
      'Jogging starts at week 10 (Mon 11 May); to start earlier, record the clearance again with the stage the clinician named.',
    );
  });

  it('names the week a coach set, not a fixed week 10', () => {
    const h = on('2026-04-12', [], { surgeryNoJogWeeks: 12 }).hold!;
    expect(surgeryReasonOf(h).message).toContain('no jogging before week 12 (Mon 25 May)');
    expect(surgeryHowToClearOf(h)).toContain('jogging starts at week 12 (Mon 25 May)');
  });
});
