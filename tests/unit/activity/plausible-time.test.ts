// Dates in files: impossible dates are not dates, years 0000–0099 stay themselves, and a recorded
// time before 1990-01-01 or after tomorrow (in the athlete's time zone) refuses the file, naming the
// line where the file has lines. "Now" is passed in: shared/ has no clock.
import { describe, expect, it } from 'vitest';
import { parseActivities } from '../../../shared/activity/parse-activity-file.ts';
import { parseIsoTimeMs } from '../../../shared/activity/parse-iso-time.ts';
import { activityTimeRange } from '../../../shared/activity/plausible-time.ts';
import {
  gpxHeader,
  gpxPoint,
  GPX_FOOTER,
  steadyPlan,
  toTcx,
  track,
} from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

const NOW = Date.UTC(2026, 10, 30, 13, 0, 0); // 2026-11-30 13:00 UTC
const range = activityTimeRange(NOW, 'Europe/Zurich');

/**
 * A 60-point GPX whose 3rd point carries `time` instead of its own: line 6 of the file (the XML
 * declaration, <gpx>, <trk><trkseg>, then one line per point).
 */
function gpxWithTimeAt3rd(time: string): Uint8Array {
  const points = track(steadyPlan(60, 3));
  const lines = points.map((p) => gpxPoint(p));
  lines[2] = (lines[2] as string).replace(/<time>[^<]*<\/time>/, `<time>${time}</time>`);
  return new TextEncoder().encode(gpxHeader() + lines.join('') + GPX_FOOTER);
}

