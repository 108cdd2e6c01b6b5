// One exercise's history: load (or reps, or hold time) per logged session over the weeks, with
// sessions where the hip hurt above mild marked (the progression held or stepped back there).
import * as Plot from '@observablehq/plot';
import { describedChart } from './described-chart.ts';
import type { LiftHistory } from '../programme-api.ts';
import { dayDate, formatDay } from '../format.ts';

/** What the chart plots: load when the exercise was ever loaded, else reps, else the hold. */
export function measureOf(h: LiftHistory): { key: 'loadKg' | 'reps' | 'holdS'; label: string } {
  if (h.points.some((p) => p.loadKg !== null)) return { key: 'loadKg', label: 'Load (kg)' };
  if (h.points.some((p) => p.reps !== null)) return { key: 'reps', label: 'Reps per set' };
  return { key: 'holdS', label: 'Hold (s)' };
}

export function liftHistoryChart(h: LiftHistory, width: number): SVGSVGElement | HTMLElement {
  const m = measureOf(h);
  const data = h.points.flatMap((p) => {
    const value = p[m.key];
    return value === null ? [] : [{ ...p, date: dayDate(p.date), value, hurt: (p.pain ?? 0) > 2 }];
  });
  const chart = Plot.plot({
    width,
    height: 130,
    marginLeft: 40,
    x: { type: 'time', label: null, ticks: 4 },
    y: { label: m.label, zero: false, grid: true, nice: true },
    marks: [
      Plot.line(data, { x: 'date', y: 'value', stroke: '#1f6feb', curve: 'step-after' }),
      Plot.dot(data, {
        x: 'date',
        y: 'value',
        r: 3.5,
        fill: (d: { hurt: boolean }) => (d.hurt ? '#c92a2a' : '#1f6feb'),
        symbol: (d: { hurt: boolean }) => (d.hurt ? 'triangle' : 'circle'),
        title: (d: (typeof data)[number]) =>
          `${formatDay(d.date.toISOString().slice(0, 10))}: ${d.sets}×${d.reps ?? `${d.holdS} s`}${d.loadKg !== null ? ` at ${d.loadKg} kg` : ''}, pain ${d.pain ?? '–'}/10, ${d.outcome.replace('_', ' ')}`,
      }),
      Plot.text(
        data.filter((d) => d.hurt),
        {
          x: 'date',
          y: 'value',
          text: (d: { pain: number | null }) => `pain ${d.pain}`,
          dy: -10,
          fill: '#c92a2a',
          fontSize: 10,
        },
      ),
    ],
  });
  const last = data[data.length - 1];
  return describedChart(
    chart,
    `${h.name}: ${data.length} sessions${last ? `, last ${last.value} (${m.label.toLowerCase()})` : ''}; ${data.filter((d) => d.hurt).length} with pain above mild`,
  );
}
