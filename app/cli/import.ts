// `hipcheck import --email E FILE…`: bulk-import activity files and export ZIPs (Strava, Apple
// Health, Garmin, plain ZIPs of activity files) for one runner. Files are copied into the spool as
// streams and go through the same outbox and processors as uploads; the jobs run in this process
// (so no separate worker is needed), and a line is printed for each file as it finishes.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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
import { createSpool, type Spool } from '#services/ingest/spool';
import {
  spoolUpload,
  storeSpooledUploads,
  type SpooledUpload,
} from '#services/ingest/store-uploads';
import { fileWarningsByUpload } from '#services/ingest/upload-warnings';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { Processors } from '#services/queue/jobs';
import { openDatabase } from '../runtime.ts';
import { createProcessors } from '#workers/processors';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

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
  try {
    const user = await findUserByEmail(db.pool, email);
    const athlete = user ? await findAthleteByUserId(db.pool, user.id) : undefined;
    if (!athlete) {
      io.stderr.write(`no runner account with the email ${email}: sign up first\n`);
      return 1;
    }
    const ready: { processors?: Processors } = {};
    const queue = createInProcessQueue(() => ready.processors as Processors, log);
    ready.processors = createProcessors({
      pool: db.pool,
      queue,
      now: () => new Date(),
      uploadsDir: config.uploadsDir,
    });
    const spool = createSpool(config.uploadsDir);

    const { received, unreadable } = await spoolFiles(spool, await expandDirectories(files));
    for (const line of unreadable) io.stdout.write(`${line}\n`);
    const stored = await storeSpooledUploads({ pool: db.pool, queue, spool }, athlete.id, received);
    const batchNames = new Map(stored.batches.map((b) => [b.id, b.filename]));
    const printer = createPrinter(db.pool, io, athlete.timezone, batchNames);
    const poll = async () => {
      const uploads = await listUploadsByIds(
        db.pool,
        stored.uploads.map((u) => u.id),
      );
      const items = await listUploadsOfBatches(db.pool, [...batchNames.keys()]);
      // An export is printed through its files; only its own failure (a refused ZIP) is a line.
      await printer.print([
        ...uploads.filter((u) => u.kind !== 'export' || u.status === 'failed'),
        ...items,
      ]);
      const unfinishedExports = uploads.some((u) => u.kind === 'export' && !isFinished(u));
      return unfinishedExports || items.some((u) => !isFinished(u));
    };
    let polling = Promise.resolve(true);
    const timer = setInterval(() => {
      polling = polling.then(poll);
    }, 250);
    await queue.idle();
    clearInterval(timer);
    await polling;
    await poll();
    await queue.close();

    const c = printer.counts;
    c.failed += unreadable.length;
    io.stdout.write(`${c.done} imported, ${c.duplicate} duplicate, ${c.failed} failed\n`);
    return c.failed > 0 ? 1 : 0;
  } finally {
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
    const entries = await readdir(path, { withFileTypes: true });
    for (const e of entries
      .filter((x) => x.isFile() && !x.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      out.push(join(path, e.name));
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
