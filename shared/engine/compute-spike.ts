// Single-run spike against the longest single run of the previous 30 days (science.md §2).
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo, StageDefinition, Thresholds } from './types.ts';

export type SpikeBand = 'ok' | 'caution' | 'high' | 'very_high';

export interface SpikeResult extends MetricInfo {
  /** spike as a fraction (0.25 = 25 % longer); null when the stage prescribes no running at all. */
  value: number | null;
  band: SpikeBand;
  reference: 'longest_30d' | 'stage_prescription';
  /** Metres for 'longest_30d', seconds for 'stage_prescription'. */
  referenceValue: number;
  note?: string;
}

// Ratios like 11000/10000 − 1 land a hair above 0.1 in floating point; a band edge belongs to the lower band.
const EPS = 1e-9;

/** ≤10 % ok · >10–30 % caution · >30–100 % high · >100 % very high (Frandsen 2025 BJSM 59:1203). */
export function spikeBandOf(
  spike: number,
  t: Pick<Thresholds, 'spikeCaution' | 'spikeHigh' | 'spikeVeryHigh'>,
): SpikeBand {
  if (spike <= t.spikeCaution + EPS) return 'ok';
  if (spike <= t.spikeHigh + EPS) return 'caution';
  if (spike <= t.spikeVeryHigh + EPS) return 'high';
  return 'very_high';
}

/**
 * spike = distance(run) / max(single runs of the previous 30 days) − 1. Returns null when there
 * was no run in the window (previousLongestM ≤ 0): use computeSpikeVsStage then.
 */
export function computeSpike(
  runDistanceM: number,
  previousLongestM: number,
  t: Thresholds,
): SpikeResult | null {
  if (!(previousLongestM > 0)) return null;
  // Frandsen 2025: spike = distance / longest run in the previous 30 days − 1
  const value = runDistanceM / previousLongestM - 1;
  const { method, source, caveat } = METRIC_INFO.spike;
  return {
    method,
    source,
    caveat,
    value,
    band: spikeBandOf(value, t),
    reference: 'longest_30d',
    referenceValue: previousLongestM,
    note: undefined,
  };
}

/**
 * No run in the previous 30 days: the run is compared with the stage's prescribed session time
 * (moving time / prescribed minutes − 1), with the same bands. A stage without running makes any
 * run a very high spike.
 */
export function computeSpikeVsStage(
  runMovingS: number,
  stage: StageDefinition,
  t: Thresholds,
  info: MetricInfo = METRIC_INFO.spikeVsStage,
): SpikeResult {
  const { method, source, caveat } = info;
  // science.md §4: "running at a walking stage" is itself a spike, whatever the stage's numbers.
  if (stage.mode === 'walk') {
    return {
      method,
      source,
      caveat,
      value: null,
      band: 'very_high',
      reference: 'stage_prescription',
      referenceValue: 0,
      note: `Stage ${stage.stage} prescribes no running.`,
    };
  }
  const referenceS = stage.totalMin * 60;
  // moving time / prescribed session time − 1
  const value = runMovingS / referenceS - 1;
  return {
    method,
    source,
    caveat,
    value,
    band: spikeBandOf(value, t),
    reference: 'stage_prescription',
    referenceValue: referenceS,
  };
}
