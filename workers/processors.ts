// Exactly one processor per job name, built from the same dependencies whether jobs run on BullMQ
// or in-process.
import type { Pool } from '#services/db/database';
import { createSpool } from '#services/ingest/spool';
import { checkProcessors, type JobQueue, type Processors } from '#services/queue/jobs';
import { createIngestProcessor, type IngestDeps } from './ingest.processor.ts';
import { createRecomputeProcessor } from './recompute.processor.ts';
import type { StravaContext } from '#services/strava/strava-context';
import type { AlertDeps } from '#services/coaching/raise-alerts';
import { createStravaActivityProcessor } from './strava-activity.processor.ts';
import { createStravaBackfillProcessor } from './strava-backfill.processor.ts';
import { createStravaCatchUpProcessor } from './strava-catch-up.processor.ts';
import { createStravaEventProcessor } from './strava-event.processor.ts';

export interface ProcessorDeps {
  pool: Pool;
  queue: JobQueue;
  now: () => Date;
  beforeIngestCommit?: IngestDeps['beforeCommit'];
  /** How activity files are parsed (default: on the job's own thread). */
  parse?: IngestDeps['parse'];
  /** Where uploads wait until processed (DATA_DIR/uploads); shared with the API. */
  uploadsDir?: string;
  /** Absent when Strava is not configured: its jobs then fail with a message saying so. */
  strava?: StravaContext | undefined;
  /** Coaches' alerts (inbox and the one mailer), raised after each recompute. */
  alerts?: AlertDeps | undefined;
}

export function createProcessors(deps: ProcessorDeps): Processors {
  const stravaDeps = { pool: deps.pool, queue: deps.queue, strava: deps.strava };
  return checkProcessors({
    ingest: createIngestProcessor({
      pool: deps.pool,
      queue: deps.queue,
      spool: createSpool(deps.uploadsDir),
      now: deps.now,
      ...(deps.beforeIngestCommit ? { beforeCommit: deps.beforeIngestCommit } : {}),
      ...(deps.parse ? { parse: deps.parse } : {}),
    }),
    recompute: createRecomputeProcessor({ pool: deps.pool, now: deps.now, alerts: deps.alerts }),
    'strava-backfill': createStravaBackfillProcessor(stravaDeps),
    'strava-activity': createStravaActivityProcessor(stravaDeps),
    'strava-event': createStravaEventProcessor(stravaDeps),
    'strava-catch-up': createStravaCatchUpProcessor(stravaDeps),
  });
}
