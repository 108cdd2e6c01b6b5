// `hipcheck import --email E FILE|DIRECTORY…`: bulk-import activity files and export ZIPs (Strava,
// Apple Health, Garmin, plain ZIPs of activity files) for one runner. Files are copied into the
// spool as streams, a few at a time, and go through the same outbox and processors as uploads; the
// jobs run in this process (so no separate worker is needed), with files parsed on worker threads
// while this thread stores them, and a line is printed for each file as it finishes. The runner's
// metrics are recomputed once, after the last file.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import type { Config } from '#services/config';
import { findAthleteByUserId } from '#services/db/athletes.repository';
import { findUserByEmail } from '#services/db/users.repository';
import type { Pool } from '#services/db/database';
import {
  listUploadsByIds,
  listUploadsOfBatches,
  type Upload,
} from '#services/db/uploads.repository';
import { createParsePool } from '#services/ingest/parse-in-worker';
import { createSpool, type Spool } from '#services/ingest/spool';
import {
  spoolUpload,
  storeSpooledUploads,
  type SpooledUpload,
} from '#services/ingest/store-uploads';
import { fileWarningsByUpload } from '#services/ingest/upload-warnings';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { JobQueue, Processors } from '#services/queue/jobs';
import { openDatabase } from '../runtime.ts';
import { createProcessors } from '#workers/processors';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Files spooled and stored per transaction. */
const SPOOL_BATCH = 20;

const USAGE = 'usage: hipcheck import --email EMAIL FILE|DIRECTORY…';

const isFinished = (u: Upload) =>
  u.status === 'done' || u.status === 'duplicate' || u.status === 'failed';

export async function importCommand(args: string[], io: Io, config: Config): Promise<number> {
  const files: string[] = [];
  let email: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--email') email = args[++i];
    else if (a.startsWith('--email=')) email = a.slice('--email='.length);
    else files.push(a);
  }
  if (!email || files.length === 0) {
    io.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const log = (m: string) => io.stderr.write(`${m}\n`);
  const db = await openDatabase(config, log);
  const closers: Array<() => Promise<void>> = [];
  try {
    const user = await findUserByEmail(db.pool, email);
    const athlete = user ? await findAthleteByUserId(db.pool, user.id) : undefined;
    if (!athlete) {
      io.stderr.write(`no runner account with the email ${email}: sign up first\n`);
      return 1;
    }
    // Files parsed on every core while this thread writes to the database: a parse on each
    // thread, and one job more storing what was parsed.
    const threads = Math.max(1, availableParallelism());
    const parsePool = createParsePool(threads);
    closers.push(() => parsePool.close());
    const ready: { processors?: Processors } = {};
    const queue = createInProcessQueue(() => ready.processors as Processors, log, {
      concurrency: threads + 1,
    });
    // Recomputes wait until every file is stored: one recompute of the history at the end instead
    // of one per stretch of files (each request is in the database already; only the job waits).
    const deferred = new Map<string, () => Promise<void>>();
    let storing = true;
    const jobs: JobQueue = {
      close: () => queue.close(),
      enqueue(name, data, jobId) {
        if (name === 'recompute' && storing) {
          deferred.set(JSON.stringify(data), () => queue.enqueue(name, data, jobId));
          return Promise.resolve();
        }
        return queue.enqueue(name, data, jobId);
      },
    };
    ready.processors = createProcessors({
      pool: db.pool,
      queue: jobs,
      now: () => new Date(),
      uploadsDir: config.uploadsDir,
      parse: parsePool.parse,
    });
    const spool = createSpool(config.uploadsDir);

    // Files are spooled and stored a few at a time, so that parsing starts with the first ones.
    const uploads: Upload[] = [];
    const batchNames = new Map<string, string>();
    const printer = createPrinter(db.pool, io, athlete.timezone, batchNames);
    const finished = new Set<string>();
    const poll = async () => {
      const open = uploads.filter((u) => !finished.has(u.id)).map((u) => u.id);
      const listed = open.length === 0 ? [] : await listUploadsByIds(db.pool, open);
      for (const u of listed) if (isFinished(u)) finished.add(u.id);
      const items =
        batchNames.size === 0 ? [] : await listUploadsOfBatches(db.pool, [...batchNames.keys()]);
      // An export is printed through its files; only its own failure (a refused ZIP) is a line.
      await printer.print([
        ...listed.filter((u) => u.kind !== 'export' || u.status === 'failed'),
        ...items,
      ]);
    };
    let polling = Promise.resolve();
    const timer = setInterval(() => {
      polling = polling.then(poll);
    }, 250);
    let unreadable = 0;
    const paths = await expandDirectories(files);
    for (let from = 0; from < paths.length; from += SPOOL_BATCH) {
      const spooled = await spoolFiles(spool, paths.slice(from, from + SPOOL_BATCH));
      for (const line of spooled.unreadable) io.stdout.write(`${line}\n`);
      unreadable += spooled.unreadable.length;
      if (spooled.received.length === 0) continue;
      const stored = await storeSpooledUploads(
        { pool: db.pool, queue: jobs, spool },
        athlete.id,
        spooled.received,
      );
      uploads.push(...stored.uploads);
      for (const b of stored.batches) batchNames.set(b.id, b.filename);
    }
    await queue.idle();
    storing = false;
    // Every file is parsed: the threads' memory goes before the history is computed.
    await parsePool.close();
    for (const enqueue of deferred.values()) await enqueue();
    await queue.idle();
    clearInterval(timer);
    await polling;
    await poll();
    await queue.close();

    const c = printer.counts;
    c.failed += unreadable;
    io.stdout.write(`${c.done} imported, ${c.duplicate} duplicate, ${c.failed} failed\n`);
    return c.failed > 0 ? 1 : 0;
  } finally {
    for (const close of closers) await close();
    await db.close();
  }
}

