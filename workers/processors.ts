// Exactly one processor per job name, built from the same dependencies whether jobs run on BullMQ
// or in-process.
import type { Pool } from '#services/db/database';
import type { JobQueue, Processors } from '#services/queue/jobs';
import { createIngestProcessor, type IngestDeps } from './ingest.processor.ts';
import { createRecomputeProcessor } from './recompute.processor.ts';

export interface ProcessorDeps {
  pool: Pool;
  queue: JobQueue;
  now: () => Date;
  beforeIngestCommit?: IngestDeps['beforeCommit'];
}

export function createProcessors(deps: ProcessorDeps): Processors {
  return {
    ingest: createIngestProcessor({
      pool: deps.pool,
      queue: deps.queue,
      ...(deps.beforeIngestCommit ? { beforeCommit: deps.beforeIngestCommit } : {}),
    }),
    recompute: createRecomputeProcessor({ pool: deps.pool, now: deps.now }),
  };
}
