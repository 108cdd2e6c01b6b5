// Intensity as its own line (docs/engine.md "The intensity line"): minutes above threshold each
// Monday–Sunday week as bars, and each day with strides or hill repeats as a mark with its counts.
import * as Plot from '@observablehq/plot';
import type { IntensityMetrics } from '../api.ts';
import { addDays, dayDate, formatDay } from '../format.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

export type Week = IntensityMetrics['weeks'][number];
type Day = IntensityMetrics['days'][number];

export const minutes = (s: number): number => Math.round(s / 6) / 10;
const paceText = (sPerKm: number): string =>
  `${Math.floor(sPerKm / 60)}:${String(Math.round(sPerKm % 60)).padStart(2, '0')}/km`;

/** What "above threshold" was measured against, in words. */
export function intensityBasisText(m: IntensityMetrics): string {
  if (m.basis === 'pace' && m.thresholdPaceSPerKm !== null)
    return `the threshold pace (${paceText(m.thresholdPaceSPerKm)})`;
  if (m.basis === 'heart_rate' && m.thresholdHrBpm !== null)
    return `the threshold heart rate (${m.thresholdHrBpm} bpm, estimated as 87 % of HRmax)`;
  return 'fast running: no threshold pace or HRmax is set, so the bars show the time in fast bouts (at least 30 % faster than the run’s own easy pace)';
}

/** The chart's caption: what the bars and marks are, and the threshold used. */
export function intensityCaption(m: IntensityMetrics): string {
  return (
    `Bars: minutes above ${intensityBasisText(m)} each Monday–Sunday week. ` +
    '▲ a day with strides or hill repeats (10–45 s fast bouts; climbs of 8 m or more at 4 % or steeper, run twice or more). ' +
    'Descriptive only: no decision is taken from this chart.' +
    (m.basis === 'pace' ? '' : ' A threshold pace set in Settings measures strides too.')
  );
}

const countsOf = (d: Pick<Day, 'strides' | 'hillRepeats'>): string =>
  [
    d.strides > 0 ? `${d.strides} stride${d.strides === 1 ? '' : 's'}` : '',
    d.hillRepeats > 0 ? `${d.hillRepeats} hill repeat${d.hillRepeats === 1 ? '' : 's'}` : '',
  ]
    .filter((w) => w !== '')
    .join(', ');

export function intensityChart(
  m: IntensityMetrics,
  win: TimeWindow,
  size: ChartSize,
): SVGSVGElement | HTMLElement {
  const weeks = m.weeks.filter((w) => w.weekStart <= win.to && addDays(w.weekStart, 6) >= win.from);
  const marked = m.days.filter((d) => inWindow(d.day, win) && d.strides + d.hillRepeats > 0);
  const top = Math.max(0, ...weeks.map((w) => minutes(w.aboveThresholdS)));
  return Plot.plot({
    width: size.width,
    height: 200,
    marginLeft: 48,
    x: timeAxis(win),
    y: {
      label: 'Minutes above threshold per week',
      grid: true,
      zero: true,
      ...(top === 0 ? { domain: [0, 1] } : {}),
    },
    marks: [
      Plot.rectY(weeks, {
        x1: (w: Week) => dayDate(w.weekStart),
        x2: (w: Week) => dayDate(addDays(w.weekStart, 7)),
        y: (w: Week) => minutes(w.aboveThresholdS),
        fill: '#6a3d9a',
        insetLeft: 2,
        insetRight: 2,
        tip: true,
        title: (w: Week) =>
          `Week of ${formatDay(w.weekStart)}\n${minutes(w.aboveThresholdS)} min above threshold in ${w.runs} run(s)` +
          (countsOf(w) ? `\n${countsOf(w)}` : ''),
      }),
      Plot.dot(marked, {
        x: (d: Day) => dayDate(d.day),
        y: () => (top === 0 ? 1 : top) * 1.0,
        symbol: 'triangle',
        fill: '#111',
        r: 4,
        tip: true,
        title: (d: Day) => `${formatDay(d.day)}: ${countsOf(d)}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
