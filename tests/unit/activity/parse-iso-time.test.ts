// ISO 8601 instants as GPX and TCX files write them (parse-iso-time.ts). Expected instants are
// written out with Date.UTC from the text's own fields (months count from 0 there), offsets
// applied by hand.
import { describe, expect, it } from 'vitest';
import { isCalendarDay, parseIsoTimeMs } from '../../../shared/activity/parse-iso-time.ts';

describe('parseIsoTimeMs()', () => {
  it.each([
    ['2012-10-24T23:29:40.000Z', Date.UTC(2012, 9, 24, 23, 29, 40)],
    ['2012-10-24T23:29:40Z', Date.UTC(2012, 9, 24, 23, 29, 40)],
    ['2012-10-24 23:29:40Z', Date.UTC(2012, 9, 24, 23, 29, 40)],
    ['  2012-10-24T23:29:40Z\n', Date.UTC(2012, 9, 24, 23, 29, 40)],
    // No zone: read as UTC.
    ['2012-10-24T23:29:40', Date.UTC(2012, 9, 24, 23, 29, 40)],
    // Every digit 0–9 read as itself.
    ['2019-09-29T19:59:58Z', Date.UTC(2019, 8, 29, 19, 59, 58)],
    ['1987-06-05T04:32:10Z', Date.UTC(1987, 5, 5, 4, 32, 10)],
    // 15:59:36 at UTC+01:00 is 14:59:36 UTC; at UTC−05:30 it is 21:29:36 UTC.
    ['2020-12-27T15:59:36+01:00', Date.UTC(2020, 11, 27, 14, 59, 36)],
    ['2020-12-27T15:59:36-05:30', Date.UTC(2020, 11, 27, 21, 29, 36)],
    ['2020-12-27T15:59:36.250+01:00', Date.UTC(2020, 11, 27, 14, 59, 36, 250)],
  ])('reads %j', (text, ms) => {
    expect(parseIsoTimeMs(text)).toBe(ms);
  });

  it.each([
    ['.5', 500],
    ['.25', 250],
    ['.123', 123],
    // Beyond milliseconds, rounded: .1234 s is 123.4 ms → 123; .9996 s is 999.6 ms → 1000.
    ['.1234', 123],
    ['.9996', 1000],
  ])('reads the fraction of a second %s as %i ms', (fraction, ms) => {
    expect(parseIsoTimeMs(`2026-03-01T07:00:00${fraction}Z`)).toBe(
      Date.UTC(2026, 2, 1, 7, 0, 0) + ms,
    );
  });

  it('reads 24:00:00 as the end of the day, and a leap second as the next second', () => {
    expect(parseIsoTimeMs('2026-03-01T24:00:00Z')).toBe(Date.UTC(2026, 2, 2, 0, 0, 0));
    expect(parseIsoTimeMs('2016-12-31T23:59:60Z')).toBe(Date.UTC(2017, 0, 1, 0, 0, 0));
  });

  it('keeps years before 100 as themselves, not 1900–1999', () => {
    // 1 June of year 99 and of 1999 are 1900 years apart: 1900 × 365 days + 460 leap days
    // (475 years divisible by 4 in 100–1999, less the 15 centuries among them not divisible by 400).
    const days = 1900 * 365 + 460;
    expect(parseIsoTimeMs('1999-06-01T07:00:00Z') - parseIsoTimeMs('0099-06-01T07:00:00Z')).toBe(
      days * 86_400_000,
    );
  });

  it.each([
    ['a day past the month’s end', '2026-02-31T07:00:00Z'],
    ['29 February outside a leap year', '2023-02-29T07:00:00Z'],
    ['29 February 1900 (a century, not a leap year)', '1900-02-29T07:00:00Z'],
    ['month 13', '2026-13-01T07:00:00Z'],
    ['month 0', '2026-00-01T07:00:00Z'],
    ['day 0', '2026-03-00T07:00:00Z'],
    ['hour 25', '2026-03-01T25:00:00Z'],
    ['24:00:01', '2026-03-01T24:00:01Z'],
    ['24:01:00', '2026-03-01T24:01:00Z'],
    ['24:00:00.5', '2026-03-01T24:00:00.5Z'],
    ['minute 60', '2026-03-01T07:60:00Z'],
    ['second 61', '2026-03-01T07:00:61Z'],
    ['a point with no fraction after it', '2026-03-01T07:00:00.Z'],
    ['a letter in the date', '2026-0a-01T07:00:00Z'],
    ['a colon in the year', '20:6-03-01T07:00:00Z'],
    ['a slash in the day', '2026-03-/1T07:00:00Z'],
    ['a letter in the offset', '2026-03-01T07:00:00+0a:00'],
    ['text after the Z', '2026-03-01T07:00:00Zulu'],
    ['slashes for dashes', '2026/03/01T07:00:00Z'],
    ['another separator than T or a space', '2026-03-01X07:00:00Z'],
    ['dashes in the time', '2026-03-01T07-00-00Z'],
    ['a year alone', '2017'],
    ['a date in words', 'Aug 6 2007'],
    ['an empty text', ''],
  ])('is NaN for %s (%j)', (_name, text) => {
    expect(parseIsoTimeMs(text)).toBeNaN();
  });

  it('reads the shorter forms a full date and time may take, when they are real instants', () => {
    // Without seconds, or with an offset without a colon: read through Date.parse.
    expect(parseIsoTimeMs('2012-10-24T23:29Z')).toBe(Date.UTC(2012, 9, 24, 23, 29));
    expect(parseIsoTimeMs('2012-10-24 23:29')).toBe(Date.UTC(2012, 9, 24, 23, 29));
    // …but 31 February and years before 100 are refused there too.
    expect(parseIsoTimeMs('2026-02-31T07:00Z')).toBeNaN();
    expect(parseIsoTimeMs('0099-06-01T07:00Z')).toBeNaN();
    // An offset of four digits: 15:59:36 at +0100 is 14:59:36 UTC.
    expect(parseIsoTimeMs('2020-12-27T15:59:36+0100')).toBe(Date.UTC(2020, 11, 27, 14, 59, 36));
  });

  it('applies an hh:mm offset to a year before 100 too (read without Date.parse)', () => {
    // 08:00 at UTC+01:00 and 01:30 at UTC−05:30 are both 07:00 UTC.
    expect(parseIsoTimeMs('0099-06-01T08:00:00+01:00')).toBe(
      parseIsoTimeMs('0099-06-01T07:00:00Z'),
    );
    expect(parseIsoTimeMs('0099-06-01T01:30:00-05:30')).toBe(
      parseIsoTimeMs('0099-06-01T07:00:00Z'),
    );
    expect(parseIsoTimeMs('0099-06-01T07:00:00Z')).not.toBeNaN();
  });
});

describe('isCalendarDay()', () => {
  it.each([
    [2024, 2, 29, true],
    [2000, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2026, 2, 28, true],
    [2026, 1, 31, true],
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 12, 32, false],
    [2026, 0, 1, false],
    [2026, 13, 1, false],
    [2026, 1, 0, false],
    [2026, 1, 1, true],
  ])('%i-%i-%i: %s', (y, m, d, ok) => {
    expect(isCalendarDay(y, m, d)).toBe(ok);
  });
});
