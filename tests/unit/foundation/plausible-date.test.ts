// The plausible-date rule: from 1990-01-01 to tomorrow in the athlete's time zone, else a 400 that
// names the field.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '#shared/errors';
import { checkPlausibleDate, checkPlausibleInstant } from '#shared/plausible-date';

function problem(f: () => void): string | undefined {
  try {
    f();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    return (err as BadInputError).message;
  }
}

describe('checkPlausibleDate()', () => {
  const today = '2026-11-30';
  it.each([
    ['1990-01-01', undefined],
    ['2026-11-30', undefined],
    ['2026-12-01', undefined],
    ['1989-12-31', 'date: 1989-12-31 is before 1990-01-01, the earliest date Hipcheck accepts'],
    ['1000-01-01', 'date: 1000-01-01 is before 1990-01-01, the earliest date Hipcheck accepts'],
    [
      '2026-12-02',
      'date: 2026-12-02 is in the future: after tomorrow (2026-12-01) in your time zone',
    ],
    [
      '9999-12-31',
      'date: 9999-12-31 is in the future: after tomorrow (2026-12-01) in your time zone',
    ],
  ])('%s → %s', (date, message) => {
    expect(problem(() => checkPlausibleDate('date', date, today))).toBe(message);
  });

  it('names the field it is given', () => {
    expect(problem(() => checkPlausibleDate('clearance.date', '1900-01-01', today))).toMatch(
      /^clearance\.date: /,
    );
  });
});

describe('checkPlausibleInstant()', () => {
  // 2026-11-30 23:30 in Denver is 2026-12-01 06:30 UTC.
  const now = new Date('2026-12-01T06:30:00Z');
  it('takes "tomorrow" in the athlete’s time zone, not UTC', () => {
    // Tomorrow in Denver is 2026-12-01: a run starting then (local) is plausible…
    expect(
      problem(() =>
        checkPlausibleInstant('startAt', new Date('2026-12-01T20:00:00Z'), now, 'America/Denver'),
      ),
    ).toBeUndefined();
    // …and one on Denver's 2026-12-02 is not, although UTC's tomorrow is 2026-12-02.
    expect(
      problem(() =>
        checkPlausibleInstant('startAt', new Date('2026-12-02T08:00:00Z'), now, 'America/Denver'),
      ),
    ).toBe('startAt: 2026-12-02 is in the future: after tomorrow (2026-12-01) in your time zone');
  });

  it('refuses an invalid time and one before 1990', () => {
    expect(problem(() => checkPlausibleInstant('startAt', new Date('x'), now, 'UTC'))).toBe(
      'startAt: not a valid time',
    );
    expect(
      problem(() => checkPlausibleInstant('startAt', new Date('0099-06-01T00:00:00Z'), now, 'UTC')),
    ).toMatch(/^startAt: 0099-06-01 is before 1990-01-01/);
    expect(
      problem(() => checkPlausibleInstant('startAt', new Date(Date.UTC(12000, 0, 1)), now, 'UTC')),
    ).toBe('startAt: year 12000 is in the future: after tomorrow (2026-12-02) in your time zone');
  });
});
