// An activity's loads (TRIMP, and rTSS and intensity for a run) computed as it is stored, from the samples in
// hand, with the athlete's profile of the moment and marked with that profile's key: a recompute
// then finds them current and never reads the samples back. Only a later change of HRmax, HRrest,
// sex or threshold pace makes the engine recompute them from the stored samples.
import type { Activity } from '#shared/activity/activity';
import type { Client } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { updateActivityLoads } from '#services/db/engine-inputs.repository';
import {
  loadsAtIngestOf,
  loadsProfileKey,
  profileOf,
  type ActivityLoads,
} from '#services/engine/activity-loads';

/**
 * Loads computed where the file was parsed (a bulk import's parsing thread), for the profile named
 * by `key` and the sport the parser read; used when both still hold as the activity is stored.
 */
export interface PrecomputedLoads {
  key: string;
  sport: string;
  loads: ActivityLoads;
}

export async function storeLoadsAtIngest(
  client: Client,
  athleteId: string,
  activityId: string,
  activity: Activity,
  precomputed?: PrecomputedLoads,
): Promise<void> {
  const athlete = await findAthleteById(client, athleteId);
  if (!athlete) return;
  const key = loadsProfileKey(athlete);
  // A Strava export's activities.csv may have changed the sport since the parse.
  const loads =
    precomputed !== undefined && precomputed.key === key && precomputed.sport === activity.sport
      ? precomputed.loads
      : loadsAtIngestOf(activity, profileOf(athlete));
  await updateActivityLoads(client, activityId, { ...loads, profile: key });
}
