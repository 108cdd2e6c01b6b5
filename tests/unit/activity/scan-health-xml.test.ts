// The first pass over an Apple Health export.xml (scan-health-xml.ts), on elements written by hand
// in Apple's own attribute shapes: workouts with their units, devices, indoor flag, route and
// iOS 16's WorkoutStatistics, the ones left out, and the days' resting heart rate and HRV.
import { describe, expect, it } from 'vitest';
import { createHealthXmlScanner } from '../../../shared/activity/apple-health/scan-health-xml.ts';
import { badInputOf } from '../../support/bad-input.ts';

function scan(body: string, root = 'HealthData') {
  const s = createHealthXmlScanner();
  s.push(new TextEncoder().encode(`<${root}>${body}</${root}>`));
  s.end();
  return s.result();
}

const START = '2019-05-01 07:00:00 +0000';
const END = '2019-05-01 07:30:00 +0000';

function workout(attrs: string, inner = ''): string {
  return `<Workout workoutActivityType="HKWorkoutActivityTypeRunning" startDate="${START}" endDate="${END}" ${attrs}>${inner}</Workout>`;
}

describe('createHealthXmlScanner(): workouts', () => {
  it('reads a workout’s type, times, duration and distance in their units', () => {
    const r = scan(
      workout('duration="25" durationUnit="min" totalDistance="5" totalDistanceUnit="km"'),
    );
    expect(r.workouts).toEqual([
      {
        index: 0,
        type: 'HKWorkoutActivityTypeRunning',
        startMs: Date.UTC(2019, 4, 1, 7, 0, 0),
        endMs: Date.UTC(2019, 4, 1, 7, 30, 0),
        startText: START,
        durationS: 1500,
        distanceM: 5000,
        indoor: false,
      },
    ]);
  });

  it.each([
    ['duration="90" durationUnit="s"', 'durationS', 90],
    ['duration="2" durationUnit="sec"', 'durationS', 2],
    ['duration="0.5" durationUnit="hr"', 'durationS', 1800],
    ['duration="0.25" durationUnit="h"', 'durationS', 900],
    ['totalDistance="3" totalDistanceUnit="mi"', 'distanceM', 3 * 1609.344],
    ['totalDistance="100" totalDistanceUnit="yd"', 'distanceM', 91.44],
    ['totalDistance="1000" totalDistanceUnit="ft"', 'distanceM', 304.8],
    ['totalDistance="800" totalDistanceUnit="m"', 'distanceM', 800],
  ] as const)('converts %s', (attrs, key, value) => {
    expect(scan(workout(attrs)).workouts[0]?.[key]).toBeCloseTo(value, 9);
  });

  it.each([
    [
      'an unknown unit',
      'duration="25" durationUnit="fortnight" totalDistance="5" totalDistanceUnit="league"',
    ],
    ['no unit', 'duration="25" totalDistance="5"'],
    [
      'negative values',
      'duration="-1" durationUnit="min" totalDistance="-5" totalDistanceUnit="km"',
    ],
    [
      'values that are not numbers',
      'duration="x" durationUnit="min" totalDistance="x" totalDistanceUnit="km"',
    ],
    ['a distance of 0', 'totalDistance="0" totalDistanceUnit="km"'],
  ])('leaves duration and distance out for %s', (_name, attrs) => {
    const w = scan(workout(attrs)).workouts[0];
    expect(w?.durationS).toBeUndefined();
    expect(w?.distanceM).toBeUndefined();
  });

  it('takes the device’s name out of its description, else the source’s name', () => {
    const device =
      'device="&lt;&lt;HKDevice: 0x28&gt;, name:Apple Watch, manufacturer:Apple Inc.&gt;"';
    expect(scan(workout(`sourceName="Phone" ${device}`)).workouts[0]?.device).toBe('Apple Watch');
    expect(scan(workout('sourceName="Strava"')).workouts[0]?.device).toBe('Strava');
    expect(
      scan(workout('device="&lt;&lt;HKDevice&gt;, model:Watch&gt;"')).workouts[0]?.device,
    ).toBeUndefined();
  });

  it('reads the indoor flag from the workout’s own metadata, and the first route file', () => {
    const inner =
      '<MetadataEntry key="HKIndoorWorkout" value="1"/>' +
      '<WorkoutRoute><FileReference path="/workout-routes/a.gpx"/></WorkoutRoute>' +
      '<WorkoutRoute><FileReference path="/workout-routes/b.gpx"/></WorkoutRoute>' +
      '<FileReference path="/elsewhere.gpx"/>';
    const w = scan(workout('', inner)).workouts[0];
    expect(w?.indoor).toBe(true);
    expect(w?.routePath).toBe('/workout-routes/a.gpx');
    // A route's own metadata does not make the workout indoor; a file outside a route is no route.
    const nested =
      '<WorkoutRoute><MetadataEntry key="HKIndoorWorkout" value="1"/></WorkoutRoute>' +
      '<FileReference path="/elsewhere.gpx"/>';
    const o = scan(workout('', nested)).workouts[0];
    expect(o?.indoor).toBe(false);
    expect(o?.routePath).toBeUndefined();
    expect(
      scan(workout('', '<MetadataEntry key="HKIndoorWorkout" value="0"/>')).workouts[0]?.indoor,
    ).toBe(false);
  });

  it('sums the distances of WorkoutStatistics when the workout has no total (iOS 16)', () => {
    const stats =
      '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" sum="3" unit="km"/>' +
      '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceSwimming" sum="500" unit="m"/>' +
      '<WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" sum="300" unit="kcal"/>';
    expect(scan(workout('', stats)).workouts[0]?.distanceM).toBe(3500);
    // The workout's own total wins.
    const own = workout('totalDistance="4" totalDistanceUnit="km"', stats);
    expect(scan(own).workouts[0]?.distanceM).toBe(4000);
    // Statistics summing to 0: no distance.
    const zero =
      '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceCycling" sum="0" unit="km"/>';
    expect(scan(workout('', zero)).workouts[0]?.distanceM).toBeUndefined();
  });

  it('leaves out a workout without readable dates, or one that ends before it starts, saying why', () => {
    const backwards = `<Workout workoutActivityType="HKWorkoutActivityTypeWalking" startDate="${END}" endDate="${START}"/>`;
    const r = scan(`<Workout endDate="${END}"/>${backwards}${workout('')}`);
    expect(r.workouts.map((w) => w.index)).toEqual([2]);
    expect(r.skipped).toEqual([
      {
        index: 0,
        label: 'workout 1 (HKWorkoutActivityTypeOther, no start)',
        reason: 'apple_workout_dates',
        message: 'its start and end dates are missing, unreadable or out of order',
      },
      {
        index: 1,
        label: `workout 2 (HKWorkoutActivityTypeWalking, ${END})`,
        reason: 'apple_workout_dates',
        message: 'its start and end dates are missing, unreadable or out of order',
      },
    ]);
  });

  it('refuses a file that is not Apple Health data, naming what it holds', () => {
    const err = badInputOf(() => scan('', 'gpx'));
    expect(err.reason).toBe('apple_not_health');
    expect(err.message).toBe('export.xml holds <gpx>, not <HealthData>');
  });
});

