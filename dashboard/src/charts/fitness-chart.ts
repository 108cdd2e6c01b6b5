// Fitness (CTL, 42-day), fatigue (ATL, 7-day) and form (CTL − ATL of the day before), in the units of
// the primary load (session-RPE by default: arbitrary units).
import * as Plot from '@observablehq/plot';
import type { DailyMetrics } from '../api.ts';
import { dayDate, formatDay } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

type Series = 'Fitness (CTL)' | 'Fatigue (ATL)' | 'Form (CTL − ATL)';

interface Datum {
  date: Date;
  day: string;
  series: Series;
  value: number;
}

const SERIES: Series[] = ['Fitness (CTL)', 'Fatigue (ATL)', 'Form (CTL − ATL)'];

export function fitnessChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
  loadUnit = 'AU',
): SVGSVGElement | HTMLElement {
  const data: Datum[] = [];
  for (const d of days) {
    if (!inWindow(d.day, win) || !d.fitness) continue;
    const date = dayDate(d.day);
    data.push({ date, day: d.day, series: 'Fitness (CTL)', value: d.fitness.ctl });
    data.push({ date, day: d.day, series: 'Fatigue (ATL)', value: d.fitness.atl });
    data.push({ date, day: d.day, series: 'Form (CTL − ATL)', value: d.fitness.form });
  }
  const line = (series: Series, dash?: string) =>
    Plot.lineY(
      data.filter((d) => d.series === series),
      {
        x: 'date',
        y: 'value',
        stroke: 'series',
        strokeWidth: 2,
        ...(dash ? { strokeDasharray: dash } : {}),
      },
    );
  return Plot.plot({
    width: size.width,
    height: 200,
    marginLeft: 48,
    x: timeAxis(win),
    y: { label: `Daily load (${loadUnit})`, grid: true },
    color: { legend: true, domain: SERIES, range: ['#1f6feb', '#d6336c', '#495057'] },
    marks: [
      Plot.ruleY([0]),
      line('Fitness (CTL)'),
      line('Fatigue (ATL)', '6,3'),
      line('Form (CTL − ATL)', '2,2'),
      Plot.tip(
        data,
        Plot.pointerX({
          x: 'date',
          y: 'value',
          title: (d: Datum) =>
            `${formatDay(d.day)}\n${d.series}: ${d.value.toFixed(1)} ${loadUnit}`,
        }),
      ),
    ],
  });
}
