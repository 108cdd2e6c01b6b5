// A run beyond the stage (science.md §4): longer than the stage's prescription by more than 10 %, or
// a run at a walking stage, is itself a spike against the progression, with the single-run spike
// bands measured against the prescription. Stages 7–8 prescribe volume against the runner's own
// last 30 days, which the single-run spike already measures, so they have no fixed prescription.
import { computeSpikeVsStage, type SpikeResult } from './compute-spike.ts';
import { METRIC_INFO } from './metric-info.ts';
import type { StageDefinition, Thresholds } from './types.ts';

export function computeStageBeyond(
  runMovingS: number,
  stage: StageDefinition,
  t: Thresholds,
): SpikeResult | null {
  if (stage.mode === 'build_volume' || stage.mode === 'intensity') return null;
  return computeSpikeVsStage(runMovingS, stage, t, METRIC_INFO.stageBeyond);
}
