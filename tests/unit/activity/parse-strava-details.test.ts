// Strava API payloads (parse-strava.ts) beyond the common case: the messages for payloads that are
// not what Strava sends, fallbacks when a field is missing, laps placed by start_index, and streams
// too short to make a track.
import { describe, expect, it } from 'vitest';
import { parseStravaActivity } from '../../../shared/activity/parse-strava.ts';
import { badInputOf } from '../../support/bad-input.ts';

const detail = {
  id: 7,
  sport_type: 'Run',
  start_date: '2026-03-01T11:00:00Z',
  elapsed_time: 600,
};

/** 10 minutes, one point every 10 s at 3 m/s, with heart rate 120 … 180. */
const time = Array.from({ length: 61 }, (_, i) => i * 10);
const streams = {
  time: { data: time },
  distance: { data: time.map((s) => s * 3) },
  heartrate: { data: time.map((_, i) => 120 + i) },
};

describe('parseStravaActivity(): refusals', () => {
  it.each([
    [
      'an activity without start_date',
      () => parseStravaActivity({ id: 1, elapsed_time: 1 }, [], {}),
      'unexpected Strava activity at start_date: Invalid input: expected string, received undefined',
    ],
    [
      'a lap without elapsed_time',
      () => parseStravaActivity(detail, [{ distance: 5 }], {}),
      'unexpected Strava laps at 0.elapsed_time: Invalid input: expected number, received undefined',
    ],
    [
      'laps that are not a list',
      () => parseStravaActivity(detail, { laps: [] }, {}),
      'unexpected Strava laps at (root): Invalid input: expected array, received object',
    ],
    [
      'a stream of text',
      () => parseStravaActivity(detail, [], { time: { data: ['0'] } }),
      'unexpected Strava streams at time.data.0: Invalid input: expected number, received string',
    ],
    [
      'a start date that is no date',
      () => parseStravaActivity({ ...detail, start_date: 'soon' }, [], {}),
      'start_date "soon" is not a date',
    ],
  ])('refuses %s, naming the field', (_name, call, message) => {
    const err = badInputOf(call);
    expect(err.reason).toBe('strava_bad_payload');
    expect(err.message).toBe(message);
  });
});

describe('parseStravaActivity(): fallbacks', () => {
  it('reads a summary-only activity: moving time = elapsed, no distance or climb, no device', () => {
    const a = parseStravaActivity({ ...detail, device_name: null }, undefined, undefined);
    expect(a.summary).toEqual({ distanceM: 0, movingS: 600, elapsedS: 600, elevationGainM: 0 });
    expect(a.samples).toEqual([]);
    expect(a.laps).toEqual([]);
    expect(a.intervals).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect('device' in a).toBe(false);
    expect('name' in a).toBe(false);
    expect('avgHrBpm' in a.summary).toBe(false);
  });

  it('takes the sport from type when there is no sport_type, and "other" for neither', () => {
    const { sport_type: _, ...noSportType } = detail;
    expect(parseStravaActivity({ ...noSportType, type: 'Hike' }, [], {}).sport).toBe('hike');
    expect(parseStravaActivity(noSportType, [], {}).sport).toBe('other');
  });

  it('prefers Strava’s heart-rate figures to the stream’s', () => {
    const a = parseStravaActivity(
      { ...detail, average_heartrate: 150.5, max_heartrate: 190 },
      [],
      streams,
    );
    expect(a.summary.avgHrBpm).toBe(150.5);
    expect(a.summary.maxHrBpm).toBe(190);
    // From the stream: 120 … 180, mean 150.
    const s = parseStravaActivity(detail, [], streams);
    expect(s.summary.avgHrBpm).toBe(150);
    expect(s.summary.maxHrBpm).toBe(180);
  });

  it('finds no work bouts in a steady run, and reads none for a ride', () => {
    expect(parseStravaActivity(detail, [], streams).intervals).toEqual([]);
    // Walk 2 min, run 1:30 at 4 m/s, walk 2 min, one point a second.
    const t = Array.from({ length: 331 }, (_, i) => i);
    const d = t.map((s) =>
      s <= 120 ? s * 1.5 : s <= 210 ? 180 + (s - 120) * 4 : 540 + (s - 210) * 1.5,
    );
    const bouts = { time: { data: t }, distance: { data: d } };
    expect(parseStravaActivity(detail, [], bouts).intervals.map((i) => i.kind)).toEqual([
      'rest',
      'work',
      'rest',
    ]);
    expect(parseStravaActivity({ ...detail, sport_type: 'Ride' }, [], bouts).intervals).toEqual([]);
  });

  it('keeps Strava’s numbers, with a warning, when the streams are too short for a track', () => {
    const a = parseStravaActivity({ ...detail, distance: 1800 }, [], { time: { data: [0] } });
    expect(a.samples).toEqual([]);
    expect(a.summary.distanceM).toBe(1800);
    expect(a.warnings).toEqual([
      'streams not used: all points share one time: there is no recorded movement to measure',
    ]);
  });
});

describe('parseStravaActivity(): laps', () => {
  it('places a lap by its start_date, else by the time at its start_index, else at 0', () => {
    const laps = [
      { start_date: '2026-03-01T11:05:00Z', start_index: 1, elapsed_time: 60 },
      { start_date: 'not a date', start_index: 12, elapsed_time: 60 },
      { start_index: 30, elapsed_time: 60 },
      { elapsed_time: 60, distance: 180 },
      { start_date: '2026-03-01T10:59:00Z', elapsed_time: 60 },
    ];
    expect(parseStravaActivity(detail, laps, streams).laps).toEqual([
      { startS: 300, durationS: 60, distanceM: 0 },
      { startS: 120, durationS: 60, distanceM: 0 },
      { startS: 300, durationS: 60, distanceM: 0 },
      { startS: 0, durationS: 60, distanceM: 180 },
      // A minute before the activity's start: clamped to its start.
      { startS: 0, durationS: 60, distanceM: 0 },
    ]);
  });
});
