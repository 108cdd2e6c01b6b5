// An export ZIP waiting in the spool → its import batch. The kind comes from what the ZIP holds.
// A Strava, Garmin or plain ZIP gives its activity files: each becomes an upload of the batch with
// its bytes (and what activities.csv says of it), parsed by its own ingest job, so the files of one
// export spread over every worker. An Apple Health export gives workouts built from export.xml
// (streamed, never whole): each is stored here with its upload's result, and the daily resting
// heart rate and HRV are stored as wellness days. Items are numbered in the export's order, so an
// export read again after a crash adds only what it had not added. The ZIP's caps (entries, bytes
// expanded, expansion ratio) are checked on what it really holds, whatever its size on disk.
import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import type { Activity } from '#shared/activity/activity';
import type { ExportFileEntry } from '#shared/activity/export-file-entry';
import { activityTimeRange, type TimeRange } from '#shared/activity/plausible-time';
import { openExport, type ExportItem } from '#shared/activity/read-export';
import { shortened } from '#shared/activity/strava-export';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '#shared/activity/zip/zip-limits';
import { BadInputError } from '#shared/errors';
import { withTransaction } from '#services/db/database';
import { findAthleteById, type Athlete } from '#services/db/athletes.repository';
import { findEarliestDayOfBatch } from '#services/db/activities.repository';
import {
  findBatchIdOfUpload,
  insertImportBatch,
  listBatchEntryIndexes,
  recordImportBatchReading,
} from '#services/db/import-batches.repository';
import { requestRecompute } from '#services/db/recompute.repository';
import {
  finishUpload,
  insertUpload,
  type StoredUpload,
  type Upload,
} from '#services/db/uploads.repository';
import { upsertWellnessDays } from '#services/db/wellness.repository';
import { enqueueRecompute } from '#services/engine/request-recompute';
import type { IngestContext } from './ingest-file-upload.ts';
import { enqueueIngest } from './store-uploads.ts';
import { storeActivity } from './store-activity.ts';
import { zipSourceOfFile } from './zip-source-of-file.ts';

/** Caps of an export's contents (README, "Activity files"). */
export const EXPORT_LIMITS: ZipLimits = DEFAULT_ZIP_LIMITS;

/** Longest stored name of a file inside an export (the end is kept: it names the file). */
const MAX_ENTRY_NAME = 255;

/** Files added (and their jobs enqueued) per transaction, or fewer once this many bytes are held. */
const GROUP_FILES = 50;
const GROUP_BYTES = 32 * 1024 * 1024;

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

const entryName = (name: string) =>
  name.length <= MAX_ENTRY_NAME ? name : `…${name.slice(name.length - MAX_ENTRY_NAME + 1)}`;

interface ExportRun {
  ctx: IngestContext;
  upload: StoredUpload;
  athlete: Athlete;
  batchId: string;
  range: TimeRange;
  done: Set<number>;
}

export async function ingestExportUpload(ctx: IngestContext, upload: StoredUpload): Promise<void> {
  const athlete = await findAthleteById(ctx.pool, upload.athleteId);
  if (!athlete) return;
  const batchId =
    (await findBatchIdOfUpload(ctx.pool, upload.id)) ??
    (await insertImportBatch(ctx.pool, {
      athleteId: athlete.id,
      filename: upload.filename,
      uploadId: upload.id,
    }));
  if (upload.spoolName === null) {
    await finishUpload(ctx.pool, upload.id, {
      status: 'failed',
      error: { code: 'missing_file', message: `${upload.filename}: the export's bytes are gone` },
    });
    return;
  }
  const path = ctx.spool.path(upload.spoolName);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new Error(
      `the uploaded export is not in the spool directory ${ctx.spool.dir}: the API and the workers must share DATA_DIR`,
      { cause: err },
    );
  }
  const run: ExportRun = {
    ctx,
    upload,
    athlete,
    batchId,
    range: activityTimeRange(ctx.now().getTime(), athlete.timezone),
    done: await listBatchEntryIndexes(ctx.pool, batchId),
  };
  try {
    await readInto(run, fd);
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    // The ZIP itself is refused (a cap, damage): what was read before stays, with its results.
    await finishUpload(ctx.pool, upload.id, {
      status: 'failed',
      error: { code: err.reason, message: `${upload.filename}: ${err.message}` },
      dropSpool: true,
    });
    await ctx.spool.remove(upload.spoolName);
    return;
  } finally {
    closeSync(fd);
  }
  await finishUpload(ctx.pool, upload.id, { status: 'done', dropSpool: true });
  await ctx.spool.remove(upload.spoolName);
}

