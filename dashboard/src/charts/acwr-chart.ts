// Acute:chronic workload ratio, EWMA (Williams 2017) and rolling coupled (Gabbett 2016), drawn as a
// descriptive trend: the band (0.8–1.3 unless the athlete's thresholds say otherwise) comes from
// team sports, so it is shaded lightly and named.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics, Thresholds } from '../api.ts';
import { dayDate, formatDay } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

interface Datum {
  date: Date;
  day: string;
  method: 'EWMA (7/28 d)' | 'Rolling, coupled (7/28 d)';
  ratio: number;
}

export function acwrChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
  band: Pick<Thresholds, 'acwrLow' | 'acwrHigh'>,
): SVGSVGElement | HTMLElement {
  const data: Datum[] = [];
  for (const d of days) {
    if (!inWindow(d.day, win) || !d.acwr) continue;
    if (d.acwr.ewma.ratio !== null)
      data.push({
        date: dayDate(d.day),
        day: d.day,
        method: 'EWMA (7/28 d)',
        ratio: d.acwr.ewma.ratio,
      });
    if (d.acwr.rolling.coupled !== null)
      data.push({
        date: dayDate(d.day),
        day: d.day,
        method: 'Rolling, coupled (7/28 d)',
        ratio: d.acwr.rolling.coupled,
      });
  }
  return Plot.plot({
    width: size.width,
    height: 200,
    marginLeft: 48,
    x: timeAxis(win),
    y: { label: 'Acute : chronic load (ratio)', grid: true, zero: true },
    color: {
      legend: true,
      domain: ['EWMA (7/28 d)', 'Rolling, coupled (7/28 d)'],
      range: ['#6f42c1', '#0b7285'],
    },
    marks: [
      Plot.rectY([0], {
        x1: dayDate(win.from),
        x2: timeAxis(win).domain[1],
        y1: band.acwrLow,
        y2: band.acwrHigh,
        fill: '#999',
        fillOpacity: 0.12,
      }),
      Plot.text([`team-sport band ${band.acwrLow}–${band.acwrHigh}`], {
        frameAnchor: 'top-left',
        dx: 4,
        dy: 4,
        fill: '#555',
        fontSize: 10,
      }),
      Plot.lineY(
        data.filter((d) => d.method === 'EWMA (7/28 d)'),
        { x: 'date', y: 'ratio', stroke: 'method', strokeWidth: 2 },
      ),
      Plot.lineY(
        data.filter((d) => d.method !== 'EWMA (7/28 d)'),
        { x: 'date', y: 'ratio', stroke: 'method', strokeDasharray: '5,3', strokeWidth: 2 },
      ),
      Plot.tip(
        data,
        Plot.pointerX({
          x: 'date',
          y: 'ratio',
          title: (d: Datum) => `${formatDay(d.day)}\n${d.method}: ${d.ratio.toFixed(2)}`,
        }),
      ),
    ],
  });
}
