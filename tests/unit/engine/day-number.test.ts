// science.md §1: "Day boundaries are the athlete's local calendar days": the day numbers the engine
// counts windows with agree with the calendar arithmetic of shared/local-date.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  isValidLocalDate,
  localDateOfDayNumber,
} from '../../../shared/engine/day-number.ts';
import { addDays, daysBetween, isLocalDate } from '../../../shared/local-date.ts';

describe('dayNumberOf() / localDateOfDayNumber()', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(dayNumberOf('1969-12-31')).toBe(-1);
    // 2000 is a leap year: 30 years = 10957 days to 2000-01-01 (7 leap days 1972–1996)
    expect(dayNumberOf('2000-01-01')).toBe(10957);
    expect(localDateOfDayNumber(10957 + 59)).toBe('2000-02-29');
  });

  it('agrees with addDays and daysBetween of shared/local-date.ts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20000, max: 60000 }),
        fc.integer({ min: -800, max: 800 }),
        (n, k) => {
          const date = localDateOfDayNumber(n);
          expect(dayNumberOf(addDays(date, k))).toBe(n + k);
          expect(daysBetween(date, localDateOfDayNumber(n + k))).toBe(k);
        },
      ),
    );
  });
});

describe('isValidLocalDate()', () => {
  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-4-01',
    'x',
    '2024-02-29',
    '2026-12-31',
  ])('agrees with isLocalDate on %s', (s) => {
    expect(isValidLocalDate(s)).toBe(isLocalDate(s));
  });
});
