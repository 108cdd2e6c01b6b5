// The Strava backfill inside the rate limits, through the real pipeline (API, BullMQ jobs,
// PostgreSQL) against the fake Strava with its windows shortened to 2 s and 100 reads allowed per
// window: 600 activities with zero 429s and at least 90% of the allowed rate used, while access
// tokens expire every few seconds; 500s and timeouts retried with backoff; a 429 that comes
// anyway defers the job (no failed attempt) and it finishes later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenProvider } from '#services/strava/token-store';
import type { WindowStats } from '../fake-strava/fake-strava.ts';
import {
  connectStrava,
  startStravaPipeline,
  waitForBackfill,
  type StravaPipeline,
} from '../support/strava-pipeline.ts';
import { eventually } from '../support/pipeline.ts';

// 2-s windows: the 95 requests a window allows then need ~48 requests/s, which two worker
// processes sustain on a 2-core machine that is also running the fake Strava and PostgreSQL.
const WINDOW_MS = 2000;
const DAY_MS = 3_600_000; // a shortened "day", aligned like the fake's
const LIMITS = {
  shortLimit: 200,
  dailyLimit: 100_000,
  readShortLimit: 100,
  readDailyLimit: 100_000,
};

let p: StravaPipeline;

beforeAll(async () => {
  p = await startStravaPipeline({
    // Access tokens live 8 s: a backfill of ~25 s refreshes them as it goes. The margin is longer
    // than a window, so a token taken before waiting for the next window is still valid when used.
    fake: {
      shortWindowMs: WINDOW_MS,
      dailyWindowMs: DAY_MS,
      rateLimits: LIMITS,
      tokenLifetimeS: 8,
    },
    shortWindowMs: WINDOW_MS,
    dailyWindowMs: DAY_MS,
    limits: LIMITS,
    refreshMarginMs: 3000,
    requestTimeoutMs: 1000,
    // Two worker processes share the one limiter in Redis, as `hipcheck worker` ×2 would.
    workerProcesses: 2,
  });
});

afterAll(async () => {
  await p.close();
});

/** Windows strictly between the first and the last one that saw requests: the full ones. */
const fullWindows = (windows: readonly WindowStats[]) =>
  windows.filter((w) => w.requests > 0).slice(1, -1);

async function accountIdOf(stravaAthleteId: number): Promise<string> {
  const { rows } = await p.db.pool.query<{ id: string }>(
    'SELECT id FROM strava_accounts WHERE strava_athlete_id = $1',
    [stravaAthleteId],
  );
  return rows[0]?.id ?? '';
}

const failuresOf = (jobId: string) =>
  p.workerLog.filter((line) => line.startsWith(`job ${jobId} `) && line.includes('failed'));

