// One activity file (uploaded, or out of an export) → its activities, in one transaction with the
// upload's status and the recompute request, so a crash at any point leaves nothing half-written
// and the job can simply run again. A multisport file gives one activity per session (the run a
// run, the other legs cross-training of their sport and minutes). A file still in the spool has its
// bytes moved into the row as it finishes; the spool file is deleted after the commit.
import type { Activity } from '#shared/activity/activity';
import { addFileWarning } from '#shared/activity/build-activity';
import { activityTimeRange } from '#shared/activity/plausible-time';
import { sportOfName } from '#shared/activity/sport';
import { BadInputError } from '#shared/errors';
import type { Client, Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { findActivityIdBySource } from '#services/db/activities.repository';
import { finishUpload, type StoredUpload } from '#services/db/uploads.repository';
import { loadsProfileKey, profileOf } from '#services/engine/activity-loads';
import { enqueueRecompute } from '#services/engine/request-recompute';
import type { JobQueue } from '#services/queue/jobs';
import type { PrecomputedLoads } from './loads-at-ingest.ts';
import { parseOnThisThread, type ParseFile } from './parse-in-worker.ts';
import type { Spool } from './spool.ts';
import { storeActivity } from './store-activity.ts';

export interface IngestContext {
  pool: Pool;
  queue: JobQueue;
  spool: Spool;
  now: () => Date;
  /** How a file is parsed: on this thread unless given (a bulk import uses a pool of threads). */
  parse?: ParseFile;
  /** Test hook: runs inside the transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
}

/** Source id of the n-th activity (from 0) of a file: the file's sha256, then "#2", "#3", … */
export const sourceIdOf = (sha256Hex: string, n: number) =>
  n === 0 ? sha256Hex : `${sha256Hex}#${n + 1}`;

/** The bytes of an upload: in the spool until processed, in the row after. */
export async function uploadBytes(spool: Spool, upload: StoredUpload): Promise<Buffer> {
  if (upload.spoolName === null) return upload.content;
  try {
    return await spool.read(upload.spoolName);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // Retried, then failed with this message: the API and the workers must share DATA_DIR.
    throw new Error(
      `the uploaded file is not in the spool directory ${spool.dir}: the API and the workers must share DATA_DIR`,
      { cause: err },
    );
  }
}

/** A Strava export's activities.csv knows the sport and name of a one-activity file better. */
function applyHints(activities: Activity[], upload: StoredUpload): void {
  const only = activities.length === 1 ? activities[0] : undefined;
  if (only === undefined) return;
  const hint = upload.sportHint === null ? undefined : sportOfName(upload.sportHint);
  if (hint !== undefined) only.sport = hint;
  if (upload.nameHint !== null) only.name = upload.nameHint;
}

export async function ingestFileUpload(
  ctx: IngestContext,
  upload: StoredUpload,
  /** Locks the upload again inside the transaction; undefined when it is finished already. */
  lock: (client: Client) => Promise<StoredUpload | undefined>,
): Promise<void> {
  const bytes = await uploadBytes(ctx.spool, upload);
  const moved = upload.spoolName === null ? {} : { content: bytes };
  const next = await withTransaction(ctx.pool, async (client) => {
    const locked = await lock(client);
    if (!locked) return undefined; // finished by another run meanwhile
    const athlete = await findAthleteById(client, locked.athleteId);
    if (!athlete) return undefined;
    const sha = locked.sha256.toString('hex');
    const sameFile = await findActivityIdBySource(client, athlete.id, 'file', sha);
    if (sameFile) {
      await finishUpload(client, locked.id, {
        status: 'duplicate',
        activityIds: [sameFile],
        ...moved,
      });
      return undefined;
    }
    const now = ctx.now();
    let activities: Activity[];
    let loads: PrecomputedLoads[] | undefined;
    try {
      const parse = ctx.parse ?? parseOnThisThread;
      const parsed = await parse(
        locked.filename,
        bytes,
        { timeRange: activityTimeRange(now.getTime(), athlete.timezone) },
        { profile: profileOf(athlete), key: loadsProfileKey(athlete) },
      );
      ({ activities, loads } = parsed);
      applyHints(activities, locked);
      // What the parser says of the file as a whole (transitions left out, records outside every
      // session) goes with its first activity: the upload's result and that page say it once.
      const first = activities[0];
      if (first !== undefined) for (const w of parsed.warnings) addFileWarning(first, w);
    } catch (err) {
      if (!(err instanceof BadInputError)) throw err;
      await finishUpload(client, locked.id, {
        status: 'failed',
        error: { code: err.reason, message: err.message },
        ...moved,
      });
      return undefined;
    }
    // Each session: stored, or the same session from Strava or another file (or the same bytes
    // committed first by another upload): a duplicate of that activity.
    const ids: string[] = [];
    let stored = 0;
    let version: number | undefined;
    for (const [n, activity] of activities.entries()) {
      const outcome = await storeActivity(client, {
        athlete,
        source: 'file',
        sourceId: sourceIdOf(sha, n),
        uploadId: locked.id,
        activity,
        recompute: true,
        now,
        ...(loads?.[n] ? { loads: loads[n] } : {}),
      });
      if (outcome.status === 'stored') {
        stored++;
        ids.push(outcome.activityId);
        if (outcome.version !== undefined) version = Math.max(version ?? 0, outcome.version);
      } else if (outcome.activityId !== undefined) {
        ids.push(outcome.activityId);
      }
    }
    await finishUpload(client, locked.id, {
      status: stored > 0 ? 'done' : 'duplicate',
      activityIds: ids,
      ...moved,
    });
    await ctx.beforeCommit?.();
    return { athleteId: athlete.id, version };
  });
  if (upload.spoolName !== null) await ctx.spool.remove(upload.spoolName);
  if (next?.version !== undefined) await enqueueRecompute(ctx.queue, next.athleteId, next.version);
}
