// A run beyond the stage (science.md §4): longer than the stage's prescription by more than 10 %, or
// a run at a walking stage, is itself a spike against the progression, with the single-run spike
// bands measured against the prescription. Stages 7–8 prescribe volume against the runner's own
// last 30 days, which the single-run spike already measures, so they have no fixed prescription.
import { computeSpikeVsStage, spikeBandOf, type SpikeResult } from './compute-spike.ts';
import { judgeSession } from './judge-session.ts';
import type { SessionShape } from './session-shape.ts';
import { METRIC_INFO } from './metric-info.ts';
import type { StageDefinition, Thresholds } from './types.ts';

export function computeStageBeyond(
  runMovingS: number,
  stage: StageDefinition,
  t: Thresholds,
  shapes?: readonly SessionShape[] | null,
): SpikeResult | null {
  if (stage.mode === 'build_volume' || stage.mode === 'intensity') return null;
  return (
    (shapes ? computeShapeBeyond(shapes, stage, t) : null) ??
    computeSpikeVsStage(runMovingS, stage, t, METRIC_INFO.stageBeyond)
  );
}

/**
 * A walk-run read by its shape (issue 18): its running time against the stage's running time
 * (repeats × run minutes; the walk breaks and a warm-up walk are not running), with the spike
 * bands; running through a walk break is at least a caution, whatever the minutes. Null at
 * other stages or without a verdict.
 */
export function computeShapeBeyond(
  shapes: readonly SessionShape[],
  stage: StageDefinition,
  t: Thresholds,
): SpikeResult | null {
  if (stage.mode !== 'walk_run') return null;
  const v = judgeSession(shapes, stage, t);
  if (!v) return null;
  const referenceS = stage.repeats * stage.runMin * 60;
  // running time / prescribed running time − 1
  const value = v.runningS / referenceS - 1;
  const band = spikeBandOf(value, t);
  const { method, source, caveat } = METRIC_INFO.stageBeyond;
  return {
    method,
    source,
    caveat,
    value,
    band: v.throughWalks && band === 'ok' ? 'caution' : band,
    reference: 'stage_prescription',
    referenceValue: referenceS,
    ...(v.throughWalks && v.reason ? { note: v.reason } : {}),
  };
}
