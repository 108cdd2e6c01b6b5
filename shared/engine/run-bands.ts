// A day's longest run against what came before: the 30 days before it (else the stage's session),
// and the stage's session; and the runs of the 30 days before a day, for sizing today's session.
import { computeSpike, computeSpikeVsStage, type SpikeResult } from './compute-spike.ts';
import type { DailyLoad } from './compute-daily-series.ts';
import { medianInPlace } from './pain-model.ts';
import type { RunHistory } from './prescriptions.ts';
import { computeShapeBeyond, computeStageBeyond } from './stage-beyond.ts';
import type { StageDefinition, Thresholds } from './types.ts';

export interface RunBands {
  /** Against the longest run of the 30 days before, or the stage's session without one. */
  spike: SpikeResult;
  /** Against the stage's session (the same result as `spike` when that had no 30-day reference). */
  beyond: SpikeResult | null;
}

/**
 * The longest run of day `k` of `series` against the previous 30 days (else the stage), and
 * against the stage. Days before index `first` are not history.
 */
export function runBandsOf(
  series: readonly DailyLoad[],
  k: number,
  first: number,
  stage: StageDefinition,
  t: Thresholds,
): RunBands {
  const d = series[k] as DailyLoad;
  let previousLongest = 0;
  for (let j = Math.max(0, first, k - t.spikeWindowDays); j < k; j++) {
    const l = (series[j] as DailyLoad).longestRunM;
    if (l > previousLongest) previousLongest = l;
  }
  const vs30 = computeSpike(d.longestRunM, previousLongest, t);
  const beyond = computeStageBeyond(d.longestRunMovingS, stage, t, d.longestRunShapes);
  if (vs30) return { spike: vs30, beyond };
  // No run in 30 days: the stage is the reference; a walk-run read by its shape is measured by it.
  const vsStage =
    (d.longestRunShapes ? computeShapeBeyond(d.longestRunShapes, stage, t) : null) ??
    computeSpikeVsStage(d.longestRunMovingS, stage, t);
  return { spike: vsStage, beyond: vsStage };
}

const NO_RUN_HISTORY: RunHistory = Object.freeze({
  longestRunMin30d: null,
  typicalRunMin30d: null,
});
// Reused between calls: the engine asks once per day, one day at a time.
const runMinutes: number[] = [];

/** The runs of the 30 days before day `i`, in moving minutes: the longest and the median. */
export function runHistoryAt(
  series: readonly DailyLoad[],
  i: number,
  first: number,
  t: Thresholds,
): RunHistory {
  runMinutes.length = 0;
  let longest = 0;
  for (let j = Math.max(0, first, i - t.spikeWindowDays); j < i; j++) {
    const d = series[j] as DailyLoad;
    if (d.runCount === 0) continue;
    const m = d.longestRunMovingS / 60;
    runMinutes.push(m);
    if (m > longest) longest = m;
  }
  if (runMinutes.length === 0) return NO_RUN_HISTORY;
  return { longestRunMin30d: longest, typicalRunMin30d: medianInPlace(runMinutes) };
}
