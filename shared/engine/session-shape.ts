// The shape of a running session (science.md §6 → §4): its stretches of running, the walk breaks
// or stops between them, and the fast surges inside the running (strides, intervals, a fast
// finish), read from the detected work/rest intervals or from the watch's laps. The progression
// judges a session by this shape (judge-session.ts), not by its total time only.
import type { Interval, Lap } from '../activity/activity.ts';
import { WALK_MAX_MPS } from '../activity/walk-speed.ts';

export interface ShapeBout {
  /** Seconds from the activity's start. */
  startS: number;
  durationS: number;
  distanceM: number;
}

export interface SessionShape {
  source: 'intervals' | 'laps' | 'steady';
  /** Stretches of running without a walk break, in order. */
  runs: ShapeBout[];
  /** The walk breaks (or stops) between consecutive runs, seconds: `runs.length − 1` of them. */
  breaksS: number[];
  /** Walking after the last run (a runner who stopped early and walked home), seconds. */
  walkedAfterS: number;
  /** Fast bouts of a session that also holds easy running (strides, intervals, a fast finish). */
  surges: ShapeBout[];
  /** Climbs run as hill repeats (detect-hill-repeats.ts); 0 without elevation. */
  hillRepeats?: number;
}

// A rest bout slower than walking speed is a walk break or a stop; faster, it is easy running
// between fast bouts. Fixed, not relative to the runner's paces: see docs/engine.md.
export { WALK_MAX_MPS };

type Kind = 'walk' | 'easy' | 'fast';
interface Segment extends ShapeBout {
  kind: Kind;
}

const speedOf = (b: ShapeBout): number => (b.durationS > 0 ? b.distanceM / b.durationS : 0);

function shapeOf(segments: readonly Segment[], source: SessionShape['source']): SessionShape {
  const runs: ShapeBout[] = [];
  const breaksS: number[] = [];
  const surges: ShapeBout[] = [];
  let walking = 0;
  let current: ShapeBout | null = null;
  // With easy running in the session, its work bouts are faster than easy running: intensity.
  // Without, they are the run bouts of a walk-run.
  const hasEasy = segments.some((s) => s.kind === 'easy');
  segments.forEach((s) => {
    if (s.kind === 'walk') {
      if (current) {
        runs.push(current);
        current = null;
        walking = 0;
      }
      walking += s.durationS;
      return;
    }
    if (!current) {
      if (runs.length > 0) breaksS.push(walking);
      current = { startS: s.startS, durationS: 0, distanceM: 0 };
    }
    current.durationS += s.durationS;
    current.distanceM += s.distanceM;
    if (s.kind === 'fast' && hasEasy)
      surges.push({ startS: s.startS, durationS: s.durationS, distanceM: s.distanceM });
  });
  if (current) {
    runs.push(current);
    walking = 0;
  }
  return { source, runs, breaksS, walkedAfterS: walking, surges };
}

/**
 * The shape from the detected intervals. No intervals (one speed level) is one steady stretch of
 * running over the moving time.
 */
export function shapeOfIntervals(
  intervals: readonly Interval[],
  run: { movingS: number; distanceM: number },
): SessionShape {
  if (intervals.length === 0)
    return {
      source: 'steady',
      runs:
        run.movingS > 0 ? [{ startS: 0, durationS: run.movingS, distanceM: run.distanceM }] : [],
      breaksS: [],
      walkedAfterS: 0,
      surges: [],
    };
  const segments = intervals.map((i): Segment => ({
    startS: i.startS,
    durationS: i.durationS,
    distanceM: i.distanceM,
    kind: i.kind === 'work' ? 'fast' : speedOf(i) > WALK_MAX_MPS ? 'easy' : 'walk',
  }));
  return shapeOf(segments, 'intervals');
}

/**
 * The shape from the watch's laps (a runner who pressed lap at each change), or null with fewer
 * than two laps. A lap is running when faster than walking; among running laps, one at least 1.3
 * times the median running lap's speed (the detection's two-level contrast) is a fast bout.
 */
export function shapeOfLaps(laps: readonly Lap[]): SessionShape | null {
  if (laps.length < 2) return null;
  const running = laps.map(speedOf).filter((v) => v > WALK_MAX_MPS);
  const sorted = [...running].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 0;
  const segments = laps.map((l): Segment => {
    const v = speedOf(l);
    const kind: Kind = v <= WALK_MAX_MPS ? 'walk' : v >= 1.3 * median ? 'fast' : 'easy';
    return { startS: l.startS, durationS: l.durationS, distanceM: l.distanceM, kind };
  });
  return shapeOf(segments, 'laps');
}

/** Whether two bouts share any second. */
const overlaps = (a: ShapeBout, b: ShapeBout): boolean =>
  a.startS < b.startS + b.durationS && b.startS < a.startS + a.durationS;

/**
 * The shape with the strides found in the stream (detect-strides.ts) among its surges: those the
 * interval detection missed (shorter than its 30-s work bouts) and that no surge already covers.
 */
export function withStrides(shape: SessionShape, strides: readonly ShapeBout[]): SessionShape {
  const added = strides.filter((st) => !shape.surges.some((s) => overlaps(s, st)));
  if (added.length === 0) return shape;
  const surges = [...shape.surges, ...added].sort((a, b) => a.startS - b.startS);
  return { ...shape, surges };
}

/**
 * Every shape the session can be read as: detected intervals (or steady running), then laps; each
 * with the strides and hill repeats found in the stream.
 */
export function sessionShapesOf(run: {
  intervals: readonly Interval[];
  laps: readonly Lap[];
  movingS: number;
  distanceM: number;
  strides?: readonly ShapeBout[];
  hillRepeats?: number;
}): SessionShape[] {
  const laps = shapeOfLaps(run.laps);
  const shapes = [shapeOfIntervals(run.intervals, run), ...(laps ? [laps] : [])];
  return shapes.map((s) => ({
    ...withStrides(s, run.strides ?? []),
    hillRepeats: run.hillRepeats ?? 0,
  }));
}