/**
 * A directory stands for the files directly in it, by name (hidden ones left out); anything else
 * is kept as given.
 */
export async function expandDirectories(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) {
      const entry = join(path, name);
      // Symbolic links followed: a link to a file is that file.
      if ((await stat(entry).catch(() => undefined))?.isFile()) out.push(entry);
    }
  }
  return out;
}

/** Each file copied into the spool as a stream (never whole in memory), or why it could not be. */
async function spoolFiles(
  spool: Spool,
  paths: string[],
): Promise<{ received: SpooledUpload[]; unreadable: string[] }> {
  const received: SpooledUpload[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    try {
      received.push(await spoolUpload(spool, basename(path), createReadStream(path)));
    } catch (err) {
      unreadable.push(`${'failed'.padEnd(9)} ${basename(path)} — ${(err as Error).message}`);
    }
  }
  return { received, unreadable };
}

/** Prints a line for each upload the first time it is seen finished, and counts them. */
function createPrinter(
  pool: Pool,
  io: Io,
  timeZone: string,
  batchNames: ReadonlyMap<string, string>,
) {
  const printed = new Set<string>();
  const counts = { done: 0, duplicate: 0, failed: 0 };
  return {
    counts,
    async print(uploads: Upload[]): Promise<void> {
      const fresh = uploads.filter((u) => isFinished(u) && !printed.has(u.id));
      if (fresh.length === 0) return;
      const warnings = await fileWarningsByUpload(
        pool,
        fresh.map((u) => u.id),
        timeZone,
      );
      for (const u of fresh) {
        printed.add(u.id);
        if (u.status === 'queued' || u.status === 'processing') continue;
        counts[u.status] += 1;
        const batch = u.batchId === null ? undefined : batchNames.get(u.batchId);
        const name = batch === undefined ? u.filename : `${batch} › ${u.filename}`;
        const several = u.activityIds.length > 1 ? ` (${u.activityIds.length} activities)` : '';
        const details = [
          ...(u.status === 'failed' ? [u.error?.message ?? 'unknown error'] : []),
          ...(warnings.get(u.id) ?? []).map((w) => `warning: ${w.message}`),
        ];
        const detail = details.length > 0 ? ` — ${details.join('; ')}` : '';
        io.stdout.write(`${u.status.padEnd(9)} ${name}${several}${detail}\n`);
      }
    },
  };
}
