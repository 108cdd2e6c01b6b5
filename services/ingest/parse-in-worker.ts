// Activity files parsed off the main thread: a pool of worker threads (services/ingest/parse-worker.ts)
// each parsing one file at a time with the same parseActivities() as everywhere else, so that a
// bulk import keeps every core busy while the main thread writes to PostgreSQL. A parsed
// activity's samples cross back as their typed-array columns, moved (not copied) between threads,
// and are attached again as on the main thread; a BadInputError crosses as its reason and message.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Activity } from '#shared/activity/activity';
import {
  parseActivities,
  type ParseActivityOptions,
  type ParsedActivities,
} from '#shared/activity/parse-activity-file';
import { attachColumns, SAMPLE_FIELDS, SampleColumns } from '#shared/activity/sample-columns';
import type { AthleteProfile } from '#shared/engine/index';
import { BadInputError } from '#shared/errors';
import { loadsAtIngestOf } from '#services/engine/activity-loads';
import type { PrecomputedLoads } from './loads-at-ingest.ts';

/** Loads to compute beside the parse (loads-at-ingest.ts): the athlete's profile and its key. */
export interface LoadsRequest {
  profile: AthleteProfile;
  key: string;
}

/** Parsed activities, and their loads (in the same order) when they were asked for and computed. */
export interface ParsedFile extends ParsedActivities {
  loads?: PrecomputedLoads[];
}

export type ParseFile = (
  filename: string,
  bytes: Uint8Array,
  options: ParseActivityOptions,
  loadsFor?: LoadsRequest,
) => Promise<ParsedFile>;

/**
 * On the calling thread (what the API's workers do). Loads are left to the store, which computes
 * them on this same thread anyway.
 */
export const parseOnThisThread: ParseFile = async (filename, bytes, options) =>
  parseActivities(filename, bytes, options);

/**
 * The loads of each parsed activity, or none when computing them fails: the store then computes
 * them again and meets the same failure where it always did.
 */
export function loadsOfParsed(
  activities: readonly Activity[],
  loadsFor: LoadsRequest,
): PrecomputedLoads[] | undefined {
  try {
    return activities.map((a) => ({
      key: loadsFor.key,
      sport: a.sport,
      loads: loadsAtIngestOf(a, loadsFor.profile),
    }));
  } catch {
    return undefined;
  }
}

/** What crosses between the threads for one activity: its fields, and its columns apart. */
export interface WireActivity {
  activity: Omit<Activity, 'samples' | 'columns'> & { samples?: Activity['samples'] };
  columns?: { length: number } & Record<(typeof SAMPLE_FIELDS)[number], Float64Array>;
}

export type WireResult =
  | {
      id: number;
      ok: true;
      format: ParsedActivities['format'];
      warnings: ParsedActivities['warnings'];
      activities: WireActivity[];
      loads?: PrecomputedLoads[];
    }
  | { id: number; ok: false; bad?: { reason: string; message: string }; message: string };

/** An activity as it crosses (worker side), with the buffers to move rather than copy. */
export function toWire(activity: Activity): { wire: WireActivity; transfer: ArrayBuffer[] } {
  const { columns } = activity;
  if (columns === undefined) return { wire: { activity: { ...activity } }, transfer: [] };
  // Spread copies only enumerable fields; `samples` is a getter that would build every object.
  const fields = Object.fromEntries(
    Object.keys(activity)
      .filter((k) => k !== 'samples')
      .map((k) => [k, activity[k as keyof Activity]]),
  ) as WireActivity['activity'];
  const wireColumns = { length: columns.length } as NonNullable<WireActivity['columns']>;
  const transfer = new Set<ArrayBuffer>();
  for (const f of SAMPLE_FIELDS) {
    wireColumns[f] = columns[f];
    transfer.add(columns[f].buffer as ArrayBuffer);
  }
  return { wire: { activity: fields, columns: wireColumns }, transfer: [...transfer] };
}

/** The activity again (main-thread side), its samples made from the columns only when read. */
export function fromWire(wire: WireActivity): Activity {
  const activity = { ...wire.activity, samples: wire.activity.samples ?? [] } as Activity;
  if (wire.columns !== undefined) {
    const columns = new SampleColumns(1);
    for (const f of SAMPLE_FIELDS) columns[f] = wire.columns[f];
    columns.length = wire.columns.length;
    attachColumns(activity, columns);
  }
  return activity;
}

/**
 * The worker: its compiled file beside the compiled server, or else its source, which a thread
 * can only load through tsx (registered in that thread first).
 */
function workerScript(): { script: string; eval: boolean } {
  const compiled = join(import.meta.dirname, 'parse-worker.js');
  if (existsSync(compiled)) return { script: compiled, eval: false };
  const source = pathToFileURL(join(import.meta.dirname, 'parse-worker.ts')).href;
  return {
    script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}

interface Task {
  id: number;
  filename: string;
  bytes: Uint8Array;
  options: ParseActivityOptions;
  loadsFor: LoadsRequest | undefined;
  resolve(parsed: ParsedFile): void;
  reject(err: Error): void;
}

export interface ParsePool {
  parse: ParseFile;
  close(): Promise<void>;
}

/** `size` worker threads, started when the first file comes; once closed, files parse here. */
export function createParsePool(size: number): ParsePool {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const waiting: Task[] = [];
  let started = false;
  let nextId = 1;

  const settle = (task: Task, r: WireResult) => {
    if (r.ok) {
      task.resolve({
        format: r.format,
        warnings: r.warnings,
        activities: r.activities.map(fromWire),
        ...(r.loads ? { loads: r.loads } : {}),
      });
    } else {
      task.reject(r.bad ? new BadInputError(r.bad.reason, r.bad.message) : new Error(r.message));
    }
  };

  function spawn(): void {
    const { script, eval: isCode } = workerScript();
    // A bounded young generation: a parse's garbage dies young, and RSS stays bounded. At 4 MB
    // the scavenger took about a sixth of a parsing thread's time in a bulk import; 16 MB made
    // 200-file imports about 15 % faster in paired runs, with no higher peak RSS (bench/import.ts).
    const w = new Worker(script, {
      eval: isCode,
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    w.on('message', (r: WireResult) => {
      const task = busy.get(w);
      busy.delete(w);
      idle.push(w);
      w.unref(); // an idle thread never keeps the process alive
      if (task) settle(task, r);
      pump();
    });
    w.on('error', (err) => {
      const task = busy.get(w);
      busy.delete(w);
      task?.reject(err);
    });
    w.on('exit', () => {
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      const task = busy.get(w);
      busy.delete(w);
      task?.reject(new Error('the parsing thread stopped'));
      if (!closed) {
        spawn();
        pump();
      }
    });
    w.unref();
    idle.push(w);
  }

  let closed = false;
  function pump(): void {
    while (idle.length > 0 && waiting.length > 0) {
      const w = idle.pop() as Worker;
      const task = waiting.shift() as Task;
      busy.set(w, task);
      w.ref();
      w.postMessage({
        id: task.id,
        filename: task.filename,
        bytes: task.bytes,
        options: task.options,
        loadsFor: task.loadsFor,
      });
    }
  }

  return {
    parse(filename, bytes, options, loadsFor) {
      if (closed) return parseOnThisThread(filename, bytes, options);
      if (!started) {
        started = true;
        for (let i = 0; i < size; i++) spawn();
      }
      return new Promise((resolve, reject) => {
        waiting.push({ id: nextId++, filename, bytes, options, loadsFor, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}
