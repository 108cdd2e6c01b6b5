// An activity's loads (TRIMP, and rTSS and intensity for a run) computed as it is stored, from the samples in
// hand, with the athlete's profile of the moment and marked with that profile's key: a recompute
// then finds them current and never reads the samples back. Only a later change of HRmax, HRrest,
// sex or threshold pace makes the engine recompute them from the stored samples.
import type { Activity, Sample } from '#shared/activity/activity';
import { columnsOf } from '#shared/activity/sample-columns';
import type { Client } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { updateActivityLoads } from '#services/db/engine-inputs.repository';
import { activityLoadsOf, loadsProfileKey, profileOf } from '#services/engine/engine-input';

/** What the engine reads back from the samples table (real columns are 4-byte floats there). */
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

export async function storeLoadsAtIngest(
  client: Client,
  athleteId: string,
  activityId: string,
  activity: Activity,
): Promise<void> {
  const athlete = await findAthleteById(client, athleteId);
  if (!athlete) return;
  const profile = profileOf(athlete);
  const samples = storedSamplesOf(activity);
  const loads = activityLoadsOf(
    samples,
    {
      sport: activity.sport,
      distanceM: activity.summary.distanceM,
      movingS: activity.summary.movingS,
      intervals: activity.intervals,
    },
    profile,
  );
  await updateActivityLoads(client, activityId, { ...loads, profile: loadsProfileKey(athlete) });
}
