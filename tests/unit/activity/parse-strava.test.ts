import { describe, expect, it } from 'vitest';
import { parseStravaActivity } from '../../../shared/activity/parse-strava.ts';
import { BadInputError } from '../../../shared/errors.ts';

const detail = {
  id: 42,
  name: 'Lunch run',
  sport_type: 'TrailRun',
  type: 'Run',
  start_date: '2026-03-01T11:00:00Z',
  elapsed_time: 4,
  moving_time: 4,
  distance: 12.5,
  total_elevation_gain: 3,
  device_name: 'Garmin Forerunner 265',
};

const streams = {
  time: { data: [0, 1, 2, 3, 4] },
  latlng: {
    data: [
      [47, 8],
      [47.00003, 8],
      [47.00006, 8],
      [47.00009, 8],
      [47.00011, 8],
    ],
  },
  distance: { data: [0, 3.3, 6.6, 10, 12.5] },
  altitude: { data: [400, 400.5, 401, 401.5, 402] },
  heartrate: { data: [120, 130, 0, 140, 150] },
  cadence: { data: [84, 85, 86, 87, 88] },
  velocity_smooth: { data: [3, 3.3, 3.3, 3.4, 2.5] },
  moving: { data: [true, true, true, true, true] },
};

const laps = [
  {
    start_date: '2026-03-01T11:00:02Z',
    start_index: 2,
    elapsed_time: 2,
    distance: 5.9,
    average_heartrate: 145,
  },
];

describe('parseStravaActivity()', () => {
  const a = parseStravaActivity(detail, laps, streams);

  it('takes the sport from sport_type and keeps Strava’s summary numbers', () => {
    expect(a.format).toBe('strava');
    expect(a.sport).toBe('trail_run');
    expect(a.name).toBe('Lunch run');
    expect(a.device).toBe('Garmin Forerunner 265');
    expect(a.summary).toMatchObject({
      distanceM: 12.5,
      movingS: 4,
      elapsedS: 4,
      elevationGainM: 3,
    });
  });

  it('doubles Strava’s per-foot run cadence to steps per minute', () => {
    expect(a.samples.map((s) => s.cadenceSpm)).toEqual([168, 170, 172, 174, 176]);
  });

  it('turns the streams into samples, dropping a heart rate of 0', () => {
    expect(a.samples[1]).toMatchObject({
      t: Date.parse('2026-03-01T11:00:01Z'),
      lat: 47.00003,
      lon: 8,
      eleM: 400.5,
      hrBpm: 130,
      distanceM: 3.3,
      speedMps: 3.3,
    });
    expect(a.samples[2]?.hrBpm).toBeUndefined();
    // (120 + 130 + 140 + 150) / 4 = 135 when Strava gives no average.
    expect(a.summary.avgHrBpm).toBe(135);
    expect(a.summary.maxHrBpm).toBe(150);
  });

  it('keeps the laps, in seconds from the start', () => {
    expect(a.laps).toEqual([{ startS: 2, durationS: 2, distanceM: 5.9, avgHrBpm: 145 }]);
  });

  it('keeps ride cadence as it is and reads a manual activity without streams', () => {
    const ride = parseStravaActivity({ ...detail, sport_type: 'Ride' }, [], streams);
    expect(ride.samples[0]?.cadenceSpm).toBe(84);
    const manual = parseStravaActivity({ ...detail, sport_type: 'Walk' }, [], {});
    expect(manual.sport).toBe('walk');
    expect(manual.samples).toEqual([]);
    expect(manual.summary.distanceM).toBe(12.5);
  });

  it('rejects a payload that is not a Strava activity, naming the field', () => {
    try {
      parseStravaActivity({ id: 1 }, [], {});
      throw new Error('expected a BadInputError');
    } catch (err) {
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as BadInputError).reason).toBe('strava_bad_payload');
      expect((err as BadInputError).message).toContain('start_date');
    }
  });
});
