// Cross-training minutes per day (no-impact cardio, and strength & mobility): load that keeps
// fitness while the hip is unloaded, never counted as running distance.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics } from '../api.ts';
import { addDays, dayDate, formatDay } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

type Kind = 'Cardio' | 'Strength & mobility';

interface Datum {
  day: string;
  kind: Kind;
  minutes: number;
}

export function crossTrainingChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
): SVGSVGElement | HTMLElement {
  const data: Datum[] = [];
  for (const d of days) {
    if (!inWindow(d.day, win) || !d.load || d.load.crossTrainingMin <= 0) continue;
    const strength = d.load.strengthMin;
    if (d.load.crossTrainingMin - strength > 0)
      data.push({ day: d.day, kind: 'Cardio', minutes: d.load.crossTrainingMin - strength });
    if (strength > 0) data.push({ day: d.day, kind: 'Strength & mobility', minutes: strength });
  }
  return Plot.plot({
    width: size.width,
    height: 140,
    marginLeft: 48,
    x: timeAxis(win),
    y: { label: 'Cross-training (min)', grid: true, zero: true },
    color: {
      legend: true,
      domain: ['Cardio', 'Strength & mobility'],
      range: ['#0b7285', '#adb5bd'],
    },
    marks: [
      Plot.rectY(
        data,
        Plot.stackY({
          x1: (d: Datum) => dayDate(d.day),
          x2: (d: Datum) => dayDate(addDays(d.day, 1)),
          y: 'minutes',
          fill: 'kind',
          insetLeft: 0.5,
          insetRight: 0.5,
          tip: true,
          title: (d: Datum) => `${formatDay(d.day)}\n${d.kind}: ${Math.round(d.minutes)} min`,
        }),
      ),
      Plot.ruleY([0]),
    ],
  });
}
