// Each day's longest run against the longest single run of the previous 30 days, with the spike
// bands of Frandsen et al. 2025 (BJSM 59:1203) as the athlete's thresholds set them (by default
// ≤10 % ok, 10–30 % caution, 30–100 % high, >100 % very high). Band colour comes with a symbol and
// a word in the tip.
import * as Plot from '@observablehq/plot';
import type { DailyMetrics, SpikeBand } from '../api.ts';
import {
  addDays,
  dayDate,
  distanceIn,
  formatDay,
  formatPercent,
  SPIKE_LABEL,
  type Units,
} from '../format.ts';
import type { SpikeThresholds } from './threshold-bands.ts';
import { BAND_COLOURS, inWindow, timeAxis, type ChartSize, type TimeWindow } from './time-axis.ts';

interface RefDatum {
  date: Date;
  ref: number;
  ok: number;
  caution: number;
  high: number;
}

interface RunDatum {
  date: Date;
  day: string;
  distance: number;
  band: SpikeBand | 'no_reference';
  spike: number | null;
  ref: number | null;
}

const SYMBOLS: Record<RunDatum['band'], string> = {
  ok: 'circle',
  caution: 'triangle',
  high: 'square',
  very_high: 'diamond',
  no_reference: 'times',
};

/** The reference of every day: the longest single run of the 30 days before it (0 when none). */
export function spikeReferenceOf(days: DailyMetrics[]): Map<string, number> {
  const longest = new Map(days.map((d) => [d.day, d.load?.longestRunM ?? 0]));
  const out = new Map<string, number>();
  for (const d of days) {
    let ref = 0;
    for (let i = 1; i <= 30; i++) ref = Math.max(ref, longest.get(addDays(d.day, -i)) ?? 0);
    out.set(d.day, ref);
  }
  return out;
}

export function spikeChart(
  days: DailyMetrics[],
  win: TimeWindow,
  units: Units,
  size: ChartSize,
  bands: SpikeThresholds,
): SVGSVGElement | HTMLElement {
  const refs = spikeReferenceOf(days);
  const shown = days.filter((d) => inWindow(d.day, win));
  const refData: RefDatum[] = shown
    .filter((d) => (refs.get(d.day) ?? 0) > 0)
    .map((d) => {
      const ref = distanceIn(refs.get(d.day) ?? 0, units);
      return {
        date: dayDate(d.day),
        ref,
        ok: ref * (1 + bands.spikeCaution),
        caution: ref * (1 + bands.spikeHigh),
        high: ref * (1 + bands.spikeVeryHigh),
      };
    });
  const runs: RunDatum[] = shown
    .filter((d) => (d.load?.longestRunM ?? 0) > 0)
    .map((d) => {
      const s = d.spike;
      const fromRuns = s && s.reference === 'longest_30d';
      return {
        date: dayDate(d.day),
        day: d.day,
        distance: distanceIn(d.load?.longestRunM ?? 0, units),
        band: fromRuns ? s.band : 'no_reference',
        spike: fromRuns ? s.value : null,
        ref: fromRuns ? distanceIn(s.referenceValue, units) : null,
      };
    });
  const area = (y1: keyof RefDatum, y2: keyof RefDatum, fill: string) =>
    Plot.areaY(refData, { x: 'date', y1, y2, fill, fillOpacity: 0.18, curve: 'step-after' });
  return Plot.plot({
    width: size.width,
    height: 240,
    marginLeft: 48,
    x: timeAxis(win),
    y: { label: `Longest run of the day (${units})`, grid: true, zero: true },
    symbol: {
      domain: ['ok', 'caution', 'high', 'very_high', 'no_reference'],
      range: Object.values(SYMBOLS),
    },
    marks: [
      area('ref', 'ok', BAND_COLOURS.ok),
      area('ok', 'caution', BAND_COLOURS.caution),
      area('caution', 'high', BAND_COLOURS.high),
      Plot.lineY(refData, {
        x: 'date',
        y: 'ref',
        stroke: '#333',
        strokeDasharray: '3,3',
        curve: 'step-after',
      }),
      Plot.dot(runs, {
        x: 'date',
        y: 'distance',
        symbol: 'band',
        r: 5,
        fill: (d: RunDatum) => (d.band === 'no_reference' ? '#555' : BAND_COLOURS[d.band]),
        // × is drawn with its stroke alone: white would hide it on the white plot.
        stroke: (d: RunDatum) => (d.band === 'no_reference' ? '#555' : 'white'),
        tip: true,
        title: (d: RunDatum) =>
          `${formatDay(d.day)}: ${d.distance.toFixed(2)} ${units}\n` +
          (d.ref !== null && d.spike !== null && d.band !== 'no_reference'
            ? `30-day longest ${d.ref.toFixed(2)} ${units}\nspike ${formatPercent(d.spike)} (${SPIKE_LABEL[d.band]})`
            : 'No run in the previous 30 days: compared with the stage instead'),
      }),
      Plot.ruleY([0]),
    ],
  });
}
