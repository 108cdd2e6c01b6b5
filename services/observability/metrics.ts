// Prometheus metrics (prom-client), one registry per process: HTTP latency per route template, the
// queue's depth per job name and state, job durations and failures per job name, the share of
// Strava's request budget used, and Node's own (event-loop delay, heap, GC). Served on /metrics or
// on METRICS_PORT, only with the bearer token (services/api/metrics-endpoint.ts).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type QueueCounts = Record<string, Partial<Record<JobState, number>>>;
export type JobState = 'waiting' | 'active' | 'delayed' | 'failed';
export type JobOutcome = 'done' | 'failed' | 'deferred';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobDuration: Histogram<'job' | 'outcome'>;
  jobFailures: Counter<'job'>;
  /**
   * Share (0–1) of Strava's budget used in the current window: window '15min' or 'day', scope
   * 'all' or 'read'. Set by whoever reads Strava's rate-limit headers.
   */
  stravaBudgetUsed: Gauge<'window' | 'scope'>;
}

export function createMetrics(
  options: { queueCounts?: (() => Promise<QueueCounts>) | undefined } = {},
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const queueCounts = options.queueCounts;
  new Gauge({
    name: 'hipcheck_queue_jobs',
    help: 'Jobs in the queue by job name and state (waiting, active, delayed, failed)',
    labelNames: ['job', 'state'],
    registers: [registry],
    async collect() {
      if (!queueCounts) return;
      this.reset();
      for (const [job, counts] of Object.entries(await queueCounts())) {
        for (const [state, n] of Object.entries(counts)) this.set({ job, state }, n ?? 0);
      }
    },
  });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'hipcheck_http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'hipcheck_job_duration_seconds',
      help: 'Job run time by job name and outcome (done, failed, deferred)',
      labelNames: ['job', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'hipcheck_job_failures_total',
      help: 'Failed job attempts by job name',
      labelNames: ['job'],
      registers: [registry],
    }),
    stravaBudgetUsed: new Gauge({
      name: 'hipcheck_strava_budget_used_ratio',
      help: "Share of Strava's request budget used in the current window (0-1)",
      labelNames: ['window', 'scope'],
      registers: [registry],
    }),
  };
}
