// When a recorded activity can have happened (plausible-time.ts), at the edges: 1990-01-01 00:00
// UTC is the first instant accepted, the first instant of the day after tomorrow the first
// refused; and an activity without a track is checked by its start and elapsed time.
import { describe, expect, it } from 'vitest';
import { buildSummaryActivity } from '../../../shared/activity/build-summary-activity.ts';
import {
  activityTimeRange,
  checkActivityTimes,
  timeProblem,
} from '../../../shared/activity/plausible-time.ts';
import { badInputOf } from '../../support/bad-input.ts';

// 13:00 UTC on 30 November 2026 is 14:00 in Zurich: tomorrow there is 1 December, and 2 December
// starts at 1 December 23:00 UTC.
const range = activityTimeRange(Date.UTC(2026, 10, 30, 13), 'Europe/Zurich');
const LATE = Date.UTC(2026, 11, 1, 23, 0, 0);
const EARLY = Date.UTC(1990, 0, 1);

describe('timeProblem()', () => {
  it('accepts 1990-01-01 00:00 UTC and the last millisecond of tomorrow', () => {
    expect(timeProblem(EARLY, range)).toBeUndefined();
    expect(timeProblem(LATE - 1, range)).toBeUndefined();
  });

  it('names a time before 1990 as a clock not set, and one after tomorrow as a wrong clock', () => {
    expect(timeProblem(EARLY - 1, range)).toBe("before 1990-01-01: the device's clock was not set");
    expect(timeProblem(LATE, range)).toBe(
      "after tomorrow (2026-12-01 in Europe/Zurich): the device's clock is wrong",
    );
  });
});

describe('activityTimeRange()', () => {
  it('finds midnight in a zone with half-hour offsets (India, UTC+5:30)', () => {
    // 13:00 UTC on 30 November is 18:30 in Kolkata: tomorrow is 1 December; 2 December starts
    // at 1 December 18:30 UTC.
    const india = activityTimeRange(Date.UTC(2026, 10, 30, 13), 'Asia/Kolkata');
    expect(india.lastDay).toBe('2026-12-01');
    expect(india.toMs).toBe(Date.UTC(2026, 11, 1, 18, 30));
  });

  it('ends tomorrow at the start of the day after, even across a change of clocks', () => {
    // New York, 1 November 2026 (clocks back at 02:00 EDT): "now" 12:00 UTC on 31 October is
    // 08:00 EDT; tomorrow is 1 November; 2 November starts at 00:00 EST = 05:00 UTC.
    const ny = activityTimeRange(Date.UTC(2026, 9, 31, 12), 'America/New_York');
    expect(ny.lastDay).toBe('2026-11-01');
    expect(ny.toMs).toBe(Date.UTC(2026, 10, 2, 5, 0));
  });
});

describe('checkActivityTimes()', () => {
  const activity = (startMs: number, elapsedS: number) =>
    buildSummaryActivity({ format: 'fit', sport: 'swim', startMs, elapsedS });

  it('accepts an activity inside the span', () => {
    expect(() =>
      checkActivityTimes(activity(Date.UTC(2026, 10, 30, 7), 1800), range),
    ).not.toThrow();
  });

  it('refuses one that starts before 1990, naming it and the start', () => {
    const err = badInputOf(() =>
      checkActivityTimes(activity(EARLY - 1000, 1800), range, 'session 2 (swim)'),
    );
    expect(err.reason).toBe('implausible_time');
    expect(err.message).toBe(
      "session 2 (swim) starts at 1989-12-31T23:59:59Z, before 1990-01-01: the device's clock was not set",
    );
  });

  it('refuses one whose elapsed time runs past tomorrow, naming the end', () => {
    // Starts an hour before the first refused instant, lasts 2 hours.
    const err = badInputOf(() => checkActivityTimes(activity(LATE - 3_600_000, 7200), range));
    expect(err.message).toBe(
      "the activity ends at 2026-12-02T00:00:00Z, after tomorrow (2026-12-01 in Europe/Zurich): the device's clock is wrong",
    );
    // Ending on the last millisecond allowed is fine.
    expect(() => checkActivityTimes(activity(LATE - 3_600_000, 3599.999), range)).not.toThrow();
  });

  it('checks the samples too: a first sample before the start, a last one after the end', () => {
    const a = activity(Date.UTC(2026, 10, 30, 7), 60);
    a.samples = [{ t: EARLY - 1000 }, { t: Date.UTC(2026, 10, 30, 7) }];
    expect(badInputOf(() => checkActivityTimes(a, range)).message).toMatch(
      /^the activity starts at 1989-12-31T23:59:59Z/,
    );
    const b = activity(Date.UTC(2026, 10, 30, 7), 60);
    b.samples = [{ t: Date.UTC(2026, 10, 30, 7) }, { t: LATE }];
    expect(badInputOf(() => checkActivityTimes(b, range)).message).toMatch(
      /^the activity ends at 2026-12-01T23:00:00Z/,
    );
  });
});
