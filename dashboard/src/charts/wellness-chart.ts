// Resting heart rate or heart-rate variability (SDNN) per day, on the athletes' shared time axis:
// a line through the days that have a value, and a dot on each (days without one leave a gap).
import * as Plot from '@observablehq/plot';
import { describedChart } from './described-chart.ts';
import type { WellnessDay } from '../api.ts';
import { dayDate, formatDay } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

export type WellnessMetric = 'restingHrBpm' | 'hrvSdnnMs';

const LOOK: Record<WellnessMetric, { label: string; colour: string; symbol: string }> = {
  restingHrBpm: { label: 'Resting heart rate (bpm)', colour: '#c92a2a', symbol: 'circle' },
  hrvSdnnMs: { label: 'HRV, SDNN (ms)', colour: '#5f3dc4', symbol: 'diamond' },
};

export function wellnessChart(
  days: WellnessDay[],
  metric: WellnessMetric,
  win: TimeWindow,
  size: ChartSize,
): SVGSVGElement | HTMLElement {
  const look = LOOK[metric];
  const data = days
    .filter((d) => inWindow(d.day, win) && d[metric] !== null)
    .map((d) => ({ date: dayDate(d.day), day: d.day, value: d[metric] as number }));
  const last = data.at(-1);
  const summary = last
    ? `${look.label}: ${data.length} days in this window, the last (${formatDay(last.day)}) ${Math.round(last.value * 10) / 10}.`
    : `${look.label}: no values in this window.`;
  const chart = Plot.plot({
    width: size.width,
    height: 130,
    marginLeft: 48,
    x: timeAxis(win),
    y: { label: look.label, grid: true, nice: true },
    marks: [
      Plot.lineY(data, { x: 'date', y: 'value', stroke: look.colour, curve: 'linear' }),
      Plot.dot(data, {
        x: 'date',
        y: 'value',
        fill: look.colour,
        symbol: look.symbol,
        r: 3,
        tip: true,
        title: (d: { day: string; value: number }) =>
          `${formatDay(d.day)}: ${Math.round(d.value * 10) / 10}`,
      }),
    ],
  });
  return describedChart(chart, summary);
}
