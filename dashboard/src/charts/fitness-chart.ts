// Fitness (CTL, 42-day), fatigue (ATL, 7-day) and form (CTL − ATL of the day before), in the units of
// the primary load (session-RPE by default: arbitrary units): the latest values as a readout, the
// three lines, and form alone below them, against the zones of form-zones.ts where they apply.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics } from '../api.ts';
import { h } from '../dom.ts';
import { dayDate, formatDay } from '../format.ts';
import {
  FORM_ZONES,
  formZoneOf,
  formZonesApply,
  formZonesCaption,
  loadUnitOf,
  type LoadBasis,
} from './form-zones.ts';
import { inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

type Series = 'Fitness (CTL)' | 'Fatigue (ATL)' | 'Form (CTL − ATL)';

interface Datum {
  date: Date;
  day: string;
  series: Series;
  value: number;
}

const SERIES: Series[] = ['Fitness (CTL)', 'Fatigue (ATL)', 'Form (CTL − ATL)'];
const COLOURS = ['#1f6feb', '#d6336c', '#495057'];
const FORM_HEIGHT = 190;

const signed = (v: number): string =>
  Math.round(v) > 0 ? `+${Math.round(v)}` : `${Math.round(v)}`.replace('-', '−');

/** The latest day's values, as intervals.icu shows them above its chart (the zone where it applies). */
function readout(
  last: DailyMetrics & { fitness: NonNullable<DailyMetrics['fitness']> },
  today: string,
  zoned: boolean,
): HTMLElement {
  const f = last.fitness;
  const zone = formZoneOf(f.form);
  const item = (label: string, value: string, cls: string) =>
    h('div', { class: `fitness-value ${cls}` }, h('dt', {}, label), h('dd', {}, value));
  return h(
    'div',
    { class: 'fitness-readout', id: 'fitness-readout' },
    h('p', { class: 'small muted' }, last.day === today ? 'Today' : formatDay(last.day)),
    h(
      'dl',
      {},
      item('Fitness (CTL)', String(Math.round(f.ctl)), 'ctl'),
      item('Fatigue (ATL)', String(Math.round(f.atl)), 'atl'),
      zoned
        ? item('Form (TSB)', `${signed(f.form)} · ${zone.label}`, `tsb zone-${zone.zone}`)
        : item('Form (TSB)', signed(f.form), 'tsb'),
    ),
  );
}

function formPanel(
  data: Datum[],
  win: TimeWindow,
  size: ChartSize,
  zoned: boolean,
): SVGSVGElement | HTMLElement {
  const form = data.filter((d) => d.series === 'Form (CTL − ATL)');
  const values = form.map((d) => d.value);
  // With the zones, the five of them stay in view; without, the line and zero do.
  const lo = Math.min(zoned ? -40 : -5, ...values.map((v) => v - 5));
  const hi = Math.max(zoned ? 35 : 5, ...values.map((v) => v + 5));
  const bands = zoned
    ? FORM_ZONES.map((z) => ({ ...z, y1: Math.max(z.from, lo), y2: Math.min(z.to, hi) }))
    : [];
  // A zone's name where its band has room for it (the caption and the tip name every zone).
  const plotPx = FORM_HEIGHT - 50;
  const named = bands.filter((b) => ((b.y2 - b.y1) / (hi - lo)) * plotPx >= 12);
  const [x1, x2] = timeAxis(win).domain;
  const plot = Plot.plot({
    width: size.width,
    height: FORM_HEIGHT,
    marginLeft: 48,
    x: timeAxis(win),
    y: {
      label: 'Form (TSB)',
      domain: [lo, hi],
      ...(zoned ? { ticks: [-30, -10, 5, 25] } : {}),
      tickFormat: signed,
    },
    marks: [
      Plot.rect(bands, { x1, x2, y1: 'y1', y2: 'y2', fill: 'colour' }),
      Plot.text(named, {
        x: x1,
        y: (b: (typeof named)[number]) => (b.y1 + b.y2) / 2,
        text: 'label',
        textAnchor: 'start',
        dx: 4,
        fill: '#343a40',
        fontSize: 10,
      }),
      Plot.ruleY([0], { stroke: '#868e96' }),
      Plot.lineY(form, { x: 'date', y: 'value', stroke: COLOURS[2], strokeWidth: 2 }),
      Plot.tip(
        form,
        Plot.pointerX({
          x: 'date',
          y: 'value',
          title: (d: Datum) =>
            `${formatDay(d.day)}\nForm ${signed(d.value)}` +
            (zoned ? ` (${formZoneOf(d.value).label})` : ''),
        }),
      ),
    ],
  });
  plot.classList.add('form-panel');
  if (zoned) plot.classList.add('form-zones');
  return plot;
}

export function fitnessChart(
  days: DailyMetrics[],
  win: TimeWindow,
  size: ChartSize,
  basis: LoadBasis = 'srpe',
): HTMLElement {
  const loadUnit = loadUnitOf(basis);
  const zoned = formZonesApply(basis);
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
  const main = Plot.plot({
    width: size.width,
    height: 200,
    marginLeft: 48,
    x: timeAxis(win),
    y: { label: `Daily load (${loadUnit})`, grid: true },
    color: { legend: true, domain: SERIES, range: COLOURS },
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
  main.setAttribute('data-chart-main', '');
  const last = [...days]
    .reverse()
    .find(
      (d): d is DailyMetrics & { fitness: NonNullable<DailyMetrics['fitness']> } =>
        inWindow(d.day, win) && d.fitness != null,
    );
  const form = formPanel(data, win, size, zoned);
  const lastForm = !last
    ? 'none'
    : zoned
      ? `${signed(last.fitness.form)}, ${formZoneOf(last.fitness.form).label.toLowerCase()}`
      : signed(last.fitness.form);
  form.setAttribute('role', 'img');
  form.setAttribute(
    'aria-label',
    `Form each day${zoned ? ' against the intervals.icu zones' : ''}; the latest ${lastForm}.`,
  );
  return h(
    'div',
    { class: 'fitness' },
    last ? readout(last, win.to, zoned) : null,
    main,
    form,
    h(
      'p',
      { class: 'muted small', id: zoned ? 'form-zones-source' : 'form-zones-note' },
      formZonesCaption(basis),
    ),
  );
}
