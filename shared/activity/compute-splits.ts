// Splits: the time of each whole kilometre or mile, read from the cumulative distance of the
// samples. The moment a boundary is crossed is interpolated between the two samples around it, so
// 1 Hz and 1/5 Hz recordings give the same splits. Times are elapsed (stops included), as a watch's
// auto-lap counts them while it runs.

export interface Split {
  /** 1 for the first split. */
  n: number;
  distanceM: number;
  durationS: number;
  /** Time-weighted mean heart rate over the split, where the samples carry one. */
  avgHrBpm?: number;
  /** Elevation at the split's end minus at its start, metres, where the samples carry it. */
  eleChangeM?: number;
}

interface Point {
  t: number;
  d: number;
  hr?: number;
  ele?: number;
}

/** A final piece shorter than this is dropped (the last few metres after a watch is stopped). */
export const MIN_LAST_SPLIT_M = 10;

const lerp = (a: number, b: number, f: number): number => a + (b - a) * f;

/**
 * Splits of `splitM` metres (1000 for km, 1609.344 for mi), then the last partial one.
 * Samples without a distance are skipped; `t` is milliseconds.
 */
export function computeSplits(
  samples: ReadonlyArray<{ t: number; distanceM?: number; hrBpm?: number; eleM?: number }>,
  splitM: number,
): Split[] {
  if (!(splitM > 0)) throw new RangeError(`invalid splitM: ${splitM}`);
  const pts: Point[] = [];
  for (const s of samples)
    if (s.distanceM !== undefined && Number.isFinite(s.distanceM))
      pts.push({ t: s.t, d: s.distanceM, hr: s.hrBpm, ele: s.eleM });
  const first = pts[0];
  if (!first) return [];
  const splits: Split[] = [];
  let start = { t: first.t, d: first.d, ele: first.ele };
  let hrSum = 0;
  let hrS = 0;
  let eleEnd = first.ele;
  const close = (end: { t: number; d: number; ele: number | undefined }): void => {
    splits.push({
      n: splits.length + 1,
      distanceM: end.d - start.d,
      durationS: (end.t - start.t) / 1000,
      ...(hrS > 0 ? { avgHrBpm: hrSum / hrS } : {}),
      ...(start.ele !== undefined && end.ele !== undefined
        ? { eleChangeM: end.ele - start.ele }
        : {}),
    });
    start = end;
    hrSum = 0;
    hrS = 0;
  };
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Point;
    const b = pts[i] as Point;
    if (b.d > a.d) {
      // Every boundary between a and b closes a split at the interpolated moment.
      let from = { t: a.t, d: a.d, ele: a.ele };
      while (b.d >= start.d + splitM) {
        const at = start.d + splitM;
        const f = (at - a.d) / (b.d - a.d);
        const ele = a.ele !== undefined && b.ele !== undefined ? lerp(a.ele, b.ele, f) : undefined;
        const cross = { t: lerp(a.t, b.t, f), d: at, ele };
        if (a.hr !== undefined) {
          hrSum += a.hr * (cross.t - from.t);
          hrS += cross.t - from.t;
        }
        close(cross);
        from = cross;
      }
      if (a.hr !== undefined) {
        hrSum += a.hr * (b.t - from.t);
        hrS += b.t - from.t;
      }
    } else if (a.hr !== undefined && b.t > a.t) {
      // Standing still: the time (and its heart rate) belongs to the split under way.
      hrSum += a.hr * (b.t - a.t);
      hrS += b.t - a.t;
    }
    if (b.ele !== undefined) eleEnd = b.ele;
  }
  const last = pts[pts.length - 1] as Point;
  if (last.d - start.d >= MIN_LAST_SPLIT_M) close({ t: last.t, d: last.d, ele: eleEnd });
  return splits;
}
