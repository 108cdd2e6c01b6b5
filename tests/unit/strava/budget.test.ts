// Sharing Strava's budget: how long a backfill still needs at today's budget, and how often each
// athlete is caught up, with numbers worked by hand from Strava's default limits (1,000 reads a
// day, 100 a quarter hour), the limiter's 5 % margin and 20 % of each day kept for new activities.
import { describe, expect, it } from 'vitest';
import { catchUpIntervalMs } from '#services/strava/catch-up-schedule';
import { estimateBackfill } from '#services/strava/estimate-backfill';

const HOUR = 3_600_000;
// 1,000 − 5 % = 950 reads a day; 100 − 5 % = 95 a quarter hour.
const DEFAULTS = { readDailyBudget: 950, readDailyUsed: 0, readShortBudget: 95, liveReserve: 0.2 };

describe('estimateBackfill()', () => {
  it('a 5,000-activity history alone: about 13 more days at today’s budget', () => {
    // 5,000 × 2 reads = 10,000; backfills get 950 × 0.8 = 760 a day. Today’s 760 leave 9,240:
    // 9,240 / 760 = 12.2 → 13 more days.
    expect(estimateBackfill({ pending: 5000, activeBackfills: 1, ...DEFAULTS })).toEqual({
      remainingReads: 10_000,
      text: 'about 13 more days at today’s budget',
    });
  });

  it('two histories share the backfill budget: each needs twice as long', () => {
    // 760 / 2 = 380 a day each: (10,000 − 380) / 380 = 25.3 → 26.
    expect(estimateBackfill({ pending: 5000, activeBackfills: 2, ...DEFAULTS })?.text).toBe(
      'about 26 more days at today’s budget',
    );
  });

  it('counts what today has left: with today’s share used up, even a little waits for tomorrow', () => {
    // 40 × 2 = 80 reads; 700 of today’s 760 are used, leaving 60: 20 wait a day → 1 more day.
    expect(
      estimateBackfill({ pending: 40, activeBackfills: 1, ...DEFAULTS, readDailyUsed: 700 })?.text,
    ).toBe('about 1 more day at today’s budget');
  });

  it('inside a day, by quarter hours', () => {
    // 120 × 2 = 240 reads; 95 a quarter hour: 240 / 95 = 2.5 → 3 quarter hours = 45 minutes.
    expect(estimateBackfill({ pending: 120, activeBackfills: 1, ...DEFAULTS })?.text).toBe(
      'about 45 minutes',
    );
    // 300 × 2 = 600 reads: 600 / 95 = 6.3 → 7 quarter hours = 105 minutes → about 2 hours.
    expect(estimateBackfill({ pending: 300, activeBackfills: 1, ...DEFAULTS })?.text).toBe(
      'about 2 hours',
    );
    // 40 × 2 = 80 reads fit in one quarter hour.
    expect(estimateBackfill({ pending: 40, activeBackfills: 1, ...DEFAULTS })?.text).toBe(
      'a few minutes',
    );
  });

  it('nothing left: no estimate', () => {
    expect(estimateBackfill({ pending: 0, activeBackfills: 1, ...DEFAULTS })).toBeNull();
  });
});

describe('catchUpIntervalMs()', () => {
  // Scheduled catch-ups may use half of the reserve: 950 × 0.2 / 2 = 95 reads a day.
  it('a few athletes: every 6 hours with webhooks, every hour without', () => {
    expect(catchUpIntervalMs(10, true, 950, 0.2)).toBe(6 * HOUR);
    // 10 athletes × 24 / 95 = 2.53 h > 1 h: the budget decides.
    expect(catchUpIntervalMs(10, false, 950, 0.2)).toBe(Math.ceil((10 * 24 * HOUR) / 95));
    // 3 athletes × 24 / 95 = 0.76 h < 1 h: hourly.
    expect(catchUpIntervalMs(3, false, 950, 0.2)).toBe(HOUR);
  });

  it('many athletes: the interval grows so catch-ups stay within 95 reads a day', () => {
    // 200 athletes × 24 h / 95 = 50.5 hours between catch-ups of each.
    const interval = catchUpIntervalMs(200, true, 950, 0.2);
    expect(interval).toBe(Math.ceil((200 * 24 * HOUR) / 95));
    expect(200 * ((24 * HOUR) / interval)).toBeLessThanOrEqual(95);
  });
});
