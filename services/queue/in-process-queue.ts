// The queue of the embedded mode (no REDIS_URL): jobs run in this process through the same
// processors as the BullMQ workers, with the same deduplication by job id and the same retries.
// Nothing is lost if the process stops: the outbox rows are enqueued again at the next start.
// With a few slots for every kind of job, a Strava history's jobs wait behind everything else
// (BullMQ gives each kind its own workers instead), so a new run never queues behind a backfill.
import { AppError } from '#shared/errors';
import {
  DeferJobError,
  JOB_NAMES,
  RETRY,
  type JobCounts,
  type JobName,
  type JobPayloads,
  type JobQueue,
  type Processors,
} from './jobs.ts';

const BACKFILL_JOBS: ReadonlySet<JobName> = new Set(['strava-backfill', 'strava-activity']);

interface Pending {
  name: JobName;
  data: JobPayloads[JobName];
  jobId: string;
  attempt: number;
}

export interface InProcessQueue extends JobQueue {
  /** Resolves when no job is waiting or running. */
  idle(): Promise<void>;
  counts(): Promise<Record<JobName, JobCounts>>;
}

export function createInProcessQueue(
  processors: () => Processors,
  log: (message: string) => void,
  options: { concurrency?: number; backoffMs?: number } = {},
): InProcessQueue {
  const concurrency = options.concurrency ?? 2;
  const backoffMs = options.backoffMs ?? RETRY.backoffMs;
  const waiting: Pending[] = [];
  const known = new Set<string>();
  const timers = new Map<NodeJS.Timeout, JobName>();
  const active = new Map<JobName, number>();
  let running = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  function checkIdle(): void {
    if (running === 0 && waiting.length === 0 && timers.size === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      for (const resolve of w) resolve();
    }
  }

  /** The first waiting job that is not a backfill's, or else the first one. */
  function next(): Pending | undefined {
    const i = waiting.findIndex((j) => !BACKFILL_JOBS.has(j.name));
    return waiting.splice(i === -1 ? 0 : i, 1)[0];
  }

  function pump(): void {
    while (!closed && running < concurrency && waiting.length > 0) {
      const job = next();
      if (!job) break;
      running += 1;
      active.set(job.name, (active.get(job.name) ?? 0) + 1);
      void run(job);
    }
    checkIdle();
  }

  async function run(job: Pending): Promise<void> {
    try {
      const processor = processors()[job.name] as (
        data: JobPayloads[JobName],
        ctx: { attempt: number },
      ) => Promise<void>;
      await processor(job.data, { attempt: job.attempt });
      known.delete(job.jobId);
    } catch (err) {
      if (err instanceof DeferJobError && !closed) {
        // Not a failure: the same attempt runs again later.
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            waiting.push(job);
            pump();
          },
          Math.max(0, err.retryAt.getTime() - Date.now()),
        );
        timers.set(timer, job.name);
        return;
      }
      const permanent = err instanceof AppError && !err.retryable;
      if (permanent || job.attempt >= RETRY.attempts || closed) {
        known.delete(job.jobId);
        log(`job ${job.jobId} failed: ${(err as Error).message}`);
      } else {
        const delay = backoffMs * 2 ** (job.attempt - 1);
        const timer = setTimeout(() => {
          timers.delete(timer);
          waiting.push({ ...job, attempt: job.attempt + 1 });
          pump();
        }, delay);
        timers.set(timer, job.name);
      }
    } finally {
      running -= 1;
      active.set(job.name, (active.get(job.name) ?? 1) - 1);
      pump();
    }
  }

  return {
    async enqueue(name, data, jobId) {
      if (closed || known.has(jobId)) return;
      known.add(jobId);
      waiting.push({ name, data, jobId, attempt: 1 });
      queueMicrotask(pump);
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
    async counts() {
      const counts = Object.fromEntries(
        JOB_NAMES.map((name) => [name, { waiting: 0, active: active.get(name) ?? 0, delayed: 0 }]),
      ) as Record<JobName, JobCounts>;
      for (const job of waiting) counts[job.name].waiting += 1;
      for (const name of timers.values()) counts[name].delayed += 1;
      return counts;
    },
    /** Stops taking jobs and waits for the running ones to finish (graceful shutdown). */
    async close() {
      closed = true;
      for (const t of timers.keys()) clearTimeout(t);
      timers.clear();
      waiting.length = 0;
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
  };
}
