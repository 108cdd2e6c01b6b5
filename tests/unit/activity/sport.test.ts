// Sports as each source names them (sport.ts). FIT numbers are those of the FIT profile's `sport`
// enum (1 running, 2 cycling, 4 fitness_equipment, 5 swimming, 10 training, 11 walking, 15 rowing,
// 16 mountaineering, 17 hiking) and `sub_sport` enum (1 treadmill, 3 trail, 14 indoor_rowing,
// 15 elliptical, 20 strength_training, 45 virtual_activity).
import { describe, expect, it } from 'vitest';
import type { Sport } from '../../../shared/activity/activity.ts';
import {
  isOnFootSport,
  maxSpeedMpsOf,
  sportOfFit,
  sportOfName,
} from '../../../shared/activity/sport.ts';

describe('sportOfFit()', () => {
  it.each([
    [1, undefined, 'run'],
    [1, 0, 'run'],
    [1, 1, 'treadmill_run'],
    [1, 45, 'treadmill_run'],
    [1, 3, 'trail_run'],
    [2, 0, 'ride'],
    [4, 15, 'elliptical'],
    [4, 14, 'rowing'],
    [4, 1, 'treadmill_run'],
    [4, 20, 'strength'],
    [4, 0, 'other'],
    [5, 17, 'swim'],
    [10, 20, 'strength'],
    [10, 0, 'other'],
    [11, 0, 'walk'],
    [15, 0, 'rowing'],
    [16, 0, 'hike'],
    [17, 0, 'hike'],
    [0, 0, 'other'],
    [undefined, undefined, 'other'],
  ] as const)('sport %s, sub-sport %s: %s', (sport, subSport, expected) => {
    expect(sportOfFit(sport, subSport)).toBe(expected);
  });
});

describe('sportOfName()', () => {
  it.each([
    ['Running', 'run'],
    ['trail_running', 'trail_run'],
    ['TrailRun', 'trail_run'],
    ['Trail Running', 'trail_run'],
    ['VirtualRun', 'treadmill_run'],
    ['Biking', 'ride'],
    ['E-Mountain Bike Ride', 'ride'],
    ['Hiking', 'hike'],
    ['Kitesurf', 'other'],
  ] as const)('%j is %s', (name, sport) => {
    expect(sportOfName(name)).toBe(sport);
  });

  it('is undefined for no name, or one with no letters or digits', () => {
    expect(sportOfName(undefined)).toBeUndefined();
    expect(sportOfName('')).toBeUndefined();
    expect(sportOfName(' _-')).toBeUndefined();
  });
});

describe('isOnFootSport() and maxSpeedMpsOf()', () => {
  // A step of 20 m/s (72 km/h) between two fixes: beyond anyone on foot (the fastest sprinters
  // reach about 12.4 m/s), swimming or rowing, but within a descent on a bike, and not refused in
  // a sport Hipcheck does not know.
  it.each([
    ['run', true, true],
    ['trail_run', true, true],
    ['treadmill_run', true, true],
    ['walk', true, true],
    ['hike', true, true],
    ['ride', false, false],
    ['swim', false, true],
    ['rowing', false, true],
    ['elliptical', false, false],
    ['other', false, false],
  ] as const)('%s: on foot %s; 20 m/s a spike %s', (sport: Sport, onFoot, spike) => {
    expect(isOnFootSport(sport)).toBe(onFoot);
    expect(maxSpeedMpsOf(sport) < 20).toBe(spike);
  });

  it('believes a sprint on foot (10 m/s), and a bike faster than any runner', () => {
    expect(maxSpeedMpsOf('run')).toBeGreaterThan(10);
    expect(maxSpeedMpsOf('ride')).toBeGreaterThan(maxSpeedMpsOf('run'));
    expect(maxSpeedMpsOf('other')).toBeGreaterThan(maxSpeedMpsOf('ride'));
  });
});
