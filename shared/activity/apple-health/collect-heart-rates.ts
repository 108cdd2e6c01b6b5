// Second pass over export.xml: the heart-rate records (HKQuantityTypeIdentifierHeartRate, count/min)
// that fall inside a workout, kept per workout. Memory grows with the workouts' own heart rate,
// never with the rest of the file (a day's background readings, years of them).
import { attrOf, createXmlTokenizer, type XmlHandler } from '../xml-tokenizer.ts';
import { parseAppleDate } from './parse-apple-date.ts';
import type { AppleWorkout, XmlStream } from './scan-health-xml.ts';

const HEART_RATE = 'HKQuantityTypeIdentifierHeartRate';

/** One workout's heart rate: times (ms since the epoch) and beats per minute, sorted by time. */
export interface HeartRateSeries {
  t: number[];
  bpm: number[];
}

export function createHeartRateCollector(
  workouts: readonly AppleWorkout[],
): XmlStream & { result(): HeartRateSeries[] } {
  // Windows sorted by start, with the latest end so far, to find every workout holding a time.
  const order = workouts
    .map((_, i) => i)
    .sort((a, b) => (workouts[a] as AppleWorkout).startMs - (workouts[b] as AppleWorkout).startMs);
  const starts = order.map((i) => (workouts[i] as AppleWorkout).startMs);
  const maxEnd: number[] = [];
  for (const i of order)
    maxEnd.push(Math.max(maxEnd.at(-1) ?? -Infinity, (workouts[i] as AppleWorkout).endMs));
  const series: HeartRateSeries[] = workouts.map(() => ({ t: [], bpm: [] }));
  let depth = 0;

  function add(t: number, bpm: number): void {
    // The last window starting at or before t, then back while an earlier one can still reach t.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && (maxEnd[k] as number) >= t; k--) {
      const w = order[k] as number;
      if ((workouts[w] as AppleWorkout).endMs < t) continue;
      const out = series[w] as HeartRateSeries;
      out.t.push(t);
      out.bpm.push(bpm);
    }
  }

  const handler: XmlHandler = {
    wantText: false,
    open(local, attrs) {
      depth++;
      if (depth !== 2 || local !== 'Record' || attrOf(attrs, 'type') !== HEART_RATE) return;
      if (attrOf(attrs, 'unit') !== 'count/min') return;
      const bpm = Number(attrOf(attrs, 'value'));
      const at = parseAppleDate(attrOf(attrs, 'startDate'));
      if (at !== undefined && Number.isFinite(bpm)) add(at.ms, bpm);
    },
    close() {
      depth--;
    },
    text() {},
  };
  const tokenizer = createXmlTokenizer(handler, { allowDeclarationsOnlyDoctype: true });
  return {
    push: (chunk) => tokenizer.write(chunk),
    end: () => tokenizer.end(),
    result: () => series.map(sortedByTime),
  };
}

/** Apple writes a type's records in time order, mostly; sort where another source interleaves. */
function sortedByTime(s: HeartRateSeries): HeartRateSeries {
  if (s.t.every((t, i) => i === 0 || (s.t[i - 1] as number) <= t)) return s;
  const order = s.t.map((_, i) => i).sort((a, b) => (s.t[a] as number) - (s.t[b] as number));
  return { t: order.map((i) => s.t[i] as number), bpm: order.map((i) => s.bpm[i] as number) };
}

/** The reading nearest to `t` within `withinMs`, or undefined. */
export function heartRateNear(
  series: HeartRateSeries,
  t: number,
  withinMs: number,
): number | undefined {
  const { t: times, bpm } = series;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  let best: number | undefined;
  let bestMs = withinMs;
  for (const k of [lo - 1, lo]) {
    const tk = times[k];
    if (tk === undefined) continue;
    const d = Math.abs(tk - t);
    if (d <= bestMs) {
      best = bpm[k];
      bestMs = d;
    }
  }
  return best;
}
