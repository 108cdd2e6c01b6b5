// Work and rest bouts from the speed stream, as science.md §6 describes: resample to 1 Hz, remove
// pauses (< 30 m moved in 45 s), smooth with a rolling median, split speeds into two levels, keep
// work bouts ≥ 30 s and merge gaps < 30 s. A steady run has one level and yields no intervals.
import type { Interval, Sample } from './activity.ts';
import { SampleColumns } from './sample-columns.ts';

export interface IntervalOptions {
  /** Rolling-median window, seconds (science.md: 5–10 s). Default 7. */
  medianWindowS?: number;
  /** Shortest work bout kept, seconds. Default 30. */
  minWorkS?: number;
  /** Rest shorter than this between two work bouts is merged into them, seconds. Default 30. */
  minGapS?: number;
  /** Paused: less than `pauseDistanceM` moved in `pauseWindowS`. Defaults 30 m in 45 s. */
  pauseDistanceM?: number;
  pauseWindowS?: number;
  /** Two levels only when the fast level is at least this many times the slow one. Default 1.3. */
  minContrast?: number;
  /** Longest session analysed, seconds; longer ones yield no intervals. Default 48 h. */
  maxDurationS?: number;
}

type Kind = Interval['kind'];

interface Run {
  kind: Kind;
  start: number;
  end: number;
}

/** Cumulative distance at each whole second from the first sample, linearly interpolated. */
export function resample(ts: Float64Array, ds: Float64Array, seconds: number): Float64Array {
  const dist = new Float64Array(seconds + 1);
  const t0 = ts[0] as number;
  const n = ts.length;
  let j = 0;
  for (let k = 0; k <= seconds; k++) {
    const t = t0 + k * 1000;
    while (j + 1 < n && (ts[j + 1] as number) <= t) j++;
    const ta = ts[j] as number;
    const da = ds[j] as number;
    if (j + 1 >= n || ts[j + 1] === ta) {
      dist[k] = da;
    } else {
      const tb = ts[j + 1] as number;
      dist[k] = da + (((ds[j + 1] as number) - da) * (t - ta)) / (tb - ta);
    }
  }
  return dist;
}

/** The points with a time and a distance, as two columns. */
export function trackOf(samples: readonly Sample[] | SampleColumns): {
  t: Float64Array;
  d: Float64Array;
} {
  const n = samples.length;
  const t = new Float64Array(n);
  const d = new Float64Array(n);
  let m = 0;
  if (samples instanceof SampleColumns) {
    for (let i = 0; i < n; i++) {
      const ti = samples.t[i] as number;
      const di = samples.distanceM[i] as number;
      if (Number.isNaN(di) || !Number.isFinite(ti)) continue;
      t[m] = ti;
      d[m++] = di;
    }
  } else {
    for (const s of samples) {
      if (s.distanceM === undefined || !Number.isFinite(s.t)) continue;
      t[m] = s.t;
      d[m++] = s.distanceM;
    }
  }
  return { t: t.subarray(0, m), d: d.subarray(0, m) };
}

/** Each value's median over the `window` values centred on it (fewer at the ends). */
export function rollingMedian(values: Float64Array, window: number): Float64Array {
  const out = new Float64Array(values.length);
  const half = window >> 1;
  // The window kept sorted as it slides: one value in and at most one out per step, each placed
  // by binary search, instead of sorting the whole window again at every step. NaN has no place
  // in an order, so a series holding one takes the plain sort of each window.
  if (values.some(Number.isNaN)) return rollingMedianBySort(values, half, out);
  const sorted = new Float64Array(2 * half + 1);
  let len = 0;
  let from = 0;
  let to = 0;
  for (let k = 0; k < values.length; k++) {
    const nextFrom = Math.max(0, k - half);
    const nextTo = Math.min(values.length, k + half + 1);
    for (; from < nextFrom; from++) {
      const at = lowerBound(sorted, len, values[from] as number);
      sorted.copyWithin(at, at + 1, len);
      len--;
    }
    for (; to < nextTo; to++) {
      const v = values[to] as number;
      const at = lowerBound(sorted, len, v);
      sorted.copyWithin(at + 1, at, len);
      sorted[at] = v;
      len++;
    }
    out[k] = sorted[len >> 1] as number;
  }
  return out;
}

