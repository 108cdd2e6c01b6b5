// Small readers of activity files' surroundings: a duration as a watch shows it, a file warning in
// the athlete's own time zone, and which export a ZIP is from the paths it holds.
import { describe, expect, it } from 'vitest';
import {
  describeFileWarning,
  localClockAt,
} from '../../../shared/activity/describe-file-warning.ts';
import {
  detectExportKind,
  isActivityFileName,
} from '../../../shared/activity/detect-export-kind.ts';
import { formatClock } from '../../../shared/activity/format-clock.ts';

describe('formatClock()', () => {
  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [59.6, '1:00'],
    [605, '10:05'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [36_000 + 61, '10:01:01'],
  ])('%d s is %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});

describe('describeFileWarning()', () => {
  // 09:00 UTC on 1 March 2026 is 10:00 in Zurich (CET, UTC+1).
  const start = new Date(Date.UTC(2026, 2, 1, 9, 0, 0));

  it('gives the local clock a number of seconds after the start', () => {
    expect(localClockAt(start, 42 * 60 + 10, 'Europe/Zurich')).toBe('10:42');
    expect(localClockAt(start, 0, 'UTC')).toBe('09:00');
  });

  it('says where a file that ends early ends, on the clock and into the activity', () => {
    const w = { code: 'fit_ends_early', message: 'the file ends early', atS: 2530 };
    expect(describeFileWarning(w, start, 'Europe/Zurich')).toBe(
      'the file ends early at 10:42 (42:10 into the activity): anything recorded after that is missing',
    );
  });

  it('adds the clock to any other warning that names a moment, and leaves the rest as they are', () => {
    const at = { code: 'gpx_gap', message: 'a gap in the track', atS: 3600 };
    expect(describeFileWarning(at, start, 'Europe/Zurich')).toBe('a gap in the track (at 11:00)');
    const none = { code: 'gpx_points_without_position', message: '2 points skipped' };
    expect(describeFileWarning(none, start, 'Europe/Zurich')).toBe('2 points skipped');
  });
});

describe('detectExportKind()', () => {
  it.each([
    [
      ['apple_health_export/export.xml', 'apple_health_export/workout-routes/r.gpx'],
      'apple_health',
    ],
    [['export.xml'], 'apple_health'],
    [['DI_CONNECT/DI-Connect-Fitness/a.json'], 'garmin'],
    [['export_123/DI_CONNECT/x.json'], 'garmin'],
    [['export_1/activities.csv', 'export_1/activities/1.fit.gz'], 'strava'],
    [['activities/1.gpx'], 'strava'],
    [['runs/', 'runs/a.GPX', 'b.tcx.gz'], 'activity_files'],
    [['notes.txt', 'photos/'], undefined],
    // A folder named like a file is not a file.
    [['odd.gpx/'], undefined],
  ] as const)('%j: %s', (names, kind) => {
    expect(detectExportKind(names)).toBe(kind);
  });

  it('knows activity files by their extension, gzipped or not', () => {
    expect(['a.gpx', 'a.TCX', 'a.fit.gz'].map(isActivityFileName)).toEqual([true, true, true]);
    expect(['a.gpx.zip', 'a.csv', 'gpx'].map(isActivityFileName)).toEqual([false, false, false]);
  });
});
