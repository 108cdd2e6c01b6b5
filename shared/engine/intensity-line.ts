// The intensity line (issue 18): each day's and each Monday–Sunday week's time above threshold,
// time in fast bouts, strides and hill repeats, summed from the runs' stored intensity
// (compute-intensity.ts). Descriptive: no decision reads it.
import { weekStartOf, type LocalDate } from '../local-date.ts';
import type { ActivityIntensity } from './compute-intensity.ts';
import type { AthleteProfile } from './types.ts';

/**
 * What "above threshold" is measured against: the athlete's threshold pace when set (it sees a
 * 20-s stride, which heart rate, lagging, does not), else the threshold heart rate from HRmax,
 * else — with neither — the time in fast bouts against each run's own easy pace.
 */
export type IntensityBasis = 'pace' | 'heart_rate' | 'fast_bouts';

export interface IntensityTotals {
  /** Seconds above threshold by the basis (with `fast_bouts`, the same as `fastS`). */
  aboveThresholdS: number;
  fastS: number;
  strides: number;
  hillRepeats: number;
  /** Runs with an intensity reading. */
  runs: number;
}

export function intensityBasisOf(
  profile: Pick<AthleteProfile, 'thresholdPaceSPerKm' | 'hrMaxBpm'>,
): IntensityBasis {
  if (profile.thresholdPaceSPerKm != null && profile.thresholdPaceSPerKm > 0) return 'pace';
  if (profile.hrMaxBpm != null && profile.hrMaxBpm > 0) return 'heart_rate';
  return 'fast_bouts';
}

/** A run's seconds above threshold by the basis; a run without the measure counts 0. */
export function aboveThresholdOf(i: ActivityIntensity, basis: IntensityBasis): number {
  if (basis === 'pace') return i.aboveThresholdPaceS ?? 0;
  if (basis === 'heart_rate') return i.aboveThresholdHrS ?? 0;
  return i.fastS;
}

const zero = (): IntensityTotals => ({
  aboveThresholdS: 0,
  fastS: 0,
  strides: 0,
  hillRepeats: 0,
  runs: 0,
});

function add(t: IntensityTotals, i: ActivityIntensity, basis: IntensityBasis): void {
  t.aboveThresholdS += aboveThresholdOf(i, basis);
  t.fastS += i.fastS;
  t.strides += i.strides.length;
  t.hillRepeats += i.hillRepeats.length;
  t.runs += 1;
}

/** Days and weeks with at least one run read, in date order. */
export function intensityLineOf(
  runs: ReadonlyArray<{ localDate: LocalDate; intensity: ActivityIntensity }>,
  basis: IntensityBasis,
): {
  days: Array<IntensityTotals & { day: LocalDate }>;
  weeks: Array<IntensityTotals & { weekStart: LocalDate }>;
} {
  const days = new Map<LocalDate, IntensityTotals>();
  const weeks = new Map<LocalDate, IntensityTotals>();
  for (const r of runs) {
    const week = weekStartOf(r.localDate);
    if (!days.has(r.localDate)) days.set(r.localDate, zero());
    if (!weeks.has(week)) weeks.set(week, zero());
    add(days.get(r.localDate) as IntensityTotals, r.intensity, basis);
    add(weeks.get(week) as IntensityTotals, r.intensity, basis);
  }
  const byKey = <T>(m: Map<LocalDate, IntensityTotals>, f: (k: LocalDate) => T) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => ({ ...f(k), ...v }));
  return {
    days: byKey(days, (day) => ({ day })),
    weeks: byKey(weeks, (weekStart) => ({ weekStart })),
  };
}
