// One parsed activity into the athlete's history, the same way for a file and for Strava: the same
// session recorded twice (a watch's file and its Strava copy, usually) is kept once — the copy
// stored first — and a new activity asks for its day to be recomputed. It runs inside the caller's
// transaction, beside the caller's outbox row (an upload, a backfill item, a webhook event), so
// the activity and the row's status are written together or not at all. An activity dated before
// 1990 or after tomorrow in the athlete's time zone is refused here whatever its source.
import type { Activity } from '#shared/activity/activity';
import { activityTimeRange, checkActivityTimes } from '#shared/activity/plausible-time';
import { localDateOf } from '#shared/local-date';
import type { Client } from '#services/db/database';
import {
  findActivityIdBySource,
  findActivityIdNear,
  insertActivity,
} from '#services/db/activities.repository';
import { requestRecompute } from '#services/db/recompute.repository';
import { storeLoadsAtIngest, type PrecomputedLoads } from './loads-at-ingest.ts';

/** Two activities of one athlete starting within this many seconds are the same session. */
export const SAME_SESSION_S = 60;

export interface NewActivity {
  athlete: { id: string; timezone: string };
  source: 'file' | 'strava';
  /** The file's sha256 (hex) or Strava's activity id: unique per athlete and source. */
  sourceId: string;
  uploadId: string | null;
  activity: Activity;
  /** Ask for a recompute from the activity's day (a backfill asks once, at its end, instead). */
  recompute: boolean;
  /** "Now", for the latest time an activity may have (default: the clock). */
  now?: Date;
  /** Its loads, when the parse computed them already (loads-at-ingest.ts). */
  loads?: PrecomputedLoads;
}

export type StoreActivityOutcome =
  /** Inserted; `version` names the recompute job to enqueue, when a recompute was asked for. */
  | { status: 'stored'; activityId: string; localDate: string; version: number | undefined }
  /** Not inserted: the same session is stored already, or the same source id committed first. */
  | { status: 'duplicate'; reason: 'same_session' | 'same_source'; activityId: string | undefined };

export async function storeActivity(
  client: Client,
  input: NewActivity,
): Promise<StoreActivityOutcome> {
  const { athlete, activity } = input;
  // Throws BadInputError 'implausible_time', naming the start or the end.
  checkActivityTimes(
    activity,
    activityTimeRange((input.now ?? new Date()).getTime(), athlete.timezone),
  );
  // The other sessions of the same multisport file are not "the same session".
  const sameSession = await findActivityIdNear(
    client,
    athlete.id,
    activity.startAt,
    SAME_SESSION_S,
    input.uploadId,
  );
  if (sameSession) return { status: 'duplicate', reason: 'same_session', activityId: sameSession };
  const localDate = localDateOf(activity.startAt, athlete.timezone);
  const activityId = await insertActivity(client, {
    athleteId: athlete.id,
    source: input.source,
    sourceId: input.sourceId,
    uploadId: input.uploadId,
    localDate,
    activity,
  });
  if (!activityId) {
    const winner = await findActivityIdBySource(client, athlete.id, input.source, input.sourceId);
    return { status: 'duplicate', reason: 'same_source', activityId: winner };
  }
  await storeLoadsAtIngest(client, athlete.id, activityId, activity, input.loads);
  const version = input.recompute
    ? await requestRecompute(client, athlete.id, localDate)
    : undefined;
  return { status: 'stored', activityId, localDate, version };
}
