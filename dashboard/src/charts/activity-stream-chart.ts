// One stream of an activity (pace, heart rate or elevation) over elapsed time.
import * as Plot from '@observablehq/plot';
import { describedChart } from './described-chart.ts';

export interface StreamPoint {
  /** Minutes from the start. */
  min: number;
  value: number;
}

export function activityStreamChart(
  points: StreamPoint[],
  options: {
    label: string;
    unit: string;
    colour: string;
    width: number;
    reverse?: boolean;
    format?: (v: number) => string;
  },
): SVGSVGElement | HTMLElement {
  const fmt = options.format ?? ((v: number) => v.toFixed(0));
  const values = points.map((p) => p.value);
  const summary = values.length
    ? `${options.label} over ${Math.round(points.at(-1)?.min ?? 0)} min: from ${fmt(Math.min(...values))} to ${fmt(Math.max(...values))} ${options.unit}.`
    : `No ${options.label.toLowerCase()} recorded.`;
  const chart = Plot.plot({
    width: options.width,
    height: 160,
    marginLeft: 52,
    x: { label: 'Elapsed time (min)', zero: true },
    y: {
      label: `${options.label} (${options.unit})`,
      grid: true,
      reverse: options.reverse ?? false,
      nice: true,
    },
    marks: [
      Plot.lineY(points, { x: 'min', y: 'value', stroke: options.colour, strokeWidth: 1.5 }),
      Plot.tip(
        points,
        Plot.pointerX({
          x: 'min',
          y: 'value',
          title: (p: StreamPoint) =>
            `${p.min.toFixed(1)} min\n${options.label}: ${fmt(p.value)} ${options.unit}`,
        }),
      ),
    ],
  });
  return describedChart(chart, summary);
}