/** The first index in sorted[0, len) whose value is not below v. */
function lowerBound(sorted: Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rollingMedianBySort(values: Float64Array, half: number, out: Float64Array): Float64Array {
  const buf: number[] = [];
  for (let k = 0; k < values.length; k++) {
    buf.length = 0;
    const from = Math.max(0, k - half);
    const to = Math.min(values.length, k + half + 1);
    for (let i = from; i < to; i++) buf.push(values[i] as number);
    buf.sort((a, b) => a - b);
    out[k] = buf[buf.length >> 1] as number;
  }
  return out;
}

/** Ascending; a typed array's own sort is numeric, and much faster than a comparator. */
export function sortedNumbers(xs: readonly number[]): Float64Array | number[] {
  return xs.some(Number.isNaN) ? [...xs].sort((a, b) => a - b) : Float64Array.from(xs).sort();
}

/** Threshold between a slow and a fast level (1-D two-means), or undefined for one level. */
function twoLevelThreshold(speeds: number[], minContrast: number): number | undefined {
  if (speeds.length === 0) return undefined;
  const sorted = sortedNumbers(speeds);
  let lo = sorted[Math.floor(sorted.length * 0.1)] as number;
  let hi = sorted[Math.floor(sorted.length * 0.9)] as number;
  for (let iter = 0; iter < 50; iter++) {
    const threshold = (lo + hi) / 2;
    let sumLo = 0;
    let nLo = 0;
    let sumHi = 0;
    let nHi = 0;
    for (const v of sorted) {
      if (v < threshold) {
        sumLo += v;
        nLo++;
      } else {
        sumHi += v;
        nHi++;
      }
    }
    if (nLo === 0 || nHi === 0) return undefined;
    const nextLo = sumLo / nLo;
    const nextHi = sumHi / nHi;
    if (nextLo === lo && nextHi === hi) break;
    lo = nextLo;
    hi = nextHi;
  }
  if (hi < lo * minContrast || hi - lo < 0.5) return undefined;
  return (lo + hi) / 2;
}

function runsOf(labels: readonly Kind[]): Run[] {
  const runs: Run[] = [];
  for (let k = 0; k < labels.length; k++) {
    const kind = labels[k] as Kind;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === kind) last.end = k + 1;
    else runs.push({ kind, start: k, end: k + 1 });
  }
  return runs;
}

function relabel(runs: Run[], pick: (r: Run, i: number) => Kind): Run[] {
  return runsOf(runs.flatMap((r, i) => new Array<Kind>(r.end - r.start).fill(pick(r, i))));
}

/** Work and rest intervals of an activity, from its samples' time and cumulative distance. */
export function detectIntervals(
  samples: readonly Sample[] | SampleColumns,
  options: IntervalOptions = {},
): Interval[] {
  const medianWindowS = options.medianWindowS ?? 7;
  const minWorkS = options.minWorkS ?? 30;
  const minGapS = options.minGapS ?? 30;
  const pauseDistanceM = options.pauseDistanceM ?? 30;
  const pauseWindowS = options.pauseWindowS ?? 45;
  const minContrast = options.minContrast ?? 1.3;
  const maxDurationS = options.maxDurationS ?? 48 * 3600;

  if (samples.length === 0) return [];
  const firstT = samples instanceof SampleColumns ? (samples.t[0] as number) : samples[0]?.t;
  const track = trackOf(samples);
  const aT = track.t[0];
  const bT = track.t[track.t.length - 1];
  if (firstT === undefined || aT === undefined || bT === undefined) return [];
  const seconds = Math.floor((bT - aT) / 1000);
  if (seconds < 2 * minWorkS || seconds > maxDurationS) return [];

  const dist = resample(track.t, track.d, seconds);
  const speed = new Float64Array(seconds);
  for (let k = 0; k < seconds; k++) speed[k] = (dist[k + 1] as number) - (dist[k] as number);
  const smooth = rollingMedian(speed, medianWindowS);

  const half = pauseWindowS >> 1;
  const paused: boolean[] = new Array<boolean>(seconds);
  const moving: number[] = [];
  for (let k = 0; k < seconds; k++) {
    const from = Math.max(0, k - half);
    const to = Math.min(seconds, k + half + 1);
    const moved = (dist[to] as number) - (dist[from] as number);
    paused[k] = moved < (pauseDistanceM * (to - from)) / pauseWindowS;
    if (!paused[k]) moving.push(smooth[k] as number);
  }
  const threshold = twoLevelThreshold(moving, minContrast);
  if (threshold === undefined) return [];

  const labels: Kind[] = [];
  for (let k = 0; k < seconds; k++) {
    labels.push(!paused[k] && (smooth[k] as number) >= threshold ? 'work' : 'rest');
  }
  let runs = runsOf(labels);
  // Short rests between two work bouts join them; then work bouts still too short become rest.
  runs = relabel(runs, (r, i) =>
    r.kind === 'rest' && r.end - r.start < minGapS && i > 0 && i < runs.length - 1
      ? 'work'
      : r.kind,
  );
  runs = relabel(runs, (r) => (r.kind === 'work' && r.end - r.start < minWorkS ? 'rest' : r.kind));
  if (!runs.some((r) => r.kind === 'work')) return [];

  const offsetS = (aT - firstT) / 1000;
  return runs.map((r) => ({
    kind: r.kind,
    startS: offsetS + r.start,
    durationS: r.end - r.start,
    distanceM: (dist[r.end] as number) - (dist[r.start] as number),
  }));
}
