// Running Training Stress Score from normalised graded speed (speeds, not min/km).
import type { Sample } from '../activity/activity.ts';
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo } from './types.ts';

export interface RtssResult extends MetricInfo {
  value: number | null;
  /** Normalised graded speed, m/s. */
  ngsMps: number | null;
  intensityFactor: number | null;
  hours: number;
  basis: 'samples' | 'average_speed' | 'none';
  notes: string[];
}

const ROLLING_S = 30;
const PAUSE_GAP_S = 60;
const MIN_MOVING_MPS = 0.5;
const MAX_GRADE = 0.45;

/** Energy cost of running on a grade, J/kg/m (Minetti et al. 2002, J Appl Physiol 93:1039). */
export function runningCostOf(grade: number): number {
  const i = Math.max(-MAX_GRADE, Math.min(MAX_GRADE, grade));
  // Minetti 2002: C(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6
  return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
}

/** Threshold speed in m/s from a threshold pace in s/km. */
export function thresholdSpeedOf(thresholdPaceSPerKm: number): number {
  return 1000 / thresholdPaceSPerKm;
}

function none(notes: string[]): RtssResult {
  return {
    ...METRIC_INFO.rtss,
    value: null,
    ngsMps: null,
    intensityFactor: null,
    hours: 0,
    basis: 'none',
    notes,
  };
}

/**
 * rTSS = 100 × hours × IF², IF = NGS / threshold speed. NGS: speed adjusted for grade (Minetti
 * cost ratio), averaged over a rolling 30 s, then the 4th-power mean over the moving time.
 * Without usable samples the average speed stands in (and says so).
 */
export function computeRtss(
  activity: { samples?: readonly Sample[]; distanceM: number; movingS: number },
  thresholdPaceSPerKm: number | null | undefined,
): RtssResult {
  if (thresholdPaceSPerKm == null || !(thresholdPaceSPerKm > 0)) {
    return none(['Set a threshold pace to compute rTSS.']);
  }
  const vThr = thresholdSpeedOf(thresholdPaceSPerKm);
  const fromSamples = ngsOf(activity.samples ?? []);
  if (fromSamples) {
    const intensityFactor = fromSamples.ngs / vThr;
    // TrainingPeaks rTSS = 100 × hours × IF²
    const value = 100 * fromSamples.hours * intensityFactor * intensityFactor;
    return {
      ...METRIC_INFO.rtss,
      value,
      ngsMps: fromSamples.ngs,
      intensityFactor,
      hours: fromSamples.hours,
      basis: 'samples',
      notes: [],
    };
  }
  if (!(activity.movingS > 0) || !(activity.distanceM > 0))
    return none(['No moving time or distance.']);
  const v = activity.distanceM / activity.movingS;
  const intensityFactor = v / vThr;
  const hours = activity.movingS / 3600;
  return {
    ...METRIC_INFO.rtss,
    value: 100 * hours * intensityFactor * intensityFactor,
    ngsMps: v,
    intensityFactor,
    hours,
    basis: 'average_speed',
    notes: ['No speed samples: average speed used, not normalised graded speed.'],
  };
}

interface Step {
  t: number;
  dtS: number;
  gs: number;
}

function ngsOf(samples: readonly Sample[]): { ngs: number; hours: number } | null {
  const steps: Step[] = [];
  // Trailing point ~30 s back, for a grade less noisy than sample to sample.
  let back = 0;
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1] as Sample;
    const cur = samples[i] as Sample;
    const dtS = (cur.t - prev.t) / 1000;
    if (!(dtS > 0) || dtS > PAUSE_GAP_S) continue;
    let v: number | undefined;
    if (cur.distanceM != null && prev.distanceM != null) v = (cur.distanceM - prev.distanceM) / dtS;
    else if (cur.speedMps != null) v = cur.speedMps;
    if (v == null || !(v >= MIN_MOVING_MPS)) continue;
    while (back < i && (samples[back] as Sample).t < cur.t - ROLLING_S * 1000) back++;
    let grade = 0;
    const from = samples[back] as Sample;
    if (
      back < i &&
      cur.eleM != null &&
      from.eleM != null &&
      cur.distanceM != null &&
      from.distanceM != null
    ) {
      const dd = cur.distanceM - from.distanceM;
      if (dd > 5) grade = (cur.eleM - from.eleM) / dd;
    }
    steps.push({ t: cur.t, dtS, gs: (v * runningCostOf(grade)) / runningCostOf(0) });
  }
  if (steps.length === 0) return null;
  let movingS = 0;
  let sum4 = 0;
  let windowWeighted = 0;
  let windowS = 0;
  let start = 0;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as Step;
    windowWeighted += s.gs * s.dtS;
    windowS += s.dtS;
    while (start < i && (steps[start] as Step).t <= s.t - ROLLING_S * 1000) {
      const old = steps[start] as Step;
      windowWeighted -= old.gs * old.dtS;
      windowS -= old.dtS;
      start++;
    }
    const avg = windowWeighted / windowS;
    sum4 += avg ** 4 * s.dtS;
    movingS += s.dtS;
  }
  return { ngs: (sum4 / movingS) ** 0.25, hours: movingS / 3600 };
}
