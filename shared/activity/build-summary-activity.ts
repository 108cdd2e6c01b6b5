// An activity known from its totals rather than a track: a pool swim's session, an Apple Health
// workout without a route. Its time and distance come from the device's summary; heart-rate
// samples, where there are any, are kept for the load metrics, but never stretch its duration.
import type { Activity, ActivityWarning, Lap, Sample, SourceFormat, Sport } from './activity.ts';
import { addFileWarning } from './build-activity.ts';

export interface SummaryActivityInput {
  format: SourceFormat;
  sport: Sport;
  startMs: number;
  elapsedS: number;
  /** Time moving, or the timer's time (pauses excluded). Defaults to elapsedS. */
  movingS?: number;
  distanceM?: number;
  elevationGainM?: number;
  avgHrBpm?: number;
  maxHrBpm?: number;
  /** Heart-rate samples inside the activity, in any order. */
  hrSamples?: readonly { t: number; hrBpm: number }[];
  laps?: Lap[];
  name?: string;
  device?: string;
  warnings?: string[];
  fileWarnings?: ActivityWarning[];
}

/** Plausible heart rates, as cleaning keeps them (clean.ts). */
const isHeartRate = (bpm: number) => bpm >= 25 && bpm <= 250;

export function buildSummaryActivity(input: SummaryActivityInput): Activity {
  const endMs = input.startMs + input.elapsedS * 1000;
  const samples: Sample[] = [];
  const sorted = [...(input.hrSamples ?? [])].sort((a, b) => a.t - b.t);
  for (const s of sorted) {
    if (s.t < input.startMs || s.t > endMs || !isHeartRate(s.hrBpm)) continue;
    if (samples.length > 0 && (samples[samples.length - 1] as Sample).t === s.t) continue;
    samples.push({ t: s.t, hrBpm: s.hrBpm });
  }
  let avgHrBpm = input.avgHrBpm;
  let maxHrBpm = input.maxHrBpm;
  if (samples.length > 0) {
    const hrs = samples.map((s) => s.hrBpm as number);
    avgHrBpm ??= hrs.reduce((a, b) => a + b, 0) / hrs.length;
    maxHrBpm ??= Math.max(...hrs);
  }
  const activity: Activity = {
    format: input.format,
    sport: input.sport,
    startAt: new Date(input.startMs),
    samples,
    laps: input.laps ?? [],
    intervals: [],
    summary: {
      distanceM: input.distanceM ?? 0,
      movingS: Math.min(input.movingS ?? input.elapsedS, input.elapsedS),
      elapsedS: input.elapsedS,
      elevationGainM: input.elevationGainM ?? 0,
    },
    warnings: [...(input.warnings ?? [])],
  };
  if (avgHrBpm !== undefined) activity.summary.avgHrBpm = avgHrBpm;
  if (maxHrBpm !== undefined) activity.summary.maxHrBpm = maxHrBpm;
  if (input.name !== undefined) activity.name = input.name;
  if (input.device !== undefined) activity.device = input.device;
  for (const w of input.fileWarnings ?? []) addFileWarning(activity, w);
  return activity;
}