async function readInto(run: ExportRun, fd: number): Promise<void> {
  const opened = openExport(zipSourceOfFile(fd), {
    limits: EXPORT_LIMITS,
    parse: { timeRange: run.range },
  });
  const wellness = opened.kind === 'apple_health' ? opened.wellness : [];
  await withTransaction(run.ctx.pool, async (client) => {
    await recordImportBatchReading(client, run.batchId, {
      kind: opened.kind,
      warnings: opened.warnings,
      wellnessDays: wellness.length,
    });
    await upsertWellnessDays(
      client,
      run.athlete.id,
      'apple_health',
      wellness.map((d) => ({
        day: d.date,
        restingHrBpm: plausible(d.restingHrBpm, 20, 250),
        hrvSdnnMs: plausible(d.hrvSdnnMs, 1, 1000),
      })),
    );
  });
  if (opened.kind === 'apple_health') await storeWorkouts(run, opened.items());
  else await addFiles(run, opened.files());
}

const plausible = (v: number | undefined, min: number, max: number) =>
  v !== undefined && v >= min && v <= max ? v : undefined;

/** Each activity file becomes an upload of the batch, parsed by its own job. */
async function addFiles(run: ExportRun, files: Iterable<ExportFileEntry>): Promise<void> {
  let group: Array<{ index: number; entry: ExportFileEntry }> = [];
  let groupBytes = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const pending = group;
    group = [];
    groupBytes = 0;
    const added = await withTransaction(run.ctx.pool, async (client) => {
      const out: Upload[] = [];
      for (const { index, entry } of pending) {
        const content = entry.bytes === undefined ? Buffer.alloc(0) : Buffer.from(entry.bytes);
        const u = await insertUpload(client, {
          athleteId: run.athlete.id,
          filename: entryName(entry.filename),
          content,
          sha256: sha256(content),
          batchId: run.batchId,
          entryIndex: index,
          sportHint: entry.sport ?? null,
          nameHint: entry.name ?? null,
          ...(entry.bytes === undefined || entry.problem !== undefined
            ? {
                failed: {
                  code: entry.problem?.reason ?? 'missing_file',
                  message: shortened(entry.problem?.message ?? `${entry.filename}: missing`, 500),
                },
              }
            : {}),
        });
        if (u) out.push(u);
      }
      return out;
    });
    await enqueueIngest(run.ctx.queue, added);
  };
  let index = 0;
  for (const entry of files) {
    const i = index++;
    if (run.done.has(i)) continue;
    group.push({ index: i, entry });
    groupBytes += entry.bytes?.length ?? 0;
    if (group.length >= GROUP_FILES || groupBytes >= GROUP_BYTES) await flush();
  }
  await flush();
}

/** Each Apple Health workout is stored here, with its upload's result, one transaction each. */
async function storeWorkouts(run: ExportRun, items: Iterable<ExportItem>): Promise<void> {
  let index = 0;
  for (const item of items) {
    const i = index++;
    if (run.done.has(i)) continue;
    await withTransaction(run.ctx.pool, async (client) => {
      const base = {
        athleteId: run.athlete.id,
        filename: entryName(item.entry),
        kind: 'item' as const,
        sha256: sha256(item.entry),
        batchId: run.batchId,
        entryIndex: i,
      };
      if (!item.result.ok) {
        await insertUpload(client, {
          ...base,
          failed: { code: item.result.reason, message: item.result.message },
        });
        return;
      }
      const row = await insertUpload(client, base);
      if (!row) return;
      const ids: string[] = [];
      let stored = 0;
      for (const activity of item.result.activities) {
        const outcome = await storeActivity(client, {
          athlete: run.athlete,
          source: 'file',
          sourceId: workoutSourceId(activity),
          uploadId: row.id,
          activity,
          recompute: false,
          now: run.ctx.now(),
        });
        if (outcome.status === 'stored') stored++;
        if (outcome.activityId !== undefined) ids.push(outcome.activityId);
      }
      await finishUpload(client, row.id, {
        status: stored > 0 ? 'done' : 'duplicate',
        activityIds: ids,
      });
    });
  }
  // One recompute for the whole export, from its earliest day (as a Strava backfill does).
  const from = await findEarliestDayOfBatch(run.ctx.pool, run.batchId);
  if (from === undefined) return;
  const version = await requestRecompute(run.ctx.pool, run.athlete.id, from);
  await enqueueRecompute(run.ctx.queue, run.athlete.id, version);
}

/** A workout has no file of its own: its sport and times name it (the same export twice is one). */
const workoutSourceId = (a: Activity) =>
  sha256(
    `apple_health|${a.sport}|${a.startAt.toISOString()}|${a.summary.elapsedS}|${a.summary.distanceM}`,
  ).toString('hex');
