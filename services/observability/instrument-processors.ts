// Times every job and counts its failures per job name, around the processors both runners (BullMQ
// workers and the in-process queue) take, so the figures mean the same in every mode. A deferred job
// (DeferJobError: Strava's window is used up) is not a failure.
import { DeferJobError, JOB_NAMES, type JobName, type Processors } from '#services/queue/jobs';
import type { JobOutcome, Metrics } from './metrics.ts';

export function instrumentProcessors(processors: Processors, metrics: Metrics): Processors {
  const wrapped: Partial<Record<JobName, unknown>> = {};
  for (const name of JOB_NAMES) {
    const run = processors[name] as (data: unknown, ctx: { attempt: number }) => Promise<void>;
    wrapped[name] = async (data: unknown, ctx: { attempt: number }) => {
      const stop = metrics.jobDuration.startTimer({ job: name });
      let outcome: JobOutcome = 'failed';
      try {
        await run(data, ctx);
        outcome = 'done';
      } catch (err) {
        if (err instanceof DeferJobError) outcome = 'deferred';
        else metrics.jobFailures.inc({ job: name });
        throw err;
      } finally {
        stop({ outcome });
      }
    };
  }
  return wrapped as Processors;
}
