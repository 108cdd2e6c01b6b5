// Weekly running distance (Monday-based weeks) against the stage's weekly target.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics, StageDefinition } from '../api.ts';
import { addDays, dayDate, distanceIn, formatDay, type Units } from '../format.ts';
import { timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

export interface WeekDatum {
  weekStart: string;
  distance: number;
  runs: number;
  /** Target distance of the stage in force at the week's end (undefined without a pace to convert). */
  target: number | undefined;
  stage: number | undefined;
}

const mondayOf = (day: string): string => {
  const dow = (dayDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
};

/** Running minutes a stage prescribes per week (run minutes × repeats × sessions). */
export const weeklyRunMinutesOf = (s: StageDefinition): number => s.runMin * s.repeats * s.perWeek;

/**
 * Weeks of the window with their distance, and the stage's target converted to distance with the
 * runner's median running speed in the window (the plan prescribes minutes, not distance).
 */
export function weeksOf(
  days: DailyMetrics[],
  plan: StageDefinition[],
  win: TimeWindow,
  units: Units,
): WeekDatum[] {
  const speeds = days
    .filter((d) => d.runDistanceM > 0 && d.runMovingS > 0)
    .map((d) => d.runDistanceM / d.runMovingS)
    .sort((a, b) => a - b);
  const medianSpeed = speeds.length ? speeds[Math.floor(speeds.length / 2)] : undefined;
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: WeekDatum[] = [];
  for (let w = mondayOf(win.from); w <= win.to; w = addDays(w, 7)) {
    let m = 0;
    let runs = 0;
    let stage: number | undefined;
    for (let i = 0; i < 7; i++) {
      const d = byDay.get(addDays(w, i));
      if (!d) continue;
      m += d.runDistanceM;
      runs += d.runCount;
      stage = d.stage ?? stage;
    }
    const def = stage === undefined ? undefined : plan[stage];
    const target =
      def && medianSpeed !== undefined
        ? distanceIn(weeklyRunMinutesOf(def) * 60 * medianSpeed, units)
        : undefined;
    out.push({ weekStart: w, distance: distanceIn(m, units), runs, target, stage });
  }
  return out;
}

export function weeklyDistanceChart(
  days: DailyMetrics[],
  plan: StageDefinition[],
  win: TimeWindow,
  units: Units,
  size: ChartSize,
): SVGSVGElement | HTMLElement {
  const weeks = weeksOf(days, plan, win, units);
  const withTarget = weeks.filter((w) => w.target !== undefined);
  return Plot.plot({
    width: size.width,
    height: 220,
    marginLeft: 48,
    x: timeAxis(win),
    y: {
      label: `Running distance per week (${units})`,
      grid: true,
      zero: true,
      // An empty window keeps a 0–1 axis instead of a degenerate one.
      ...(weeks.every((w) => w.distance === 0 && !w.target) ? { domain: [0, 1] } : {}),
    },
    marks: [
      Plot.rectY(weeks, {
        x1: (d: WeekDatum) => dayDate(d.weekStart),
        x2: (d: WeekDatum) => dayDate(addDays(d.weekStart, 7)),
        y: 'distance',
        fill: '#1f6feb',
        insetLeft: 2,
        insetRight: 2,
        tip: true,
        title: (d: WeekDatum) =>
          `Week of ${formatDay(d.weekStart)}\n${d.distance.toFixed(1)} ${units} in ${d.runs} run(s)` +
          (d.target !== undefined
            ? `\nStage ${d.stage} target ≈ ${d.target.toFixed(1)} ${units}`
            : ''),
      }),
      Plot.ruleY(withTarget, {
        x1: (d: WeekDatum) => dayDate(d.weekStart),
        x2: (d: WeekDatum) => dayDate(addDays(d.weekStart, 7)),
        y: 'target',
        insetLeft: 1,
        insetRight: 1,
        stroke: '#111',
        strokeWidth: 2,
        strokeDasharray: '4,2',
      }),
      Plot.ruleY([0]),
    ],
  });
}
