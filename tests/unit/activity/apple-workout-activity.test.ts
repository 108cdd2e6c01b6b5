// One Apple Health workout into an activity (apple-workout-activity.ts, apple-workout-sport.ts):
// its label and sport, its route read with the watch's heart rate on each point, and what the
// runner is told when the route is missing or broken.
import { describe, expect, it } from 'vitest';
import {
  appleWorkoutActivity,
  appleWorkoutLabel,
} from '../../../shared/activity/apple-health/apple-workout-activity.ts';
import {
  appleWorkoutTypeName,
  sportOfAppleWorkout,
} from '../../../shared/activity/apple-health/apple-workout-sport.ts';
import type { AppleWorkout } from '../../../shared/activity/apple-health/scan-health-xml.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';

const T0 = Date.UTC(2026, 2, 1, 7, 0, 0);
const workout = (type: string, more: Partial<AppleWorkout> = {}): AppleWorkout => ({
  index: 0,
  type: `HKWorkoutActivityType${type}`,
  startMs: T0,
  endMs: T0 + 600_000,
  startText: '2026-03-01 08:00:00 +0100',
  indoor: false,
  ...more,
});
const NO_HR = { t: [], bpm: [] };

describe('sportOfAppleWorkout() and appleWorkoutLabel()', () => {
  it.each([
    ['Running', false, 'run'],
    ['Running', true, 'treadmill_run'],
    ['Walking', true, 'walk'],
    ['Hiking', false, 'hike'],
    ['HandCycling', false, 'ride'],
    ['CoreTraining', false, 'strength'],
    // Not in Apple's list here, read as a name: "Rowing", then anything else is "other".
    ['Crossfit', false, 'strength'],
    ['Curling', false, 'other'],
  ] as const)('%s (indoor %s) is %s', (type, indoor, sport) => {
    expect(sportOfAppleWorkout(`HKWorkoutActivityType${type}`, indoor)).toBe(sport);
  });

  it('names a workout by its type in words and its local start', () => {
    expect(appleWorkoutTypeName('HKWorkoutActivityTypeRunning')).toBe('Running');
    expect(appleWorkoutLabel(workout('TraditionalStrengthTraining'))).toBe(
      'Traditional Strength Training, 2026-03-01 08:00',
    );
  });
});

describe('appleWorkoutActivity()', () => {
  // A route as Apple writes it: positions and times, no heart rate.
  const points = track(steadyPlan(600, 3)).map(({ hrBpm: _, ...p }) => p);
  const route = new TextEncoder().encode(toGpx(points));
  // The watch read heart rate at 0 s and 20 s only.
  const hr = { t: [T0, T0 + 20_000], bpm: [120, 140] };

  it('reads a run’s route, with the watch’s nearest heart rate within 10 s on each point', () => {
    const a = appleWorkoutActivity(
      workout('Running', { routePath: '/r.gpx', distanceM: 1850, device: 'Apple Watch' }),
      hr,
      route,
    );
    expect(a.format).toBe('apple_health');
    expect(a.sport).toBe('run');
    expect(a.device).toBe('Apple Watch');
    expect(a.name).toBeUndefined();
    // The watch's distance wins over the route's 1800 m.
    expect(a.summary.distanceM).toBe(1850);
    // 0–10 s take 120 (a tie at 10 s goes to the later reading, 140); 10–30 s 140; later none.
    expect(a.samples.slice(0, 32).map((s) => s.hrBpm)).toEqual([
      ...new Array(10).fill(120),
      ...new Array(21).fill(140),
      undefined,
    ]);
  });

  it('uses the workout’s own numbers without a route, with its heart rate as samples', () => {
    const a = appleWorkoutActivity(
      workout('Cycling', { durationS: 550, distanceM: 5000, routePath: '/r.gpx' }),
      hr,
      route,
    );
    // A ride's route is not read: rides keep the workout's numbers.
    expect(a.sport).toBe('ride');
    expect(a.summary).toMatchObject({ distanceM: 5000, movingS: 550, elapsedS: 600 });
    expect(a.samples).toEqual([
      { t: T0, hrBpm: 120 },
      { t: T0 + 20_000, hrBpm: 140 },
    ]);
    expect(a.fileWarnings).toBeUndefined();
    // Without a duration, moving time is the elapsed time.
    expect(appleWorkoutActivity(workout('Walking'), NO_HR, undefined).summary.movingS).toBe(600);
  });

  it('says when a run’s route is not in the export', () => {
    const a = appleWorkoutActivity(workout('Running', { routePath: '/r.gpx' }), NO_HR, undefined);
    expect(a.fileWarnings).toEqual([
      {
        code: 'apple_route_missing',
        message: 'its route /r.gpx is not in the export: time and distance come from the workout',
      },
    ]);
  });

  it('says when a run’s route could not be read, by the reader or by the GPX parser', () => {
    const problem = new BadInputError('zip_corrupt', 'r.gpx fails its CRC check');
    const a = appleWorkoutActivity(
      workout('Running', { routePath: '/r.gpx' }),
      NO_HR,
      route,
      problem,
    );
    expect(a.fileWarnings?.[0]).toEqual({
      code: 'apple_route_unreadable',
      message:
        'its route /r.gpx could not be read (r.gpx fails its CRC check): time and distance come from the workout',
    });
    const broken = new TextEncoder().encode('<gpx></gpx>');
    const b = appleWorkoutActivity(workout('Running', { routePath: '/r.gpx' }), NO_HR, broken);
    expect(b.fileWarnings?.[0]?.message).toBe(
      'its route /r.gpx could not be read (nothing was recorded: it has no track (<trk>)): time and distance come from the workout',
    );
    expect(b.summary.elapsedS).toBe(600);
  });
});
