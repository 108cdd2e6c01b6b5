// `hipcheck import --email E FILE…`: bulk-import activity files (and Strava export ZIPs) for one
// runner. Files go through the same outbox and processors as uploads; the jobs run in this process
// (so no separate worker is needed), and a progress line shows how far it is.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Config } from '#services/config';
import { findAthleteByUserId } from '#services/db/athletes.repository';
import { findUserByEmail } from '#services/db/users.repository';
import type { Pool } from '#services/db/database';
import { listUploadsByIds } from '#services/db/uploads.repository';
import { storeUploads } from '#services/ingest/store-uploads';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { Processors } from '#services/queue/jobs';
import { openDatabase } from '../runtime.ts';
import { createProcessors } from '#workers/processors';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const USAGE = 'usage: hipcheck import --email EMAIL FILE…';

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
    ready.processors = createProcessors({ pool: db.pool, queue, now: () => new Date() });

    const received = [];
    for (const f of files) received.push({ filename: basename(f), content: await readFile(f) });
    const stored = await storeUploads({ pool: db.pool, queue }, athlete.id, received);
    const ids = stored
      .flatMap((s) => (s.upload ? [s.upload] : (s.batch?.uploads ?? [])))
      .map((u) => u.id);

    const progress = setInterval(() => {
      void countStatuses(db.pool, ids).then((c) => {
        const line = `imported ${c.done + c.duplicate + c.failed} of ${ids.length} (${c.duplicate} duplicate, ${c.failed} failed)`;
        if (io.stderr.isTTY) io.stderr.write(`\r${line}`);
      });
    }, 500);
    await queue.idle();
    clearInterval(progress);
    if (io.stderr.isTTY) io.stderr.write('\n');
    await queue.close();

    const results = await listUploadsByIds(db.pool, ids);
    for (const u of results) {
      const detail = u.status === 'failed' ? ` — ${u.error?.message ?? 'unknown error'}` : '';
      io.stdout.write(`${u.status.padEnd(9)} ${u.filename}${detail}\n`);
    }
    const c = await countStatuses(db.pool, ids);
    io.stdout.write(`${c.done} imported, ${c.duplicate} duplicate, ${c.failed} failed\n`);
    return c.failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

async function countStatuses(pool: Pool, ids: string[]) {
  const counts = { queued: 0, processing: 0, done: 0, duplicate: 0, failed: 0 };
  for (const u of await listUploadsByIds(pool, ids)) counts[u.status] += 1;
  return counts;
}
