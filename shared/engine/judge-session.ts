// Whether a session's shape was the stage's session (issue 18; science.md §4, §6). A walk-run
// stage is completed when the run bouts match the prescription — their count, each bout within
// ±`boutTolerance` of the prescribed minutes, and the walk breaks taken; a continuous stage when
// its minutes were run without a walk break longer than `stopMaxS`. Otherwise the session is
// "partly done", with the reason in words; it does not count toward advancing, and it is not a
// failure. Running through the walk breaks and fast surges at a stage without intensity are also
// returned for the flags (a run beyond the stage by its shape).
import { STRIDE_MAX_S } from '../activity/detect-strides.ts';
import { formatClock } from '../activity/format-clock.ts';
import type { SessionShape, ShapeBout } from './session-shape.ts';
import type { StageDefinition, Thresholds } from './types.ts';

export interface SessionVerdict {
  stage: number;
  completion: 'completed' | 'partly_done';
  /** What was run, in words ("10 × 1:00", "24 min without a walk break", "30 min with 6 strides"). */
  performed: string;
  /** Why the session was only partly done ("7 of 10 run intervals, then walked"); null when completed. */
  reason: string | null;
  /** Which reading of the session decided: detected intervals (or steady running) or the laps. */
  source: SessionShape['source'];
  /** Walk breaks run through at a walk-run stage: the longest stretch and all running, seconds. */
  throughWalks: { longestS: number; runningS: number; prescribedS: number } | null;
  /** Fast running at a stage whose prescription holds none (strides, intervals, a fast finish). */
  intensity: { surges: number; fastS: number; finish: boolean; words: string } | null;
  /** Strides (fast bouts of at most `STRIDE_MAX_S`) and longer fast bouts, at any stage. */
  strides: number;
  fastBouts: number;
  /** Climbs run as hill repeats (recognised at the stages with intensity, stages 7–8 say them). */
  hillRepeats: number;
  /** Run bouts within the tolerance (walk-run stages), used to prefer laps that match better. */
  matched: number;
  /** All running of the session (its stretches together), seconds. */
  runningS: number;
}

const clock = (s: number): string => formatClock(Math.round(s));
/** Minutes in words: whole minutes from 5 min up, else m:ss. */
const minutes = (s: number): string => (s >= 300 ? `${Math.round(s / 60)} min` : `${clock(s)} min`);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function intensityOf(shape: SessionShape): Pick<SessionVerdict, 'strides' | 'fastBouts'> & {
  words: string;
  fastS: number;
  finish: boolean;
} {
  const strides = shape.surges.filter((b) => b.durationS <= STRIDE_MAX_S).length;
  const longer = shape.surges.length - strides;
  const last = shape.runs[shape.runs.length - 1];
  const lastSurge = shape.surges[shape.surges.length - 1];
  const finish =
    longer > 0 &&
    last !== undefined &&
    lastSurge !== undefined &&
    lastSurge.durationS > STRIDE_MAX_S &&
    Math.abs(lastSurge.startS + lastSurge.durationS - (last.startS + last.durationS)) <= 5;
  const words: string[] = [];
  if (strides > 0) words.push(plural(strides, 'stride'));
  if (finish) {
    if (longer > 1) words.push(plural(longer - 1, 'fast interval'));
    words.push(`a fast finish of ${clock(lastSurge.durationS)}`);
  } else if (longer > 0) words.push(plural(longer, 'fast interval'));
  return {
    strides,
    fastBouts: longer,
    words: words.join(' and '),
    fastS: sum(shape.surges.map((b) => b.durationS)),
    finish,
  };
}

/** Runs separated by stops no longer than `stopMaxS` are one stretch of running. */
function stretchesOf(shape: SessionShape, stopMaxS: number): { runS: number[]; stops: number } {
  const runS: number[] = [];
  let stops = 0;
  shape.runs.forEach((r: ShapeBout, i) => {
    const gap = i > 0 ? (shape.breaksS[i - 1] as number) : Infinity;
    if (gap <= stopMaxS) {
      runS[runS.length - 1] = (runS[runS.length - 1] as number) + r.durationS;
      stops++;
    } else runS.push(r.durationS);
  });
  return { runS, stops };
}