describe('createHealthXmlScanner(): wellness days', () => {
  const rec = (type: string, unit: string, value: string, date = START) =>
    `<Record type="HKQuantityTypeIdentifier${type}" unit="${unit}" value="${value}" startDate="${date}"/>`;

  it('averages each local day’s resting heart rate and HRV, days in order', () => {
    const body =
      rec('RestingHeartRate', 'count/min', '50', '2019-05-02 06:00:00 +0200') +
      rec('RestingHeartRate', 'count/min', '54', '2019-05-02 08:00:00 +0200') +
      rec('HeartRateVariabilitySDNN', 'ms', '40', '2019-05-02 07:00:00 +0200') +
      rec('RestingHeartRate', 'count/min', '60', '2019-05-01 23:00:00 -0700');
    expect(scan(body).wellness).toEqual([
      { date: '2019-05-01', restingHrBpm: 60 },
      { date: '2019-05-02', restingHrBpm: 52, hrvSdnnMs: 40 },
    ]);
  });

  it('skips other records, other units, values of 0 or not numbers, and unreadable dates', () => {
    const body =
      rec('HeartRate', 'count/min', '120') +
      rec('RestingHeartRate', 'count/s', '1') +
      rec('HeartRateVariabilitySDNN', 's', '0.04') +
      rec('RestingHeartRate', 'count/min', '0') +
      rec('RestingHeartRate', 'count/min', 'x') +
      rec('RestingHeartRate', 'count/min', '50', 'yesterday') +
      `<Workout startDate="${START}" endDate="${END}">${rec('RestingHeartRate', 'count/min', '50')}</Workout>`;
    expect(scan(body).wellness).toEqual([]);
  });
});
