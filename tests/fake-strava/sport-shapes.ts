// How each Strava sport is made from a template track (stretched in time, with or without GPS,
// heart rate shifted, laps every kilometre) and named, as Strava would name it.
import type { SportType } from 'strava-v3';
import { offsetSeconds } from './strava-format.ts';

export interface SportShape {
  template: 'run' | 'ride' | 'none';
  /** Time stretch applied to the template: 2 = half as fast. */
  timeScale: number;
  gps: boolean;
  /** For activities without a template: duration and speed. */
  durationS?: number;
  speedMps?: number;
  hrShift: number;
  lapEveryM?: number;
  trainer?: boolean;
}

export const SHAPES: Partial<Record<SportType, SportShape>> = {
  Run: { template: 'run', timeScale: 1, gps: true, hrShift: 0, lapEveryM: 1000 },
  TrailRun: { template: 'run', timeScale: 1.3, gps: true, hrShift: 5, lapEveryM: 1000 },
  VirtualRun: {
    template: 'run',
    timeScale: 1,
    gps: false,
    hrShift: 0,
    lapEveryM: 1000,
    trainer: true,
  },
  Walk: { template: 'run', timeScale: 2.2, gps: true, hrShift: -35, lapEveryM: 1000 },
  Hike: { template: 'run', timeScale: 2.8, gps: true, hrShift: -25, lapEveryM: 1000 },
  Ride: { template: 'ride', timeScale: 1, gps: true, hrShift: -5 },
  VirtualRide: { template: 'ride', timeScale: 1, gps: false, hrShift: 0, trainer: true },
  Swim: {
    template: 'none',
    timeScale: 1,
    gps: false,
    durationS: 2400,
    speedMps: 1.1,
    hrShift: -10,
  },
  WeightTraining: {
    template: 'none',
    timeScale: 1,
    gps: false,
    durationS: 2700,
    speedMps: 0,
    hrShift: -30,
  },
  Workout: {
    template: 'none',
    timeScale: 1,
    gps: false,
    durationS: 1800,
    speedMps: 0,
    hrShift: -20,
  },
};

export const DEFAULT_SHAPE: SportShape = { template: 'run', timeScale: 1, gps: true, hrShift: 0 };

/** The sports generateActivities() cycles through: mostly runs, and cross-training. */
export const GENERATED_SPORTS: readonly SportType[] = [
  'Run',
  'Run',
  'Ride',
  'Run',
  'TrailRun',
  'Walk',
  'Run',
  'Swim',
  'Run',
  'Hike',
  'VirtualRide',
  'WeightTraining',
];

const SPORT_LABEL: Partial<Record<SportType, string>> = {
  Run: 'Run',
  TrailRun: 'Trail Run',
  VirtualRun: 'Virtual Run',
  Walk: 'Walk',
  Hike: 'Hike',
  Ride: 'Ride',
  VirtualRide: 'Zwift Ride',
  Swim: 'Swim',
  WeightTraining: 'Weight Training',
  Workout: 'Workout',
};

/** Strava's legacy `type` for a sport_type. */
export function legacyType(sport: SportType): string {
  if (sport === 'TrailRun') return 'Run';
  if (sport === 'MountainBikeRide' || sport === 'GravelRide' || sport === 'EMountainBikeRide')
    return 'Ride';
  return sport;
}

export function isTrainer(sport: SportType): boolean {
  return SHAPES[sport]?.trainer === true;
}

export function defaultName(sport: SportType, start: Date, timezone: string): string {
  const hour = new Date(start.getTime() + offsetSeconds(timezone, start) * 1000).getUTCHours();
  const part =
    hour < 5
      ? 'Night'
      : hour < 12
        ? 'Morning'
        : hour < 14
          ? 'Lunch'
          : hour < 18
            ? 'Afternoon'
            : hour < 22
              ? 'Evening'
              : 'Night';
  return `${part} ${SPORT_LABEL[sport] ?? sport}`;
}
