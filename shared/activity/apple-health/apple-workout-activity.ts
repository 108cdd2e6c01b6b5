// One Apple Health workout → one Activity. Runs, walks and hikes with a route take their track from
// the route's GPX, with the watch's heart rate put on each point; everything else (cycling,
// swimming, strength, a treadmill run, a walk without GPS) is an activity of its duration and
// distance, with its heart-rate readings as samples for the load metrics.
import { BadInputError } from '../../errors.ts';
import type { Activity, ActivityWarning } from '../activity.ts';
import { buildSummaryActivity } from '../build-summary-activity.ts';
import { activityOfGpx, createGpxParser } from '../parse-gpx.ts';
import { isOnFootSport } from '../sport.ts';
import { appleWorkoutTypeName, sportOfAppleWorkout } from './apple-workout-sport.ts';
import { heartRateNear, type HeartRateSeries } from './collect-heart-rates.ts';
import type { AppleWorkout } from './scan-health-xml.ts';

/** A track point takes the watch's nearest heart-rate reading within this many ms (it reads about every 5 s). */
export const HR_MATCH_MS = 10_000;

/** "Running, 2019-05-01 07:12", "Traditional Strength Training, …" — a workout's name in results. */
export function appleWorkoutLabel(w: AppleWorkout): string {
  const words = appleWorkoutTypeName(w.type).replace(/([a-z])([A-Z])/g, '$1 $2');
  return `${words}, ${w.startText.slice(0, 16)}`;
}

/**
 * The workout as an Activity. `route` is the bytes of its route GPX when the export holds one
 * (undefined: no route, or the file the workout names is missing or damaged — said in a warning).
 */
export function appleWorkoutActivity(
  w: AppleWorkout,
  heartRate: HeartRateSeries,
  route: Uint8Array | undefined,
  routeProblem?: BadInputError,
): Activity {
  const sport = sportOfAppleWorkout(w.type, w.indoor);
  const fileWarnings: ActivityWarning[] = [];
  if (isOnFootSport(sport) && w.routePath !== undefined) {
    if (routeProblem !== undefined) {
      fileWarnings.push({
        code: 'apple_route_unreadable',
        message: `its route ${w.routePath} could not be read (${routeProblem.message}): time and distance come from the workout`,
      });
    } else if (route === undefined) {
      fileWarnings.push({
        code: 'apple_route_missing',
        message: `its route ${w.routePath} is not in the export: time and distance come from the workout`,
      });
    } else {
      try {
        return routeActivity(w, sport, heartRate, route);
      } catch (err) {
        if (!(err instanceof BadInputError)) throw err;
        fileWarnings.push({
          code: 'apple_route_unreadable',
          message: `its route ${w.routePath} could not be read (${err.message}): time and distance come from the workout`,
        });
      }
    }
  }
  const elapsedS = (w.endMs - w.startMs) / 1000;
  return buildSummaryActivity({
    format: 'apple_health',
    sport,
    startMs: w.startMs,
    elapsedS,
    movingS: w.durationS ?? elapsedS,
    distanceM: w.distanceM,
    hrSamples: heartRate.t.map((t, i) => ({ t, hrBpm: heartRate.bpm[i] as number })),
    device: w.device,
    fileWarnings,
  });
}

function routeActivity(
  w: AppleWorkout,
  sport: ReturnType<typeof sportOfAppleWorkout>,
  heartRate: HeartRateSeries,
  route: Uint8Array,
): Activity {
  const parser = createGpxParser({
    defaultSport: sport,
    heartRateAt: (t) => heartRateNear(heartRate, t, HR_MATCH_MS),
  });
  parser.push(route);
  // The watch's distance (GPS and motion together) where the workout records one, as for FIT files.
  return activityOfGpx(parser.end(), {
    format: 'apple_health',
    sport,
    // The route's own <name> ("Route 2019-05-01 7:12am") says nothing the workout does not.
    name: undefined,
    device: w.device,
    distanceM: w.distanceM,
  });
}
