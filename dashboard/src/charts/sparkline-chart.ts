// The roster's 28-day sparkline: daily running distance as thin bars, no axes.
import * as Plot from '@observablehq/plot';
import { describedChart } from './described-chart.ts';
import type { RosterRow } from '../api.ts';
import { dayDate, distanceIn, formatDay, type Units } from '../format.ts';

export function sparklineChart(
  points: RosterRow['sparkline'],
  units: Units,
): SVGSVGElement | HTMLElement {
  const data = points.map((p) => ({
    date: dayDate(p.day),
    day: p.day,
    d: distanceIn(p.runDistanceM, units),
  }));
  // An empty month keeps a real scale (0–1), not bars drawn to the full height of nothing.
  const top = Math.max(1, ...data.map((p) => p.d));
  const chart = Plot.plot({
    width: 140,
    height: 32,
    margin: 2,
    x: { type: 'band', axis: null, padding: 0.15 },
    y: { axis: null, domain: [0, top] },
    marks: [
      Plot.barY(data, {
        x: 'day',
        y: 'd',
        fill: '#1f6feb',
        title: (p) => `${formatDay(p.day)}: ${p.d.toFixed(1)} ${units}`,
      }),
      Plot.ruleY([0], { stroke: '#ccc' }),
    ],
  });
  const total = data.reduce((s, p) => s + p.d, 0);
  return describedChart(chart, `${total.toFixed(1)} ${units} run in the last 28 days`);
}
