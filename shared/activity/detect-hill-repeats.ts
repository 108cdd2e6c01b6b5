// Hill repeats: the same kind of climb run again and again, read from the elevation stream. The
// track is cut at its turning points (a rise or fall of `ELEVATION_THRESHOLD_M` from the last
// extreme, the hysteresis of the elevation gain), and a climb counts when it gains at least
// `HILL_MIN_GAIN_M` at an average grade of at least `HILL_MIN_GRADE` and the runner came back down
// at least half of it before the next one. Two or more such climbs are hill repeats; a single climb
// is a hilly route, not repeats. The numbers and why: docs/engine.md.
import type { Sample } from './activity.ts';
import { ELEVATION_THRESHOLD_M } from './elevation.ts';
import { SampleColumns } from './sample-columns.ts';

export interface HillClimb {
  /** Seconds from the activity's first sample. */
  startS: number;
  durationS: number;
  distanceM: number;
  gainM: number;
}

/** A climb gains at least this much, metres: a 45-s hill rep at 3 m/s up a 6 % grade gains 8 m. */
export const HILL_MIN_GAIN_M = 8;
/** …at an average grade of at least this (4 %: clearly uphill, beyond a road's camber or a bridge). */
export const HILL_MIN_GRADE = 0.04;
/** Climbs separated by a descent of at least this share of the climb are repeats. */
const RETURN_SHARE = 0.5;

interface Point {
  tS: number;
  d: number;
  e: number;
}

function pointsOf(samples: readonly Sample[] | SampleColumns): Point[] {
  const out: Point[] = [];
  if (samples instanceof SampleColumns) {
    const t0 = samples.t[0] as number;
    for (let i = 0; i < samples.length; i++) {
      const d = samples.distanceM[i] as number;
      const e = samples.eleM[i] as number;
      if (!Number.isNaN(d) && !Number.isNaN(e))
        out.push({ tS: ((samples.t[i] as number) - t0) / 1000, d, e });
    }
    return out;
  }
  const t0 = samples[0]?.t ?? 0;
  for (const s of samples)
    if (s.distanceM !== undefined && s.eleM !== undefined && Number.isFinite(s.eleM))
      out.push({ tS: (s.t - t0) / 1000, d: s.distanceM, e: s.eleM });
  return out;
}

/**
 * Indexes of the track's turning points: each extreme left by at least `h` metres. A climb starts
 * at the last point of a low (a flat stretch before it is not climbing) and ends at the first
 * point of its top.
 */
function turningPoints(p: readonly Point[], h: number): number[] {
  const e = (i: number) => (p[i] as Point).e;
  const turns: number[] = [];
  let dir = 0;
  let lo = 0;
  let hi = 0;
  let ext = 0;
  for (let i = 1; i < p.length; i++) {
    if (dir === 0) {
      if (e(i) <= e(lo)) lo = i;
      if (e(i) > e(hi)) hi = i;
      const up = e(i) - e(lo) >= h;
      if (up || e(hi) - e(i) >= h) {
        turns.push(up ? lo : hi);
        dir = up ? 1 : -1;
        ext = i;
      }
    } else if (dir > 0 ? e(i) > e(ext) : e(i) <= e(ext)) ext = i;
    else if (dir * (e(ext) - e(i)) >= h) {
      turns.push(ext);
      dir = -dir;
      ext = i;
    }
  }
  if (dir !== 0) turns.push(ext);
  return turns;
}

/** The climbs of a session that were run as repeats; empty with fewer than two. */
export function detectHillRepeats(samples: readonly Sample[] | SampleColumns): HillClimb[] {
  const p = pointsOf(samples);
  if (p.length < 3) return [];
  const turns = turningPoints(p, ELEVATION_THRESHOLD_M);
  const climbs: HillClimb[] = [];
  for (let k = 0; k + 1 < turns.length; k++) {
    const a = p[turns[k] as number] as Point;
    const b = p[turns[k + 1] as number] as Point;
    const gainM = b.e - a.e;
    const distanceM = b.d - a.d;
    if (gainM < HILL_MIN_GAIN_M || distanceM <= 0 || gainM / distanceM < HILL_MIN_GRADE) continue;
    // Back down before the next climb (or by the end): a repeat, not a step up a long hill.
    const next = turns[k + 2];
    const down = next === undefined ? 0 : b.e - (p[next] as Point).e;
    if (down < RETURN_SHARE * gainM) continue;
    climbs.push({ startS: a.tS, durationS: b.tS - a.tS, distanceM, gainM });
  }
  return climbs.length >= 2 ? climbs : [];
}
