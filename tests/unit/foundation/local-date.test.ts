import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isTimeZone,
  localDateOf,
  weekStartOf,
} from '#shared/local-date';

describe('localDateOf()', () => {
  it('puts a 23:30 run in Denver on the Denver day although it is the next day in UTC', () => {
    // 2026-07-14 23:30 MDT (UTC−6) is 2026-07-15 05:30 UTC.
    const instant = new Date('2026-07-15T05:30:00Z');
    expect(localDateOf(instant, 'America/Denver')).toBe('2026-07-14');
    expect(localDateOf(instant, 'UTC')).toBe('2026-07-15');
  });

  it('follows daylight saving time: 23:30 MST in January is 06:30 UTC next day', () => {
    expect(localDateOf(new Date('2026-01-16T06:30:00Z'), 'America/Denver')).toBe('2026-01-15');
  });

  it('moves an early-morning UTC instant forward in Auckland', () => {
    // 2026-03-01 20:00 UTC is 2026-03-02 09:00 NZDT (UTC+13).
    expect(localDateOf(new Date('2026-03-01T20:00:00Z'), 'Pacific/Auckland')).toBe('2026-03-02');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2026-11-01', '2026-11-24')).toBe(23);
    expect(daysBetween('2026-11-24', '2026-11-01')).toBe(-23);
  });

  it('starts weeks on Monday', () => {
    expect(weekStartOf('2026-11-24')).toBe('2026-11-23'); // a Tuesday
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
  });

  it('validates dates and time zones', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-11-24')).toBe(true);
    expect(isLocalDate('24/11/2026')).toBe(false);
    expect(isTimeZone('America/Denver')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
