// Weekly running distance as bars, one per Monday-based week.
import * as Plot from '@observablehq/plot';
import type { WeeklyRow } from './api.ts';
import { distanceIn, type Units } from './format.ts';

const WEEK_MS = 7 * 86_400_000;

interface WeekDatum {
  week: Date;
  weekEnd: Date;
  distance: number;
  runs: number;
}

export function weeklyVolumeChart(rows: WeeklyRow[], units: Units): SVGSVGElement | HTMLElement {
  const data: WeekDatum[] = rows.map((r) => {
    const week = new Date(`${r.weekStart}T00:00:00Z`);
    return { week, weekEnd: new Date(week.getTime() + WEEK_MS), distance: distanceIn(r.runDistanceM, units), runs: r.runCount };
  });
  return Plot.plot({
    height: 240,
    marginLeft: 48,
    x: { type: 'utc', label: 'Week starting (Monday)' },
    y: { label: `Running distance (${units})`, grid: true, zero: true },
    marks: [
      Plot.rectY(data, {
        x1: 'week',
        x2: 'weekEnd',
        y: 'distance',
        fill: '#1f6feb',
        insetLeft: 2,
        insetRight: 2,
        tip: true,
        title: (d: WeekDatum) =>
          `Week of ${d.week.toISOString().slice(0, 10)}\n${d.distance.toFixed(1)} ${units} in ${d.runs} run(s)`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
