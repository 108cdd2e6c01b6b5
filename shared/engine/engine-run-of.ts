// Turns a parsed Activity into the engine's EngineRun, computing TRIMP and rTSS from its samples.
import { isRunningSport, type Activity } from '../activity/activity.ts';
import { computeRtss } from './compute-rtss.ts';
import { computeTrimp } from './compute-trimp.ts';
import type { AthleteProfile, EngineRun } from './types.ts';

export function engineRunOf(
  id: string,
  activity: Pick<Activity, 'sport' | 'startAt' | 'samples' | 'summary'>,
  profile: Pick<AthleteProfile, 'sex' | 'hrMaxBpm' | 'hrRestBpm' | 'thresholdPaceSPerKm'>,
  rpe?: number | null,
): EngineRun {
  const trimp = computeTrimp(activity.samples, profile).value;
  const rtss = isRunningSport(activity.sport)
    ? computeRtss(
        {
          samples: activity.samples,
          distanceM: activity.summary.distanceM,
          movingS: activity.summary.movingS,
        },
        profile.thresholdPaceSPerKm,
      ).value
    : null;
  return {
    id,
    startAt: activity.startAt,
    sport: activity.sport,
    distanceM: activity.summary.distanceM,
    movingS: activity.summary.movingS,
    trimp,
    rtss,
    rpe: rpe ?? null,
  };
}
