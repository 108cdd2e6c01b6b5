// Prometheus metrics behind a bearer token: HTTP latency per route template, the queue's depth per
// job name, job durations and failures per job name, Strava's budget gauge and the event-loop
// delay — read from /metrics after real requests and real jobs on BullMQ.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullQueue, startBullWorkers, type BullWorkers } from '#services/queue/bullmq-queue';
import { instrumentProcessors } from '#services/observability/instrument-processors';
import { createMetrics, type Metrics } from '#services/observability/metrics';
import { createProcessors } from '#workers/processors';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';
import { eventually, redisUrl, waitForUpload } from '../../support/pipeline.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

let db: TestDatabase;
let queue: ReturnType<typeof createBullQueue>;
let metrics: Metrics;
let server: TestServer;
let workers: BullWorkers | undefined;
const prefix = `hc-test-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  db = await createTestDatabase();
  queue = createBullQueue({ redisUrl, prefix });
  metrics = createMetrics({ queueCounts: () => queue.counts() });
  server = await startTestServer({
    pool: db.pool,
    queue,
    metrics: { registry: metrics, token: TOKEN },
  });
});

afterAll(async () => {
  await workers?.close();
  await server.close();
  await queue.close();
  await db.drop();
});

async function scrape(): Promise<string> {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one sample line, e.g. value(text, 'x_count{job="ingest"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('refuses a request without the token, or with another one', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('times requests per method, route template and status', async () => {
    const c = new TestClient(server.url);
    await c.signup('measured@example.com');
    await c.get('/api/me');
    await c.get('/api/me');
    await c.get('/api/activities/6f1c1b9e-0000-4000-8000-000000000001');
    const text = await scrape();
    expect(
      value(
        text,
        'hipcheck_http_request_duration_seconds_count{method="GET",route="/api/me",status="200"}',
      ),
    ).toBe(2);
    expect(
      value(
        text,
        'hipcheck_http_request_duration_seconds_count{method="GET",route="/api/activities/:id",status="404"}',
      ),
    ).toBe(1);
  });

  it('counts jobs waiting per job name, then their durations and failures once workers run', async () => {
    const c = new TestClient(server.url);
    await c.signup('queued@example.com');
    const gpx = toGpx(track(steadyPlan(600)), { name: 'Easy 10', type: 'running' });
    const up = await c.upload([
      { name: 'easy.gpx', content: gpx },
      { name: 'broken.gpx', content: '<gpx><trk><trkseg><trkpt lat="x"></trkpt>' },
    ]);
    expect(up.status).toBe(202);
    const waiting = await scrape();
    expect(value(waiting, 'hipcheck_queue_jobs{job="ingest",state="waiting"}')).toBe(2);

    workers = startBullWorkers({
      redisUrl,
      prefix,
      processors: instrumentProcessors(
        createProcessors({ pool: db.pool, queue, now: () => new Date() }),
        metrics,
      ),
      log: () => undefined,
    });
    for (const u of up.body.uploads) await waitForUpload(c, u.id);
    await eventually(
      async () =>
        value(
          await scrape(),
          'hipcheck_job_duration_seconds_count{job="recompute",outcome="done"}',
        ) === 1,
      20_000,
      'the recompute job',
    );
    const text = await scrape();
    // Both ingest jobs finished: the broken file is stored as a failed upload, not a failed job.
    expect(value(text, 'hipcheck_job_duration_seconds_count{job="ingest",outcome="done"}')).toBe(2);
    expect(value(text, 'hipcheck_queue_jobs{job="ingest",state="waiting"}')).toBe(0);

    // A job that throws: a Strava event while Strava is not configured.
    await queue.enqueue('strava-event', { eventId: randomUUID() }, `strava-event-${randomUUID()}`);
    await eventually(
      async () =>
        (value(await scrape(), 'hipcheck_job_failures_total{job="strava-event"}') ?? 0) >= 1,
      20_000,
      'the failed Strava event job',
    );
    const failed = await scrape();
    expect(
      value(failed, 'hipcheck_job_duration_seconds_count{job="strava-event",outcome="failed"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(failed, 'hipcheck_job_failures_total{job="ingest"}')).toBeUndefined();
  });

  it("shows the Strava budget gauge and the event loop's delay", async () => {
    metrics.stravaBudgetUsed.set({ window: '15min', scope: 'read' }, 0.42);
    const text = await scrape();
    expect(value(text, 'hipcheck_strava_budget_used_ratio{window="15min",scope="read"}')).toBe(
      0.42,
    );
    expect(value(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
  });
});
