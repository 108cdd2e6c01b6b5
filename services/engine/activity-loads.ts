// An activity's loads — TRIMP, rTSS (runs) and the intensity reading (runs with a stream) — from its
// samples and the athlete's profile. Pure: the engine's recompute calls it on samples read back from
// the database, and ingest on the samples just parsed, on a bulk import's parsing threads too.
import type { Activity, Interval, Sample, Sport } from '#shared/activity/activity';
import { isRunningSport } from '#shared/activity/activity';
import { columnsOf } from '#shared/activity/sample-columns';
import type { AthleteProfile } from '#shared/engine/index';
import { computeRtss, computeTrimp } from '#shared/engine/index';
import { computeActivityIntensity, type ActivityIntensity } from '#shared/engine/compute-intensity';
import type { Athlete } from '#services/db/athletes.repository';

export function profileOf(a: Athlete): AthleteProfile {
  return {
    timezone: a.timezone,
    sex: a.sex,
    hrMaxBpm: a.hrMaxBpm,
    hrRestBpm: a.hrRestBpm,
    thresholdPaceSPerKm: a.thresholdPaceSPerKm,
    units: a.units === 'mi' ? 'imperial' : 'metric',
  };
}

/**
 * What TRIMP, rTSS and the intensity of an activity depend on: when it changes, they are computed
 * again. The last part names the version of the intensity reading, so activities stored before it
 * get theirs on their next recompute.
 */
export const loadsProfileKey = (a: Athlete) =>
  `${a.sex}|${a.hrMaxBpm ?? ''}|${a.hrRestBpm ?? ''}|${a.thresholdPaceSPerKm ?? ''}|i1`;

/** TRIMP, rTSS (runs) and intensity (runs with a stream) of one activity, from its samples. */
export function activityLoadsOf(
  samples: Sample[],
  run: { sport: string; distanceM: number; movingS: number; intervals: readonly Interval[] | null },
  profile: AthleteProfile,
): { trimp: number | null; rtss: number | null; intensity: ActivityIntensity | null } {
  const running = isRunningSport(run.sport as Sport);
  const trimp = computeTrimp(samples, profile).value;
  const rtss = running
    ? computeRtss(
        { samples, distanceM: run.distanceM, movingS: run.movingS },
        profile.thresholdPaceSPerKm,
      ).value
    : null;
  const intensity =
    running && run.intervals !== null && samples.length > 0
      ? computeActivityIntensity(samples, { ...run, intervals: run.intervals }, profile)
      : null;
  return { trimp, rtss, intensity };
}

export type ActivityLoads = ReturnType<typeof activityLoadsOf>;

/** The samples as the engine reads them back from the samples table (real columns are 4-byte floats). */
function storedSamplesOf(activity: Activity): Sample[] {
  const c = columnsOf(activity);
  const out = new Array<Sample>(c.length);
  const real = (v: number) => (Number.isNaN(v) ? undefined : Math.fround(v));
  for (let i = 0; i < c.length; i++) {
    const s: Sample = { t: Math.trunc(c.t[i] as number) };
    const hr = real(c.hrBpm[i] as number);
    const speed = real(c.speedMps[i] as number);
    const ele = real(c.eleM[i] as number);
    const dist = c.distanceM[i] as number;
    if (hr !== undefined) s.hrBpm = hr;
    if (speed !== undefined) s.speedMps = speed;
    if (ele !== undefined) s.eleM = ele;
    if (!Number.isNaN(dist)) s.distanceM = dist;
    out[i] = s;
  }
  return out;
}

/**
 * The loads of an activity just parsed, from its samples as they will be stored: the same numbers
 * a recompute gets from the rows.
 */
export function loadsAtIngestOf(activity: Activity, profile: AthleteProfile): ActivityLoads {
  return activityLoadsOf(
    storedSamplesOf(activity),
    {
      sport: activity.sport,
      distanceM: activity.summary.distanceM,
      movingS: activity.summary.movingS,
      intervals: activity.intervals,
    },
    profile,
  );
}
