// BullMQ on Redis: one queue per job name. Producers (the API, the reconciler, processors that
// chain jobs) use createBullQueue; worker processes use startBullWorkers.
import { DelayedError, Queue, Worker, UnrecoverableError, type ConnectionOptions } from 'bullmq';
import { AppError } from '#shared/errors';
import {
  checkProcessors,
  DeferJobError,
  JOB_NAMES,
  RETRY,
  type JobCounts,
  type JobName,
  type JobPayloads,
  type JobQueue,
  type Processors,
} from './jobs.ts';

export interface BullOptions {
  redisUrl: string;
  /** Key prefix in Redis; tests use their own. */
  prefix?: string;
}

function connectionOf(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

export function createBullQueue(options: BullOptions): JobQueue & {
  queues: Map<JobName, Queue>;
  counts(): Promise<Record<JobName, JobCounts>>;
} {
  const prefix = options.prefix ?? 'hipcheck';
  const queues = new Map<JobName, Queue>();
  for (const name of JOB_NAMES) {
    queues.set(name, new Queue(name, { connection: connectionOf(options.redisUrl), prefix }));
  }
  return {
    queues,
    async enqueue<K extends JobName>(name: K, data: JobPayloads[K], jobId: string) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`unknown job name: ${name}`);
      await queue.add(name, data, {
        jobId,
        attempts: RETRY.attempts,
        backoff: { type: 'exponential', delay: RETRY.backoffMs },
        // Finished jobs leave Redis: their results live in PostgreSQL, and a finished id must not
        // block the reconciler from enqueueing the same outbox row again if it is still unfinished.
        removeOnComplete: true,
        removeOnFail: true,
      });
    },
    async counts() {
      const entries = await Promise.all(
        JOB_NAMES.map(async (name) => {
          const c = (await queues.get(name)?.getJobCounts('waiting', 'active', 'delayed')) ?? {};
          return [
            name,
            { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0 },
          ] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<JobName, JobCounts>;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

export interface BullWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

export function startBullWorkers(
  options: BullOptions & {
    processors: Processors;
    concurrency?: Partial<Record<JobName, number>>;
    /** How long a job's lock lasts without renewal; a killed worker's job is retried after it. */
    lockDurationMs?: number;
    stalledIntervalMs?: number;
    log: (message: string) => void;
  },
): BullWorkers {
  const prefix = options.prefix ?? 'hipcheck';
  const processors = checkProcessors(options.processors);
  const workers = JOB_NAMES.map((name) => {
    const processor = processors[name] as (
      data: JobPayloads[JobName],
      ctx: { attempt: number },
    ) => Promise<void>;
    const worker = new Worker(
      name,
      async (job, token) => {
        try {
          await processor(job.data as JobPayloads[JobName], { attempt: job.attemptsMade + 1 });
        } catch (err) {
          if (err instanceof DeferJobError) {
            // Back to the delayed set without counting an attempt.
            await job.moveToDelayed(err.retryAt.getTime(), token);
            throw new DelayedError();
          }
          // A permanent error is not retried (bad input stays bad).
          if (err instanceof AppError && !err.retryable) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      {
        connection: connectionOf(options.redisUrl),
        prefix,
        concurrency: options.concurrency?.[name] ?? 2,
        ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
        ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
      },
    );
    worker.on('failed', (job, err) => {
      if (job)
        options.log(`job ${job.id} (${name}) attempt ${job.attemptsMade} failed: ${err.message}`);
    });
    worker.on('error', (err) => options.log(`worker ${name}: ${err.message}`));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
