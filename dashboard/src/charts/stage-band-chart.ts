// The progression stage of every day as a band under the other charts, labelled where it changes
// and where the label fits; a tap or a click on the band names the stage and its dates underneath
// (a phone has no hover).
import * as Plot from '@observablehq/plot';
import type { DailyMetrics } from '../api.ts';
import { h } from '../dom.ts';
import { addDays, dayDate, formatDay } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

export interface StageSegment {
  from: string;
  to: string;
  stage: number;
  name: string;
}

const MARGIN_LEFT = 48;
/** Room a stage number needs: 4 px offset, up to two digits, a gap before the next. */
const LABEL_PX = 18;

/**
 * Runs of consecutive days at one stage. Without any day's stage in the window (a runner with no
 * computed day yet), the stage in force (`current`) over the whole window: stage 0 is a stage too.
 */
export function stageSegmentsOf(
  days: DailyMetrics[],
  win: TimeWindow,
  current?: { stage: number; name: string },
): StageSegment[] {
  const out: StageSegment[] = [];
  for (const d of days) {
    if (!inWindow(d.day, win) || d.stage === undefined) continue;
    const last = out.at(-1);
    if (last && last.stage === d.stage && addDays(last.to, 1) === d.day) last.to = d.day;
    else out.push({ from: d.day, to: d.day, stage: d.stage, name: d.progression?.stageName ?? '' });
  }
  if (!out.length && current) out.push({ from: win.from, to: win.to, ...current });
  return out;
}

/** The segments wide enough for their number at this chart width (no overlapping labels). */
export function labelledSegments(
  segments: StageSegment[],
  win: TimeWindow,
  width: number,
): StageSegment[] {
  const days = (dayDate(addDays(win.to, 1)).getTime() - dayDate(win.from).getTime()) / 86_400_000;
  const pxPerDay = (width - MARGIN_LEFT - 20) / days;
  const out: StageSegment[] = [];
  let freeFrom = -Infinity;
  for (const s of segments) {
    const start = (dayDate(s.from).getTime() - dayDate(win.from).getTime()) / 86_400_000;
    const span = (dayDate(addDays(s.to, 1)).getTime() - dayDate(s.from).getTime()) / 86_400_000;
    const x = Math.max(0, start) * pxPerDay;
    if (span * pxPerDay >= LABEL_PX && x >= freeFrom) {
      out.push(s);
      freeFrom = x + LABEL_PX;
    }
  }
  return out;
}

export const stageText = (s: StageSegment): string =>
  `Stage ${s.stage}${s.name ? ` ${s.name}` : ''}: ${formatDay(s.from)} to ${formatDay(s.to)}`;

export function stageBandChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
  current?: { stage: number; name: string },
): HTMLElement {
  const segments = stageSegmentsOf(days, win, current);
  const plot = Plot.plot({
    width: size.width,
    // Room under the band for the two-line ticks ("4" over "Oct"): 24 px clipped the month.
    height: 76,
    marginLeft: MARGIN_LEFT,
    marginBottom: 36,
    x: timeAxis(win),
    y: { axis: null, domain: [0, 1] },
    color: { type: 'linear', domain: [0, 8], range: ['#dbe4ff', '#364fc7'] },
    marks: [
      Plot.rect(segments, {
        x1: (s: StageSegment) => dayDate(s.from),
        x2: (s: StageSegment) => dayDate(addDays(s.to, 1)),
        y1: 0,
        y2: 1,
        fill: 'stage',
        stroke: 'white',
        title: stageText,
      }),
      Plot.text(labelledSegments(segments, win, size.width), {
        x: (s: StageSegment) => dayDate(s.from),
        y: 0.5,
        dx: 4,
        textAnchor: 'start',
        text: (s: StageSegment) => `${s.stage}`,
        fill: (s: StageSegment) => (s.stage >= 4 ? 'white' : '#111'),
        fontWeight: 'bold',
        className: 'stage-label',
      }),
    ],
  });
  const readout = h(
    'p',
    { class: 'stage-readout small', 'aria-live': 'polite' },
    'Tap or click the band for a stage’s name and dates.',
  );
  // The day under the pointer, from the plot's own x scale (the svg may be drawn narrower).
  plot.addEventListener('click', (ev) => {
    if (!(ev instanceof MouseEvent)) return;
    const box = plot.getBoundingClientRect();
    const x = ((ev.clientX - box.left) * size.width) / box.width;
    const at = plot.scale('x')?.invert?.(x);
    if (!(at instanceof Date)) return;
    const day = at.toISOString().slice(0, 10);
    const hit = segments.find((s) => s.from <= day && day <= s.to);
    if (hit) readout.textContent = stageText(hit);
  });
  return h('div', { class: 'stage-band' }, plot, readout);
}
