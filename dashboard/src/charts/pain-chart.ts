// Hip pain during, after and the morning after each session, and on waking each day (0–10), over
// the zones of the pain-monitoring model as the athlete's thresholds set them (by default 0–2
// green, 3–5 amber, ≥6 red: Silbernagel 2007, hip-cautious variant). A morning score sits on the
// day it was felt.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics } from '../api.ts';
import { dayDate, formatDay } from '../format.ts';
import { painZoneLabels, painZoneOf, type PainThresholds } from './threshold-bands.ts';
import { inWindow, timeAxis, ZONE_COLOURS, type ChartSize, type TimeWindow } from './time-axis.ts';

type Moment = 'During' | 'After' | 'Next morning' | 'On waking';
const MOMENTS: Moment[] = ['During', 'After', 'Next morning', 'On waking'];

interface Datum {
  date: Date;
  day: string;
  moment: Moment;
  score: number;
}

export function painChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
  zones: PainThresholds,
): SVGSVGElement | HTMLElement {
  const data: Datum[] = [];
  for (const d of days) {
    if (!inWindow(d.day, win) || !d.pain) continue;
    const date = dayDate(d.day);
    const add = (moment: Moment, score: number | undefined) => {
      if (score !== undefined) data.push({ date, day: d.day, moment, score });
    };
    add('During', d.pain.painDuring);
    add('After', d.pain.painAfter);
    add('Next morning', d.pain.painNextMorning);
    add('On waking', d.pain.painMorning);
  }
  const [x0, x1] = timeAxis(win).domain;
  const labels = painZoneLabels(zones);
  // Scores are whole numbers: a zone's band ends half-way to the next zone's first score.
  const greenTop = Math.floor(zones.painGreenMax) + 0.5;
  const amberTop = Math.floor(zones.painAmberMax) + 0.5;
  const zone = (y1: number, y2: number, fill: string, label: string) => [
    Plot.rectY([0], { x1: x0, x2: x1, y1, y2, fill }),
    Plot.text([label], {
      x: x0,
      y: y2,
      dx: 4,
      dy: 8,
      textAnchor: 'start',
      fill: '#555',
      fontSize: 10,
    }),
  ];
  return Plot.plot({
    width: size.width,
    height: 200,
    marginLeft: 48,
    x: timeAxis(win),
    y: {
      label: 'Hip pain (0–10)',
      domain: [0, 10],
      ticks: [0, Math.floor(zones.painGreenMax), Math.floor(zones.painAmberMax), 10],
    },
    symbol: { legend: true, domain: MOMENTS },
    color: {
      domain: MOMENTS,
      range: ['#d6336c', '#e8590c', '#5f3dc4', '#0b7285'],
    },
    marks: [
      ...zone(0, greenTop, ZONE_COLOURS.green, `green ${labels.green}`),
      ...zone(greenTop, amberTop, ZONE_COLOURS.amber, `amber ${labels.amber}`),
      ...zone(amberTop, 10, ZONE_COLOURS.red, `red ${labels.red}`),
      Plot.dot(data, {
        x: 'date',
        y: 'score',
        symbol: 'moment',
        stroke: 'moment',
        strokeWidth: 2,
        r: 4,
        tip: true,
        title: (d: Datum) =>
          `${formatDay(d.day)}\nPain ${d.moment.toLowerCase()}: ${d.score}/10 (${painZoneOf(d.score, zones)})`,
      }),
    ],
  });
}
