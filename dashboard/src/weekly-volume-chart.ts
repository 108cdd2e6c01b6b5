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

/** Monday of the UTC week of `d`, as YYYY-MM-DD. */
function mondayOf(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * The `weeks` weeks to show, every week present (zeros where nothing was run): up to this week,
 * or, when the latest run is older than the window (an old file imported), up to the week of the
 * latest run, so that imported history never shows as an empty chart.
 */
export function chartWindow(rows: WeeklyRow[], today: Date, weeks = 26): WeeklyRow[] {
  const thisWeek = mondayOf(today);
  const latestRun = rows.filter((r) => r.runCount > 0).at(-1)?.weekStart;
  const windowStart = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - (weeks - 1) * WEEK_MS)
    .toISOString()
    .slice(0, 10);
  const end = latestRun !== undefined && latestRun < windowStart ? latestRun : thisWeek;
  const byWeek = new Map(rows.map((r) => [r.weekStart, r]));
  const out: WeeklyRow[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const weekStart = new Date(Date.parse(`${end}T00:00:00Z`) - i * WEEK_MS)
      .toISOString()
      .slice(0, 10);
    out.push(byWeek.get(weekStart) ?? { weekStart, runDistanceM: 0, runMovingS: 0, runCount: 0 });
  }
  return out;
}

export function weeklyVolumeChart(
  allRows: WeeklyRow[],
  units: Units,
  today = new Date(),
): SVGSVGElement | HTMLElement {
  const rows = chartWindow(allRows, today);
  const data: WeekDatum[] = rows.map((r) => {
    const week = new Date(`${r.weekStart}T00:00:00Z`);
    return {
      week,
      weekEnd: new Date(week.getTime() + WEEK_MS),
      distance: distanceIn(r.runDistanceM, units),
      runs: r.runCount,
    };
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
