// The progression stage of every day as a band under the other charts, labelled where it changes.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics } from '../api.ts';
import { addDays, dayDate } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

interface Segment {
  from: string;
  to: string;
  stage: number;
  name: string;
}

/** Runs of consecutive days at one stage. */
export function stageSegmentsOf(days: DailyMetrics[], win: TimeWindow): Segment[] {
  const out: Segment[] = [];
  for (const d of days) {
    if (!inWindow(d.day, win) || d.stage === undefined) continue;
    const last = out.at(-1);
    if (last && last.stage === d.stage && addDays(last.to, 1) === d.day) last.to = d.day;
    else out.push({ from: d.day, to: d.day, stage: d.stage, name: d.progression?.stageName ?? '' });
  }
  return out;
}

export function stageBandChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
): SVGSVGElement | HTMLElement {
  const segments = stageSegmentsOf(days, win);
  return Plot.plot({
    width: size.width,
    height: 64,
    marginLeft: 48,
    marginBottom: 24,
    x: timeAxis(win),
    y: { axis: null, domain: [0, 1] },
    color: { type: 'linear', domain: [0, 8], range: ['#dbe4ff', '#364fc7'] },
    marks: [
      Plot.rect(segments, {
        x1: (s: Segment) => dayDate(s.from),
        x2: (s: Segment) => dayDate(addDays(s.to, 1)),
        y1: 0,
        y2: 1,
        fill: 'stage',
        stroke: 'white',
        tip: true,
        title: (s: Segment) => `Stage ${s.stage} ${s.name}\n${s.from} to ${s.to}`,
      }),
      Plot.text(segments, {
        x: (s: Segment) => dayDate(s.from),
        y: 0.5,
        dx: 4,
        textAnchor: 'start',
        text: (s: Segment) => `${s.stage}`,
        fill: (s: Segment) => (s.stage >= 4 ? 'white' : '#111'),
        fontWeight: 'bold',
      }),
    ],
  });
}
