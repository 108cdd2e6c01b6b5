// Job names and payloads. Payloads carry ids only: the data lives in PostgreSQL (the outbox), so a
// job can always be rebuilt from the database after Redis loses it.

export interface JobPayloads {
  /** Parse one stored upload into an activity. */
  ingest: { uploadId: string };
  /** Recompute an athlete's daily metrics from the earliest pending day (kept in the database). */
  recompute: { athleteId: string };
  /** List a Strava backfill page by page into strava_backfill_items (one generation of it). */
  'strava-backfill': { accountId: string; generation: number };
  /** Fetch and store one Strava activity found by the backfill. */
  'strava-activity': { accountId: string; stravaActivityId: number };
  /** Handle one stored Strava webhook event (or one a catch-up found). */
  'strava-event': { eventId: string };
  /** Re-list an athlete's recent Strava activities: the catch-up asked for at requestedAtMs. */
  'strava-catch-up': { accountId: string; requestedAtMs: number };
}

export type JobName = keyof JobPayloads;

/** Every job name once: a name of JobPayloads left out here, or one too many, fails to compile. */
const JOB_NAME_SET: { readonly [K in JobName]: true } = {
  ingest: true,
  recompute: true,
  'strava-backfill': true,
  'strava-activity': true,
  'strava-event': true,
  'strava-catch-up': true,
};

export const JOB_NAMES = Object.keys(JOB_NAME_SET) as readonly JobName[];

/**
 * Thrown by a processor to run the job again at `retryAt` without counting a failed attempt
 * (e.g. Strava's rate-limit window is used up until the next quarter hour).
 */
export class DeferJobError extends Error {
  constructor(
    readonly retryAt: Date,
    reason: string,
  ) {
    super(`deferred until ${retryAt.toISOString()}: ${reason}`);
    this.name = 'DeferJobError';
  }
}

export interface JobContext {
  /** 1 on the first try. */
  attempt: number;
}

export type Processor<K extends JobName> = (data: JobPayloads[K], ctx: JobContext) => Promise<void>;

export type Processors = { [K in JobName]: Processor<K> };

/**
 * Checked where the processors are built and where workers start: exactly one function per job
 * name and nothing else, so a job can never sit in a queue that no worker takes from.
 */
export function checkProcessors(processors: Processors): Processors {
  const missing = JOB_NAMES.filter((name) => typeof processors[name] !== 'function');
  const unknown = Object.keys(processors).filter((name) => !Object.hasOwn(JOB_NAME_SET, name));
  const problems = [
    ...(missing.length > 0 ? [`no processor for ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`processors for unknown jobs ${unknown.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new Error(`job processors: ${problems.join('; ')}`);
  return processors;
}

export interface JobQueue {
  /**
   * Enqueue a job. `jobId` deduplicates: while a job with the same id is waiting or running,
   * another one is not added.
   */
  enqueue<K extends JobName>(name: K, data: JobPayloads[K], jobId: string): Promise<void>;
  /** Jobs waiting, running and delayed (waiting for a retry or a later window), per job name. */
  counts?(): Promise<Record<JobName, JobCounts>>;
  close(): Promise<void>;
}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
}

export const jobIds = {
  ingest: (uploadId: string) => `ingest-${uploadId}`,
  recompute: (athleteId: string, version: number) => `recompute-${athleteId}-${version}`,
  stravaBackfill: (accountId: string, generation: number) =>
    `strava-backfill-${accountId}-${generation}`,
  stravaActivity: (accountId: string, stravaActivityId: number) =>
    `strava-activity-${accountId}-${stravaActivityId}`,
  stravaEvent: (eventId: string) => `strava-event-${eventId}`,
  stravaCatchUp: (accountId: string, requestedAtMs: number) =>
    `strava-catch-up-${accountId}-${requestedAtMs}`,
};

/** Retry policy shared by both runners. */
export const RETRY = { attempts: 8, backoffMs: 1000 } as const;
