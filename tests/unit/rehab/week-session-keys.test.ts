// Which session each strength day of the week's plan names (science.md §5 "The weekly view": two
// strength sessions and a mobility/pilates-type day; session-templates.ts: A and B alternate).
import { describe, expect, it } from 'vitest';
import { weekSessionKeysOf, type WeekDayAction } from '../../../shared/rehab/week-session-keys.ts';

const run: WeekDayAction = { action: 'run', prescription: 'Run 20 min continuous, easy, flat.' };
const rest: WeekDayAction = { action: 'rest', prescription: 'Rest: no training today.' };
const strength: WeekDayAction = {
  action: 'strength',
  prescription: 'Strength & mobility 40 min: hip strength …',
};
const mobility: WeekDayAction = {
  action: 'strength',
  prescription: 'Mobility & pilates 30 min: gentle mobility …',
};

describe('weekSessionKeysOf()', () => {
  it('alternates A and B from the one due, and names the mobility day', () => {
    expect(
      weekSessionKeysOf(
        [strength, run, mobility, run, strength, rest, strength],
        'strength_b',
        null,
      ),
    ).toEqual(['strength_b', null, 'mobility', null, 'strength_a', null, 'strength_b']);
  });

  it('after a strength session logged today (not a planned strength day), the other one is next', () => {
    expect(weekSessionKeysOf([run, strength, strength], 'strength_a', 'strength_a')).toEqual([
      null,
      'strength_b',
      'strength_a',
    ]);
  });

  it('today’s planned session stays named when it was logged; the next one follows what was done', () => {
    // Due A today, but the runner did B: today still reads A (the plan), tomorrow is A again.
    expect(weekSessionKeysOf([strength, strength], 'strength_a', 'strength_b')).toEqual([
      'strength_a',
      'strength_a',
    ]);
  });

  it('names nothing in a week without strength days', () => {
    expect(weekSessionKeysOf([run, rest, run], 'strength_a', null)).toEqual([null, null, null]);
  });
});