function judgeShape(
  shape: SessionShape,
  stage: StageDefinition,
  t: Pick<Thresholds, 'boutTolerance' | 'stopMaxS' | 'completionFraction'>,
): SessionVerdict {
  const fast = intensityOf(shape);
  const allowsIntensity = stage.mode === 'intensity';
  const intensity =
    !allowsIntensity && shape.surges.length > 0
      ? { surges: shape.surges.length, fastS: fast.fastS, finish: fast.finish, words: fast.words }
      : null;
  const runs = shape.runs.map((r) => r.durationS);
  const runningS = sum(runs);
  const longestS = runs.length ? Math.max(...runs) : 0;
  const base = {
    runningS,
    stage: stage.stage,
    source: shape.source,
    strides: fast.strides,
    fastBouts: fast.fastBouts,
    hillRepeats: shape.hillRepeats ?? 0,
    intensity,
  };
  const verdict = (
    performed: string,
    reason: string | null,
    extra: Partial<SessionVerdict> = {},
  ): SessionVerdict => ({
    ...base,
    throughWalks: null,
    matched: 0,
    performed,
    completion: reason === null ? 'completed' : 'partly_done',
    reason,
    ...extra,
  });
  const intensityReason = intensity
    ? `${intensity.words}; stage ${stage.stage} is ${stage.intensity}`
    : null;

  if (stage.mode === 'walk_run') {
    const boutS = stage.runMin * 60;
    const lo = boutS * (1 - t.boutTolerance);
    const hi = boutS * (1 + t.boutTolerance);
    const walkS = stage.walkMin * 60;
    const n = stage.repeats;
    const matched = runs.filter((r) => r >= lo && r <= hi).length;
    const prescribed = `${n} × ${clock(boutS)}`;
    if (runs.length === 0) return verdict('no running', 'no run intervals were found', { matched });
    // Longer than a bout and its walk break together: at least one walk break was run.
    if (longestS > boutS + walkS || (shape.source === 'steady' && longestS > hi)) {
      const tw = { longestS, runningS, prescribedS: n * boutS };
      return verdict(
        `${minutes(longestS)} without a walk break`,
        `ran ${minutes(longestS)} without a walk break; stage ${stage.stage} prescribes ${n} × ${stage.runMin} min with walks`,
        { throughWalks: tw, matched },
      );
    }
    const performed = `${runs.length} × ${clock(median(runs))}`;
    const extra = { matched };
    if (matched < runs.length) {
      const lo2 = Math.min(...runs);
      const hi2 = Math.max(...runs);
      const range = lo2 === hi2 ? clock(lo2) : `${clock(lo2)}–${clock(hi2)}`;
      return verdict(
        performed,
        `run intervals of ${range} instead of ${prescribed} (±${Math.round(t.boutTolerance * 100)} %)`,
        extra,
      );
    }
    const shortBreaks = shape.breaksS.filter((b) => b < walkS * (1 - t.boutTolerance));
    if (shortBreaks.length > 0)
      return verdict(
        performed,
        `walk breaks as short as ${clock(Math.min(...shortBreaks))} instead of ${clock(walkS)}`,
        extra,
      );
    if (runs.length < n)
      return verdict(
        performed,
        `${runs.length} of ${n} run intervals${shape.walkedAfterS >= 60 ? ', then walked' : ''}`,
        extra,
      );
    if (runs.length > n)
      return verdict(performed, `${runs.length} run intervals instead of ${n}`, extra);
    return verdict(performed, intensityReason, extra);
  }

  if (stage.mode === 'continuous') {
    const { runS, stops } = stretchesOf(shape, t.stopMaxS);
    const longest = runS.length ? Math.max(...runS) : 0;
    const walkBreaks = shape.breaksS.filter((b) => b > t.stopMaxS);
    const stopWords = stops > 0 ? `, with ${plural(stops, 'short stop')}` : '';
    if (walkBreaks.length > 0)
      return verdict(
        runS.map((s) => minutes(s)).join(' + '),
        `ran ${runS.map((s) => Math.round(s / 60)).join(' + ')} min with ${plural(walkBreaks.length, 'walk break')} of up to ${clock(Math.max(...walkBreaks))}; stage ${stage.stage} prescribes ${stage.totalMin} min without walk breaks`,
      );
    const performed = `${minutes(longest)} continuously${stopWords}`;
    // The minutes the prescription names ("Run 30 min"), as the comparison and the spike read them.
    if (longest < t.completionFraction * stage.totalMin * 60)
      return verdict(performed, `${minutes(longest)} of running instead of ${stage.totalMin} min`);
    return verdict(performed, intensityReason);
  }

  // Stages 7–8: volume is judged by the spike; here only whether the session held intensity.
  const hills = shape.hillRepeats ? plural(shape.hillRepeats, 'hill repeat') : '';
  const all = [fast.words, hills].filter((w) => w !== '').join(' and ');
  const withFast = all ? ` with ${all}` : '';
  return verdict(`${minutes(runningS)}${withFast}`, intensityReason);
}

/**
 * The verdict on a session at a running stage from each reading of it (detected intervals, the
 * laps): the one that completes the stage, else the one whose bouts match more, else the first.
 * Null at a walking stage or without a reading.
 */
export function judgeSession(
  shapes: readonly SessionShape[],
  stage: StageDefinition,
  t: Pick<Thresholds, 'boutTolerance' | 'stopMaxS' | 'completionFraction'>,
): SessionVerdict | null {
  if (stage.mode === 'walk' || shapes.length === 0) return null;
  let best: SessionVerdict | null = null;
  for (const shape of shapes) {
    const v = judgeShape(shape, stage, t);
    if (
      best === null ||
      (v.completion === 'completed' && best.completion !== 'completed') ||
      (v.completion === best.completion && v.matched > best.matched)
    )
      best = v;
  }
  return best;
}
