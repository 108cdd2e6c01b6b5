// The route as a shape: the track's positions drawn as one line in a Mercator projection fitted to
// the route, with the start and the finish marked in words. No map tiles: nothing leaves the page,
// and the shape alone says "an out-and-back", "a loop" or "laps of a track".
import * as Plot from '@observablehq/plot';
import { haversineM } from '../../../shared/activity/geo.ts';
import type { Sample } from '../api.ts';
import { distanceIn, type Units } from '../format.ts';
import { describedChart } from './described-chart.ts';

/** [lon, lat] in degrees, as GeoJSON orders them. */
export type Position = [number, number];

const MAX_POINTS = 800;

/** The positions of the samples that carry one, thinned to a few hundred for drawing. */
export function routeOf(samples: readonly Sample[]): Position[] {
  const all: Position[] = [];
  for (const s of samples)
    if (Number.isFinite(s.lat) && Number.isFinite(s.lon))
      all.push([s.lon as number, s.lat as number]);
  const step = Math.max(1, Math.ceil(all.length / MAX_POINTS));
  const thin = all.filter((_, i) => i % step === 0);
  const last = all.at(-1);
  if (last && thin.at(-1) !== last) thin.push(last);
  return thin;
}

/** Whether there is a shape to draw: at least two positions a few metres apart. */
export function hasRoute(route: readonly Position[]): boolean {
  const [first] = route;
  return first !== undefined && route.some((p) => haversineM(first[1], first[0], p[1], p[0]) > 5);
}

function extentOf(route: readonly Position[]): { nsM: number; ewM: number } {
  const lons = route.map((p) => p[0]);
  const lats = route.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const mid = (s + n) / 2;
  return { nsM: haversineM(s, w, n, w), ewM: haversineM(mid, w, mid, e) };
}

/** What the shape shows, for a screen reader and under the chart. */
export function routeSummary(route: readonly Position[], units: Units): string {
  const first = route[0];
  const last = route.at(-1);
  if (!first || !last) return 'No positions recorded.';
  const { nsM, ewM } = extentOf(route);
  const gapM = haversineM(first[1], first[0], last[1], last[0]);
  const size = (m: number) => `${distanceIn(m, units).toFixed(1)} ${units}`;
  const ends =
    gapM < 200
      ? `it finishes ${Math.round(gapM)} m from the start`
      : `it finishes ${size(gapM)} from the start`;
  return `Route shape: ${size(nsM)} north–south by ${size(ewM)} east–west; ${ends}.`;
}

export function routeChart(route: Position[], options: { width: number; units: Units }) {
  const width = Math.min(options.width, 560);
  const { nsM, ewM } = extentOf(route);
  const height = Math.round(Math.max(180, Math.min(420, ewM > 0 ? (width * nsM) / ewM : 420)));
  const line = { type: 'LineString' as const, coordinates: route };
  const ends = [
    { p: route[0] as Position, label: 'Start' },
    { p: route.at(-1) as Position, label: 'Finish' },
  ];
  const chart = Plot.plot({
    width,
    height,
    projection: { type: 'mercator', domain: line, inset: 16 },
    marks: [
      Plot.geo([line], { stroke: '#1f6feb', strokeWidth: 2.5, strokeLinejoin: 'round' }),
      Plot.dot(ends, {
        x: (d: (typeof ends)[number]) => d.p[0],
        y: (d: (typeof ends)[number]) => d.p[1],
        r: 5,
        fill: (d: (typeof ends)[number]) => (d.label === 'Start' ? '#2b8a3e' : '#1b1f24'),
        stroke: 'white',
      }),
      Plot.text(ends, {
        x: (d: (typeof ends)[number]) => d.p[0],
        y: (d: (typeof ends)[number]) => d.p[1],
        text: 'label',
        dy: -12,
        fontWeight: 'bold',
        fill: 'currentColor',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  });
  return describedChart(chart, routeSummary(route, options.units));
}
