// One stream of an activity (pace, heart rate or elevation) over elapsed time. Every stream of a
// page shares one x axis (same unit, same domain), so that a hill, a heart-rate rise and a slower
// pace line up vertically even where one stream has gaps.
import * as Plot from '@observablehq/plot';
import { formatDuration } from '../format.ts';
import { clockDomain, clockTicks, widenedDomain } from './clock-axis.ts';
import { describedChart } from './described-chart.ts';

export interface StreamPoint {
  /** Minutes from the start. */
  min: number;
  /** NaN where the line breaks (a pause or a gap in the recording). */
  value: number;
}

/** The x axis every stream chart of one activity uses: minutes from the first to the last sample. */
export interface StreamAxis {
  totalMin: number;
}

export const STREAM_AXIS_LABEL = 'Elapsed time (min)';

export function activityStreamChart(
  points: StreamPoint[],
  options: {
    label: string;
    unit: string;
    colour: string;
    width: number;
    axis: StreamAxis;
    reverse?: boolean;
    format?: (v: number) => string;
    /** Minutes written m:ss (pace): the axis's ticks on the clock, written with `format`. */
    clock?: boolean;
    /**
     * The narrowest span the value axis shows, in the stream's unit (default 10: bpm, metres). A
     * steady heart rate (144 bpm throughout) otherwise gets an axis of one point, labelled
     * "144.000000".
     */
    minSpan?: number;
  },
): SVGSVGElement | HTMLElement {
  const fmt = options.format ?? ((v: number) => v.toFixed(0));
  const defined = points.filter((p) => !Number.isNaN(p.value));
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of defined) {
    if (p.value < lo) lo = p.value;
    if (p.value > hi) hi = p.value;
  }
  const summary = defined.length
    ? `${options.label} over ${Math.round(options.axis.totalMin)} min: from ${fmt(lo)} to ${fmt(hi)} ${options.unit}.`
    : `No ${options.label.toLowerCase()} recorded.`;
  // A pace axis on the clock (clock-axis.ts); any other stream keeps Plot's nice ticks, over at
  // least `minSpan`.
  let valueAxis: Plot.ScaleOptions = { nice: true };
  if (defined.length > 0 && options.clock) {
    const domain = clockDomain(lo, hi);
    valueAxis = { domain, ticks: clockTicks(...domain), tickFormat: fmt };
  } else if (defined.length > 0) {
    valueAxis = { domain: widenedDomain(lo, hi, options.minSpan ?? 10), nice: true };
  }
  const chart = Plot.plot({
    width: options.width,
    height: 160,
    marginLeft: 52,
    x: { label: STREAM_AXIS_LABEL, domain: [0, Math.max(options.axis.totalMin, 1 / 60)] },
    y: {
      label: `${options.label} (${options.unit})`,
      grid: true,
      reverse: options.reverse ?? false,
      ...valueAxis,
    },
    marks: [
      Plot.lineY(points, { x: 'min', y: 'value', stroke: options.colour, strokeWidth: 1.5 }),
      Plot.tip(
        defined,
        Plot.pointerX({
          x: 'min',
          y: 'value',
          title: (p: StreamPoint) =>
            `${formatDuration(p.min * 60)} elapsed\n${options.label}: ${fmt(p.value)} ${options.unit}`,
        }),
      ),
    ],
  });
  return describedChart(chart, summary);
}
