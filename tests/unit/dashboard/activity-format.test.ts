import { describe, expect, it } from 'vitest';
import { formatDate, formatPace } from '../../../dashboard/src/format.ts';
import { hasRoute, routeOf, routeSummary } from '../../../dashboard/src/charts/route-chart.ts';

describe('formatPace()', () => {
  it.each([
    [1000, 300, 'km', '5:00 /km'],
    [1609.344, 480, 'mi', '8:00 /mi'],
    // 4050 m in 35:00: 2100 s / 4.05 km = 518.5 s → 8:39.
    [4050, 2100, 'km', '8:39 /km'],
    // Nothing to divide: no moving time, or no distance.
    [500, 0, 'km', '–'],
    [0, 300, 'km', '–'],
  ] as const)('%i m in %i s reads %s in %s', (m, s, units, expected) => {
    expect(formatPace(m, s, units)).toBe(expected);
  });
});

describe('formatDate()', () => {
  it('reads a calendar day with its weekday and year, with no time-zone shift', () => {
    expect(formatDate('2012-10-24')).toBe('Wed 24 Oct 2012');
    expect(formatDate('2026-01-01')).toBe('Thu 1 Jan 2026');
  });
});

describe('the route shape', () => {
  const east = [
    { t: 0, lat: 60, lon: 10 },
    { t: 1000, lat: 60, lon: 10.01 },
  ];

  it('summarises its extent and how far the finish is from the start', () => {
    // 0.01° of longitude at 60° N: 6 371 008.8 m × 0.01 × π/180 × cos 60° = 556 m.
    expect(routeSummary(routeOf(east), 'km')).toBe(
      'Route shape: 0.0 km north–south by 0.6 km east–west; it finishes 0.6 km from the start.',
    );
    const loop = [...east, { t: 2000, lat: 60.005, lon: 10.005 }, { t: 3000, lat: 60, lon: 10 }];
    expect(routeSummary(routeOf(loop), 'km')).toMatch(/it finishes 0 m from the start\.$/);
  });

  it('has no shape without positions, or when they stay within 5 m', () => {
    expect(hasRoute(routeOf([{ t: 0 }, { t: 1000, distanceM: 10 }]))).toBe(false);
    expect(hasRoute(routeOf([east[0] ?? { t: 0 }, { t: 1000, lat: 60.00003, lon: 10 }]))).toBe(
      false,
    );
    expect(hasRoute(routeOf(east))).toBe(true);
  });
});