describe('parseIsoTimeMs()', () => {
  it('refuses days that are not in the calendar', () => {
    expect(parseIsoTimeMs('2011-02-31T10:00:00Z')).toBeNaN();
    expect(parseIsoTimeMs('2025-02-29T10:00:00Z')).toBeNaN(); // 2025 is no leap year
    expect(parseIsoTimeMs('1900-02-29T10:00:00Z')).toBeNaN(); // divisible by 100, not by 400
    expect(parseIsoTimeMs('2011-04-31T10:00:00Z')).toBeNaN();
    expect(parseIsoTimeMs('2011-13-01T10:00:00Z')).toBeNaN();
    expect(parseIsoTimeMs('2011-06-01T25:00:00Z')).toBeNaN();
    expect(parseIsoTimeMs('2011-06-01T24:00:01Z')).toBeNaN();
    expect(parseIsoTimeMs('2011-02-31 10:00:00+0100')).toBeNaN(); // the slower path too
  });

  it('keeps real days, leap days included', () => {
    expect(parseIsoTimeMs('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
    expect(parseIsoTimeMs('2000-02-29T10:00:00Z')).toBe(Date.UTC(2000, 1, 29, 10));
  });

  it('reads years 0000–0099 as themselves, not as 1900–1999', () => {
    expect(new Date(parseIsoTimeMs('0099-06-01T00:00:00Z')).getUTCFullYear()).toBe(99);
    expect(new Date(parseIsoTimeMs('0005-06-01T00:00:00Z')).toISOString()).toBe(
      '0005-06-01T00:00:00.000Z',
    );
  });
});

describe('activityTimeRange()', () => {
  it('ends with tomorrow in the athlete time zone', () => {
    // 13:00 UTC on 30 November is 14:00 in Zurich (CET): tomorrow is 1 December, and the first
    // instant refused is 2 December 00:00 in Zurich = 1 December 23:00 UTC.
    expect(range.lastDay).toBe('2026-12-01');
    expect(range.toMs).toBe(Date.UTC(2026, 11, 1, 23, 0, 0));
    expect(range.fromMs).toBe(Date.UTC(1990, 0, 1));
    // In UTC+14 it is already 1 December 03:00: tomorrow is 2 December, refused from 3 December
    // 00:00 there = 2 December 10:00 UTC.
    const kiritimati = activityTimeRange(NOW, 'Pacific/Kiritimati');
    expect([kiritimati.lastDay, kiritimati.toMs]).toEqual([
      '2026-12-02',
      Date.UTC(2026, 11, 2, 10, 0, 0),
    ]);
  });

  it('gives UTC+14 the same span by arithmetic as the time-zone database gives Etc/GMT-14', () => {
    // Just before and just after midnight in UTC+14, and a leap day.
    for (const iso of ['2026-11-30T09:59:59Z', '2026-11-30T10:00:00Z', '2028-02-28T12:00:00Z']) {
      const now = Date.parse(iso);
      const fast = activityTimeRange(now, 'Pacific/Kiritimati');
      const db = activityTimeRange(now, 'Etc/GMT-14');
      expect([fast.lastDay, fast.toMs]).toEqual([db.lastDay, db.toMs]);
    }
    expect(activityTimeRange(Date.parse('2028-02-28T12:00:00Z')).lastDay).toBe('2028-03-01');
  });
});

describe('implausible times in files', () => {
  it('refuses a GPX point in year 0099, naming its line (6)', () => {
    const err = badInputOf(() =>
      parseActivities('run.gpx', gpxWithTimeAt3rd('0099-06-01T07:00:02Z'), { timeRange: range }),
    );
    expect(err.reason).toBe('implausible_time');
    expect(err.message).toBe(
      "run.gpx: line 6: <time> 0099-06-01T07:00:02Z is before 1990-01-01: the device's clock was not set",
    );
  });

  it('refuses a GPX point in year 9999 as after tomorrow', () => {
    const err = badInputOf(() =>
      parseActivities('run.gpx', gpxWithTimeAt3rd('9999-01-01T00:00:00Z'), { timeRange: range }),
    );
    expect(err.message).toBe(
      "run.gpx: line 6: <time> 9999-01-01T00:00:00Z is after tomorrow (2026-12-01 in Europe/Zurich): the device's clock is wrong",
    );
  });

  it('refuses 31 February as not a date, naming the line', () => {
    const err = badInputOf(() =>
      parseActivities('run.gpx', gpxWithTimeAt3rd('2026-02-31T07:00:02Z'), { timeRange: range }),
    );
    expect([err.reason, err.message]).toEqual([
      'gpx_bad_time',
      'run.gpx: line 6: <time> "2026-02-31T07:00:02Z" is not a date and time',
    ]);
  });

  it('refuses a TCX recorded in 1985', () => {
    const tcx = toTcx(track(steadyPlan(60, 3), { startMs: Date.UTC(1985, 5, 1, 7) }));
    const err = badInputOf(() =>
      parseActivities('old.tcx', new TextEncoder().encode(tcx), { timeRange: range }),
    );
    expect(err.reason).toBe('implausible_time');
    // Line 4 holds the first lap, whose StartTime is the first time the file gives.
    expect(err.message).toBe(
      "old.tcx: line 4: Lap StartTime 1985-06-01T07:00:00.000Z is before 1990-01-01: the device's clock was not set",
    );
  });

  it('refuses a FIT file whose clock was never set (the FIT epoch, 1989-12-31)', () => {
    const fit = toFit(track(steadyPlan(120, 3), { startMs: Date.UTC(1989, 11, 31, 0, 0, 0) }));
    const err = badInputOf(() => parseActivities('unset.fit', fit, { timeRange: range }));
    expect([err.reason, err.message]).toEqual([
      'implausible_time',
      "unset.fit: the activity starts at 1989-12-31T00:00:00Z, before 1990-01-01: the device's clock was not set",
    ]);
  });

  it('refuses a FIT file dated next year, and keeps one from today', () => {
    const next = toFit(track(steadyPlan(120, 3), { startMs: Date.UTC(2027, 5, 1, 7) }));
    expect(badInputOf(() => parseActivities('next.fit', next, { timeRange: range })).reason).toBe(
      'implausible_time',
    );
    const today = toFit(track(steadyPlan(120, 3), { startMs: Date.UTC(2026, 10, 30, 7) }));
    expect(parseActivities('today.fit', today, { timeRange: range }).activities).toHaveLength(1);
  });
});