describe('the Strava backfill inside the rate limits', () => {
  it('backfills 600 activities under 100 reads per 2-s window: zero 429s, ≥ 90% of the allowed rate, tokens refreshed as they expire', async () => {
    // Workers run for days in production: warm these ones (connections, JIT) with a small
    // backfill first, so that the windows measured are the steady state.
    const warm = p.client();
    await warm.signup('warm@example.com');
    const warmAthlete = p.fake.addAthlete();
    p.fake.generateActivities(warmAthlete.id, 40, { spacingHours: 6 });
    p.fake.setAuthorizeBehaviour({ athleteId: warmAthlete.id });
    expect((await connectStrava(warm)).status).toBe(302);
    await waitForBackfill(warm, 20_000);

    const runner = p.client();
    await runner.signup('many@example.com');
    const athlete = p.fake.addAthlete();
    p.fake.generateActivities(athlete.id, 600, { spacingHours: 6 });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    p.fake.resetStats();
    const started = Date.now();
    expect((await connectStrava(runner)).status).toBe(302);

    // Meanwhile the runner sees progress.
    let progressSeen = '';
    const watcher = (async () => {
      while (Date.now() - started < 60_000) {
        const s = await runner.get<{ backfill: { state: string; progress: string } }>(
          '/api/strava/status',
        );
        if (s.body.backfill.state === 'done') return;
        if (s.body.backfill.state === 'fetching') progressSeen = s.body.backfill.progress;
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const status = await waitForBackfill(runner, 60_000);
    const elapsedMs = Date.now() - started;
    await watcher;

    const stats = p.fake.stats();
    const full = fullWindows(stats.windows);
    const reads = full.map((w) => w.reads);
    const mean = reads.reduce((a, b) => a + b, 0) / reads.length;
    console.log(
      `600-activity backfill through the pipeline: ${elapsedMs} ms, ${stats.requests} requests, ` +
        `${stats.rateLimited} × 429; reads per full window ${reads.join(' ')} ` +
        `(mean ${mean.toFixed(1)} of ${LIMITS.readShortLimit} allowed); progress seen: "${progressSeen}"; ` +
        `worker pids ${p.workerPids.join(', ')}`,
    );
    expect(status.backfill).toMatchObject({ done: 600, total: 600 });
    expect(stats.rateLimited).toBe(0);
    // One list page per 200 activities (+1 empty), then the activity and its streams (laps come
    // with the activity).
    expect(stats.requests).toBe(4 + 1200);
    expect(Math.max(...stats.windows.map((w) => w.reads))).toBeLessThanOrEqual(100);
    expect(mean).toBeGreaterThanOrEqual(0.9 * LIMITS.readShortLimit);
    expect(progressSeen).toMatch(/^\d+ of 600 activities/);
    const { rows } = await p.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM activities WHERE source = 'strava'",
    );
    expect(rows[0]?.n).toBe(640);

    // The tokens were refreshed on the way (8-s lifetime) and the newest refresh token was kept:
    // the fake accepts only the last one it issued.
    const accountId = await accountIdOf(athlete.id);
    const token = await createAccessTokenProvider(
      p.db.pool,
      p.strava,
      accountId,
    )({
      forceRefresh: true,
    });
    expect(token).toMatch(/^[0-9a-f]{40}$/);
  }, 60_000);

  it('an access token that Strava expires mid-backfill is refreshed and the backfill goes on', async () => {
    const runner = p.client();
    await runner.signup('expiring@example.com');
    const athlete = p.fake.addAthlete();
    p.fake.generateActivities(athlete.id, 150, { spacingHours: 6 });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    expect((await connectStrava(runner)).status).toBe(302);
    await eventually(
      async () => {
        const { rows } = await p.db.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM strava_backfill_items WHERE status = 'done'",
        );
        return (rows[0]?.n ?? 0) >= 660;
      },
      20_000,
      'some of the backfill done',
    );
    // Every token of this athlete dies at once, while our database still thinks it is valid.
    p.fake.expireAccessTokens(athlete.id);
    const status = await waitForBackfill(runner, 30_000);
    expect(status.backfill).toMatchObject({ done: 150, total: 150 });
    expect(status.connected).toBe(true);
    const { rows } = await p.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM strava_backfill_items WHERE status <> 'done'",
    );
    expect(rows[0]?.n).toBe(0);
  }, 40_000);

  it('Strava 500s and timeouts are retried with backoff; a 429 defers the job without a failed attempt', async () => {
    const runner = p.client();
    await runner.signup('faults@example.com');
    const athlete = p.fake.addAthlete();
    const made = p.fake.generateActivities(athlete.id, 12, { spacingHours: 6 });
    const [a, b, c] = made.map((m) => m.id);
    p.fake.injectFault({ path: `/api/v3/activities/${a}/streams`, status: 500, times: 2 });
    p.fake.injectFault({ path: `/api/v3/activities/${b}`, mode: 'hang', times: 1 });
    p.fake.injectFault({ path: `/api/v3/activities/${c}/streams`, status: 429, times: 1 });
    p.fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    expect((await connectStrava(runner)).status).toBe(302);
    const status = await waitForBackfill(runner, 30_000);
    expect(status.backfill).toMatchObject({ done: 12, total: 12 });
    const { rows } = await p.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM strava_backfill_items i JOIN strava_accounts s ON s.id = i.account_id
        WHERE s.strava_athlete_id = $1 AND i.status = 'done'`,
      [athlete.id],
    );
    expect(rows[0]?.n).toBe(12);
    const accountId = await accountIdOf(athlete.id);
    const job = (id: number | undefined) => `strava-activity-${accountId}-${id}`;
    // Two 500s: two failed attempts, retried after 1 s and 2 s of backoff.
    expect(failuresOf(job(a))).toHaveLength(2);
    expect(failuresOf(job(a))[0]).toContain('answered 500');
    // A hung request: one timeout, retried.
    expect(failuresOf(job(b))).toHaveLength(1);
    expect(failuresOf(job(b))[0]).toContain('did not answer');
    // The 429: deferred to the next window, never counted as a failure.
    expect(failuresOf(job(c))).toEqual([]);
    expect(p.fake.stats().faultsInjected).toBeGreaterThanOrEqual(4);
  }, 40_000);
});
