// Intensity as its own line (issue 18): how much of a run was fast, beside its volume. Per run:
// the time above the athlete's threshold pace, the time above the threshold heart rate, the time
// in fast bouts (strides and fast intervals, against the run's own easy pace), and the strides and
// hill repeats. Descriptive only: nothing here enters a decision (science.md §5 is unchanged).
import type { Interval, Sample } from '../activity/activity.ts';
import { detectHillRepeats, type HillClimb } from '../activity/detect-hill-repeats.ts';
import { detectStrides, type StrideBout } from '../activity/detect-strides.ts';
import { resample, rollingMedian, trackOf } from '../activity/intervals.ts';
import { thresholdSpeedOf } from './compute-rtss.ts';
import { sessionShapesOf } from './session-shape.ts';
import type { AthleteProfile } from './types.ts';

export interface ActivityIntensity {
  strides: StrideBout[];
  hillRepeats: HillClimb[];
  /** Seconds in fast bouts (strides, fast intervals, a fast finish) of a run that also ran easy. */
  fastS: number;
  /** Seconds at or faster than the threshold pace; null without a threshold pace or a speed stream. */
  aboveThresholdPaceS: number | null;
  /** Seconds at or above the threshold heart rate; null without HRmax or heart-rate samples. */
  aboveThresholdHrS: number | null;
  /** The threshold heart rate used, bpm (`THRESHOLD_HR_OF_MAX` × HRmax). */
  thresholdHrBpm: number | null;
}

/**
 * The threshold heart rate as a share of HRmax, while the profile has no lactate-threshold heart
 * rate of its own: the three-zone model puts its upper zone above the second ventilatory threshold,
 * at about 87 % of HRmax in trained runners (Seiler & Kjerland, Scand J Med Sci Sports
 * 2006;16:49). An estimate; a runner's own threshold may sit a few beats either side.
 */
export const THRESHOLD_HR_OF_MAX = 0.87;
/** Samples further apart than this are a pause, not time at that heart rate (as TRIMP). */
const MAX_GAP_S = 60;

export function thresholdHrOf(hrMaxBpm: number | null | undefined): number | null {
  return hrMaxBpm != null && hrMaxBpm > 0 ? Math.round(hrMaxBpm * THRESHOLD_HR_OF_MAX) : null;
}

/** Seconds of the 1-Hz speed (5-s rolling median) at or above `speedMps`; null without distance. */
function secondsAtOrAbove(samples: readonly Sample[], speedMps: number): number | null {
  const track = trackOf(samples);
  const t0 = track.t[0];
  const t1 = track.t[track.t.length - 1];
  if (t0 === undefined || t1 === undefined || t1 <= t0) return null;
  const seconds = Math.floor((t1 - t0) / 1000);
  const dist = resample(track.t, track.d, seconds);
  const raw = new Float64Array(seconds);
  for (let k = 0; k < seconds; k++) raw[k] = (dist[k + 1] as number) - (dist[k] as number);
  let n = 0;
  for (const v of rollingMedian(raw, 5)) if (v >= speedMps) n++;
  return n;
}

/** Seconds of heart rate at or above `bpm`: each sample's rate holds until the next sample. */
function secondsAtOrAboveHr(samples: readonly Sample[], bpm: number): number | null {
  let seen = false;
  let s = 0;
  for (let i = 0; i + 1 < samples.length; i++) {
    const a = samples[i] as Sample;
    const dt = ((samples[i + 1] as Sample).t - a.t) / 1000;
    if (a.hrBpm === undefined) continue;
    seen = true;
    if (dt > 0 && dt <= MAX_GAP_S && a.hrBpm >= bpm) s += dt;
  }
  return seen ? s : null;
}

/** The intensity of one run from its samples and detected intervals, with the athlete's profile. */
export function computeActivityIntensity(
  samples: readonly Sample[],
  run: { intervals: readonly Interval[]; movingS: number; distanceM: number },
  profile: Pick<AthleteProfile, 'hrMaxBpm' | 'thresholdPaceSPerKm'>,
): ActivityIntensity {
  const strides = detectStrides(samples);
  const hillRepeats = detectHillRepeats(samples);
  const [shape] = sessionShapesOf({ ...run, laps: [], strides });
  const fastS = (shape?.surges ?? []).reduce((a, b) => a + b.durationS, 0);
  const pace = profile.thresholdPaceSPerKm;
  const aboveThresholdPaceS =
    pace != null && pace > 0 ? secondsAtOrAbove(samples, thresholdSpeedOf(pace)) : null;
  const thresholdHrBpm = thresholdHrOf(profile.hrMaxBpm);
  const aboveThresholdHrS =
    thresholdHrBpm === null ? null : secondsAtOrAboveHr(samples, thresholdHrBpm);
  return {
    strides,
    hillRepeats,
    fastS,
    aboveThresholdPaceS,
    aboveThresholdHrS,
    thresholdHrBpm,
  };
}
