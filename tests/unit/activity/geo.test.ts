import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../shared/activity/geo.ts';

describe('haversineM()', () => {
  // One degree of arc on a sphere of radius 6,371,008.8 m is 6,371,008.8 × π / 180 = 111,195.08 m.
  it.each([
    ['one degree of latitude along a meridian', 0, 0, 1, 0, 111_195.08],
    ['one degree of longitude along the equator', 0, 0, 0, 1, 111_195.08],
    ['pole to pole through the meridian', -90, 0, 90, 0, 20_015_114.4],
  ])('is %s = %f m', (_, lat1, lon1, lat2, lon2, expected) => {
    expect(haversineM(lat1, lon1, lat2, lon2)).toBeCloseTo(expected, 0);
  });

  it('is 0 between a point and itself', () => {
    expect(haversineM(47.3769, 8.5417, 47.3769, 8.5417)).toBe(0);
  });

  it('shrinks a degree of longitude by cos(latitude): at 60° it is about half', () => {
    // 111,195.08 × cos 60° = 55,597.5 m; the great circle is a hair shorter than the parallel.
    expect(haversineM(60, 0, 60, 1)).toBeCloseTo(55_597.5, -1);
  });
});
