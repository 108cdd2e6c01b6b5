// Every source names sports its own way; this maps them onto Hipcheck's Sport union.
import type { Sport } from './activity.ts';

/** Lower-case letters and digits only: "Trail_Running" and "TrailRun" both become comparable. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_NAME: Readonly<Record<string, Sport>> = {
  run: 'run',
  running: 'run',
  streetrunning: 'run',
  trackrunning: 'run',
  roadrunning: 'run',
  virtualrun: 'treadmill_run',
  treadmill: 'treadmill_run',
  treadmillrun: 'treadmill_run',
  treadmillrunning: 'treadmill_run',
  indoorrunning: 'treadmill_run',
  trailrun: 'trail_run',
  trailrunning: 'trail_run',
  walk: 'walk',
  walking: 'walk',
  hike: 'hike',
  hiking: 'hike',
  mountaineering: 'hike',
  ride: 'ride',
  biking: 'ride',
  cycling: 'ride',
  bike: 'ride',
  roadbiking: 'ride',
  mountainbikeride: 'ride',
  mountainbiking: 'ride',
  gravelride: 'ride',
  ebikeride: 'ride',
  emountainbikeride: 'ride',
  virtualride: 'ride',
  indoorcycling: 'ride',
  velomobile: 'ride',
  handcycle: 'ride',
  swim: 'swim',
  swimming: 'swim',
  openwaterswimming: 'swim',
  lapswimming: 'swim',
  elliptical: 'elliptical',
  rowing: 'rowing',
  virtualrow: 'rowing',
  indoorrowing: 'rowing',
  weighttraining: 'strength',
  strengthtraining: 'strength',
  strength: 'strength',
  crossfit: 'strength',
};

/**
 * The Sport of a free-text name: Strava sport_type or type ("TrailRun"), TCX Sport attribute
 * ("Running"), GPX <type> ("running", "trail_running"). Unknown names are 'other'.
 */
export function sportOfName(name: string | undefined): Sport | undefined {
  if (name === undefined) return undefined;
  const key = normalise(name);
  if (key === '') return undefined;
  return BY_NAME[key] ?? 'other';
}

/** The Sport of a FIT `sport` and `sub_sport` pair (FIT profile enums). */
export function sportOfFit(sport: number | undefined, subSport: number | undefined): Sport {
  switch (sport) {
    case 1: // running
      if (subSport === 1 || subSport === 45) return 'treadmill_run'; // treadmill, virtual_activity
      if (subSport === 3) return 'trail_run';
      return 'run';
    case 2: // cycling
      return 'ride';
    case 4: // fitness_equipment
      if (subSport === 15) return 'elliptical';
      if (subSport === 14) return 'rowing';
      if (subSport === 1) return 'treadmill_run';
      if (subSport === 20) return 'strength';
      return 'other';
    case 5:
      return 'swim';
    case 10: // training
      return subSport === 20 ? 'strength' : 'other';
    case 11:
      return 'walk';
    case 15:
      return 'rowing';
    case 16: // mountaineering
    case 17: // hiking
      return 'hike';
    default:
      return 'other';
  }
}

const ON_FOOT: ReadonlySet<Sport> = new Set(['run', 'trail_run', 'treadmill_run', 'walk', 'hike']);

/** Sports whose cadence devices record per foot (strides per minute). */
export function isOnFootSport(sport: Sport): boolean {
  return ON_FOOT.has(sport);
}

/** The fastest speed, m/s, still believable for a sport: faster steps between fixes are GPS spikes. */
export function maxSpeedMpsOf(sport: Sport): number {
  if (ON_FOOT.has(sport)) return 12; // 43 km/h: faster than any human sprint
  if (sport === 'ride') return 35;
  if (sport === 'swim' || sport === 'rowing') return 10;
  return 50;
}
