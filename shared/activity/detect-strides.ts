// Strides: short fast bouts inside an easy run (10–45 s well above the run's own easy pace, with
// slower running or walking before and after). The interval detection (intervals.ts) keeps work
// bouts of 30 s or more, as science.md §6 asks, so the 15–25 s strides of a stage-8 session need a
// reading of their own, against the runner's easy pace of that run rather than a fixed speed.
import type { Sample } from './activity.ts';
import { resample, rollingMedian, sortedNumbers, trackOf } from './intervals.ts';
import { SampleColumns } from './sample-columns.ts';
import { WALK_MAX_MPS } from './walk-speed.ts';

export interface StrideBout {
  /** Seconds from the activity's first sample. */
  startS: number;
  durationS: number;
  distanceM: number;
}

/** A stride lasts at least this long, seconds: shorter is a GPS jump or a dash across a road. */
export const STRIDE_MIN_S = 10;
/** A fast bout this long or shorter is a stride; longer ones are intervals (strides are 15–30 s). */
export const STRIDE_MAX_S = 45;
/** Fast = at least this many times the run's easy speed (the interval detection's contrast)… */
export const STRIDE_CONTRAST = 1.3;
/** …and at least this much faster, m/s (as the interval detection's two levels). */
export const STRIDE_MIN_GAIN_MPS = 0.5;
/** Slower running or walking before and after a stride, seconds: the recovery of strides. */
export const STRIDE_RECOVERY_S = 20;
/** Smoothing, seconds: a 5-s rolling median keeps a 10-s stride and drops a 2-s GPS spike. */
const MEDIAN_S = 5;
/** Fewer running seconds than this: no easy pace to compare with. */
const MIN_RUNNING_S = 120;

function median(xs: number[]): number {
  const s = sortedNumbers(xs);
  return s[s.length >> 1] as number;
}

/**
 * The strides of a run. The easy speed is the median of the smoothed speed over the seconds
 * faster than walking; a stride is a stretch of at least `STRIDE_CONTRAST` × and
 * `STRIDE_MIN_GAIN_MPS` above it, `STRIDE_MIN_S`–`STRIDE_MAX_S` long, with `STRIDE_RECOVERY_S` of
 * slower movement on each side (or the start or end of the activity).
 */
export function detectStrides(samples: readonly Sample[] | SampleColumns): StrideBout[] {
  if (samples.length === 0) return [];
  const track = trackOf(samples);
  const t0 = track.t[0];
  const t1 = track.t[track.t.length - 1];
  if (t0 === undefined || t1 === undefined) return [];
  const seconds = Math.floor((t1 - t0) / 1000);
  if (seconds < MIN_RUNNING_S || seconds > 48 * 3600) return [];
  const dist = resample(track.t, track.d, seconds);
  const raw = new Float64Array(seconds);
  for (let k = 0; k < seconds; k++) raw[k] = (dist[k + 1] as number) - (dist[k] as number);
  const speed = rollingMedian(raw, MEDIAN_S);

  const running: number[] = [];
  for (const v of speed) if (v > WALK_MAX_MPS) running.push(v);
  if (running.length < MIN_RUNNING_S) return [];
  const easy = median(running);
  const fast = Math.max(easy * STRIDE_CONTRAST, easy + STRIDE_MIN_GAIN_MPS);

  // Stretches at or above the fast level.
  const bouts: Array<{ start: number; end: number }> = [];
  for (let k = 0; k < seconds; k++) {
    if ((speed[k] as number) < fast) continue;
    const last = bouts[bouts.length - 1];
    if (last && last.end === k) last.end = k + 1;
    else bouts.push({ start: k, end: k + 1 });
  }
  const first = samples instanceof SampleColumns ? samples.t[0] : samples[0]?.t;
  const offsetS = (t0 - (first ?? t0)) / 1000;
  const out: StrideBout[] = [];
  bouts.forEach((b, i) => {
    const durationS = b.end - b.start;
    if (durationS < STRIDE_MIN_S || durationS > STRIDE_MAX_S) return;
    const before = i > 0 ? b.start - (bouts[i - 1] as { end: number }).end : Infinity;
    const after =
      i < bouts.length - 1 ? (bouts[i + 1] as { start: number }).start - b.end : Infinity;
    if (before < STRIDE_RECOVERY_S || after < STRIDE_RECOVERY_S) return;
    out.push({
      startS: offsetS + b.start,
      durationS,
      distanceM: (dist[b.end] as number) - (dist[b.start] as number),
    });
  });
  return out;
}
