// Banister TRIMP summed per sample, never from the average heart rate (the weight is convex).
import type { Sample } from '../activity/activity.ts';
import { METRIC_INFO } from './metric-info.ts';
import type { AthleteProfile, MetricInfo } from './types.ts';

export interface TrimpResult extends MetricInfo {
  /** null when HRmax/HRrest are missing or no sample has a heart rate. */
  value: number | null;
  a: number;
  b: number;
  /** Minutes of samples that carried a heart rate. */
  hrMinutes: number;
  notes: string[];
}

/** Gaps longer than this are pauses and carry no load. */
export const TRIMP_MAX_GAP_S = 60;

/** The sex-specific constants; unknown sex takes the male ones (science.md §1). */
export function trimpConstantsOf(sex: AthleteProfile['sex']): {
  a: number;
  b: number;
  assumed: boolean;
} {
  // Morton, Fitz-Clarke & Banister 1990, J Appl Physiol 69:1171: a=0.64,b=1.92 (male); 0.86,1.67 (female)
  if (sex === 'female') return { a: 0.86, b: 1.67, assumed: false };
  return { a: 0.64, b: 1.92, assumed: sex !== 'male' };
}

/**
 * TRIMP = Σ dt(min) × HRr × a·e^(b·HRr), HRr = (HR − HRrest)/(HRmax − HRrest) clamped to [0, 1].
 * Each interval between two samples takes the heart rate of its first sample.
 */
export function computeTrimp(
  samples: readonly Sample[],
  profile: Pick<AthleteProfile, 'sex' | 'hrMaxBpm' | 'hrRestBpm'>,
): TrimpResult {
  const { a, b, assumed } = trimpConstantsOf(profile.sex);
  const notes: string[] = [];
  if (assumed) notes.push('Sex not set: the male constants (a=0.64, b=1.92) were used.');
  const info = METRIC_INFO.trimp;
  const hrMax = profile.hrMaxBpm;
  const hrRest = profile.hrRestBpm;
  if (hrMax == null || hrRest == null || !(hrMax > hrRest) || hrRest <= 0) {
    notes.push('Set HRmax and HRrest (HRmax above HRrest) to compute TRIMP.');
    return { ...info, value: null, a, b, hrMinutes: 0, notes };
  }
  const reserve = hrMax - hrRest;
  let total = 0;
  let hrMinutes = 0;
  let clamped = false;
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1] as Sample;
    const cur = samples[i] as Sample;
    const dtS = (cur.t - prev.t) / 1000;
    if (!(dtS > 0) || dtS > TRIMP_MAX_GAP_S) continue;
    const hr = prev.hrBpm;
    if (hr == null || !(hr > 0)) continue;
    let hrr = (hr - hrRest) / reserve;
    if (hrr > 1) {
      hrr = 1;
      clamped = true;
    } else if (hrr < 0) hrr = 0;
    const dtMin = dtS / 60;
    // Banister 1991 TRIMP weighting, per sample
    total += dtMin * hrr * a * Math.exp(b * hrr);
    hrMinutes += dtMin;
  }
  if (clamped) notes.push('Heart rate went above HRmax: check the HRmax setting.');
  if (hrMinutes === 0) {
    notes.push('No heart rate in this activity.');
    return { ...info, value: null, a, b, hrMinutes, notes };
  }
  return { ...info, value: total, a, b, hrMinutes, notes };
}
