// The sync's health in words: when Hipcheck last heard from Strava, the warning that runs may be
// missing, and the day a connection ended, in the athlete's time zone.
import { describe, expect, it } from 'vitest';
import { agoText, describeSync, type SyncFacts } from '#services/strava/describe-sync';

const NOW = new Date('2026-03-12T10:00:00Z');
const base: SyncFacts = {
  status: 'connected',
  connectedAt: new Date('2026-03-01T08:00:00Z'),
  lastSyncedAt: new Date('2026-03-12T09:48:00Z'),
  syncFailingSince: null,
  syncError: null,
  endedAt: null,
  lastError: null,
};

describe('describeSync()', () => {
  it('says when Strava last synced, with no warning while all is well', () => {
    expect(describeSync(base, 'Europe/Amsterdam', NOW)).toEqual({
      lastSynced: 'Strava last synced 12 minutes ago',
      warning: null,
      disconnected: null,
    });
  });

  it('warns that runs may be missing from today’s decision while syncing fails', () => {
    const d = describeSync(
      {
        ...base,
        syncFailingSince: new Date('2026-03-10T13:05:00Z'),
        syncError: { code: 'upstream_unavailable', message: 'Strava answered 503' },
      },
      'Europe/Amsterdam',
      NOW,
    );
    // 13:05 UTC is 14:05 in Amsterdam (CET, UTC+1, in March before the change to summer time).
    expect(d.warning).toBe(
      'Strava sync has been failing since Tue 10 Mar, 14:05 (Strava is not answering as it ' +
        'should). Runs recorded since then may be missing here, so today’s decision may be ' +
        'computed without them.',
    );
  });

  it('warns after 36 hours without a word from Strava', () => {
    const quiet = { ...base, lastSyncedAt: new Date('2026-03-10T21:00:00Z') }; // 37 h before
    expect(describeSync(quiet, 'UTC', NOW).warning).toContain(
      'Hipcheck has not heard from Strava since Tue 10 Mar, 21:00',
    );
    const recent = { ...base, lastSyncedAt: new Date('2026-03-10T23:00:00Z') }; // 35 h before
    expect(describeSync(recent, 'UTC', NOW).warning).toBeNull();
  });

  it('names the day access was removed on Strava, in the athlete’s own time zone', () => {
    // 23:30 UTC on 9 March is already 10 March in Auckland (UTC+13).
    const d = describeSync(
      {
        ...base,
        status: 'deauthorized',
        endedAt: new Date('2026-03-09T23:30:00Z'),
        lastError: { code: 'strava_deauthorized', message: 'removed' },
      },
      'Pacific/Auckland',
      NOW,
    );
    expect(d.disconnected).toEqual({
      on: '2026-03-10',
      reason: 'Hipcheck’s access was removed on Strava',
      message:
        'Strava was disconnected on Tuesday 10 March 2026 (Hipcheck’s access was removed on ' +
        'Strava). Runs recorded since then are not in Hipcheck, so today’s decision does not ' +
        'count them.',
    });
    expect(d.warning).toBeNull();
  });
});

describe('agoText()', () => {
  it.each([
    [30_000, 'just now'],
    [60_000, '1 minute ago'],
    [59 * 60_000, '59 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [49 * 3_600_000, '2 days ago'],
  ])('%i ms → %s', (ms, text) => {
    expect(agoText(new Date(NOW.getTime() - ms), NOW)).toBe(text);
  });
});
