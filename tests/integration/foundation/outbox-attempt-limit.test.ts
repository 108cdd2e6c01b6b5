// The attempt limit of outbox jobs: an upload, a Strava webhook event and a Strava backfill item
// whose job fails every time end failed after 10 attempts (README, "Nothing lost"), with the last
// error stored, and the reconciler stops enqueueing them. Jobs run on the in-process queue (the
// embedded mode's runner: the same retry policy as BullMQ, its backoff shortened to 1 ms) and the
// reconciler's real passes; Strava is the fake, over HTTP, answering 500 to every activity.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#services/config';
import { insertAthlete } from '#services/db/athletes.repository';
import { upsertStravaAccount, type StravaAccount } from '#services/db/strava-accounts.repository';
import {
  advanceStravaBackfillListing,
  insertStravaBackfillItems,
} from '#services/db/strava-backfill.repository';
import { insertWebhookEvent } from '#services/db/strava-webhook-events.repository';
import { insertUser } from '#services/db/users.repository';
import { Readable } from 'node:stream';
import { createSpool } from '#services/ingest/spool';
import { spoolUpload, storeSpooledUploads } from '#services/ingest/store-uploads';
import { createInProcessQueue, type InProcessQueue } from '#services/queue/in-process-queue';
import { jobIds, type Processors } from '#services/queue/jobs';
import { createMemoryRateLimiter } from '#services/strava/memory-rate-limiter';
import { createStravaContext, type StravaContext } from '#services/strava/strava-context';
import { sealStravaTokens } from '#services/strava/token-store';
import { generateTokenKey } from '#services/strava/token-vault';
import { createProcessors } from '#workers/processors';
import { reconcile, reconcileStrava } from '#workers/reconciler';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { startFakeStrava, type FakeStrava } from '../../fake-strava/fake-strava.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

const LIMIT = 10;

let db: TestDatabase;
let fake: FakeStrava;
let strava: StravaContext;
let ingestRuns = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeStrava();
  const config = loadConfig({
    STRAVA_CLIENT_ID: fake.clientId,
    STRAVA_CLIENT_SECRET: fake.clientSecret,
    STRAVA_API_URL: fake.apiUrl,
    STRAVA_OAUTH_URL: fake.oauthUrl,
    TOKEN_ENCRYPTION_KEY: generateTokenKey(),
  });
  const context = createStravaContext(config, {
    limiter: createMemoryRateLimiter(),
    requestTimeoutMs: 2000,
  });
  if (!context) throw new Error('Strava is not configured');
  strava = context;
});

afterAll(async () => {
  await fake.close();
  await db.drop();
});

function startQueue(): InProcessQueue {
  const ready: { processors?: Processors } = {};
  const queue = createInProcessQueue(
    () => ready.processors as Processors,
    () => undefined,
    { backoffMs: 1 },
  );
  ready.processors = createProcessors({
    pool: db.pool,
    queue,
    now: () => new Date(),
    strava,
    // Every ingest fails inside its transaction, as a full disk would.
    beforeIngestCommit: async () => {
      ingestRuns += 1;
      throw new Error('no space left on device');
    },
  });
  return queue;
}

/** Runs the queue dry, then a reconciler pass, until a pass finds nothing left to enqueue. */
async function runUntilSettled(queue: InProcessQueue, pass: () => Promise<number>) {
  for (let passes = 0; passes < 10; passes++) {
    await queue.idle();
    if ((await pass()) === 0) return;
  }
  throw new Error('the reconciler still enqueues jobs after 10 passes');
}

async function runner(email: string): Promise<string> {
  const user = await insertUser(db.pool, { email, passwordHash: 'x', role: 'runner' });
  return (await insertAthlete(db.pool, user.id, 'UTC')).id;
}

async function connectedAccount(athleteId: string): Promise<StravaAccount> {
  const athlete = fake.addAthlete();
  const id = randomUUID();
  const tokens = fake.issueTokens(athlete.id);
  const account = await upsertStravaAccount(db.pool, {
    id,
    athleteId,
    stravaAthleteId: athlete.id,
    scope: tokens.scope,
    ...sealStravaTokens(strava.vault, id, {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: new Date(tokens.expiresAt * 1000),
    }),
    backfillAfter: null,
  });
  // Listing is over, so the reconciler enqueues only the rows under test.
  await advanceStravaBackfillListing(db.pool, id, account.backfillGeneration, null);
  return account;
}

describe('outbox jobs that always fail', () => {
  it(`an upload ends failed after ${LIMIT} attempts with its last error, and is not enqueued again`, async () => {
    const queue = startQueue();
    const athleteId = await runner('disk-full@example.com');
    const gpx = toGpx(track(steadyPlan(600)));
    const spool = createSpool();
    const stored = await storeSpooledUploads({ pool: db.pool, queue, spool }, athleteId, [
      await spoolUpload(spool, 'run.gpx', Readable.from([Buffer.from(gpx)])),
    ]);
    const uploadId = stored.uploads[0]?.id ?? '';

    await runUntilSettled(queue, async () => (await reconcile({ pool: db.pool, queue })).uploads);

    expect(ingestRuns).toBe(LIMIT);
    const { rows } = await db.pool.query<{
      status: string;
      attempts: number;
      error: { code: string; message: string };
    }>('SELECT status, attempts, error FROM uploads WHERE id = $1', [uploadId]);
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: LIMIT });
    expect(rows[0]?.error.message).toContain(`failed ${LIMIT} times`);
    expect(rows[0]?.error.message).toContain('no space left on device');
    expect((await reconcile({ pool: db.pool, queue })).uploads).toBe(0);
    await queue.close();
  });

  it(`a webhook event and a backfill item whose fetch Strava always answers with 500 end failed after ${LIMIT} attempts`, async () => {
    const queue = startQueue();
    const account = await connectedAccount(await runner('strava-down@example.com'));
    const created = fake.addActivity(account.stravaAthleteId, { sportType: 'Run' });
    const listed = fake.addActivity(account.stravaAthleteId, { sportType: 'Run' });
    fake.injectFault({ path: /^\/api\/v3\/activities\/\d+$/, status: 500, times: 1000 });
    fake.resetStats();

    const eventId = await insertWebhookEvent(db.pool, {
      accountId: account.id,
      payload: { aspect_type: 'create', object_id: created.id },
      objectType: 'activity',
      aspectType: 'create',
      objectId: created.id,
      ownerId: account.stravaAthleteId,
    });
    await queue.enqueue('strava-event', { eventId }, jobIds.stravaEvent(eventId));
    await insertStravaBackfillItems(db.pool, account.id, [
      { stravaActivityId: listed.id, startAt: listed.startDate },
    ]);
    await queue.enqueue(
      'strava-activity',
      { accountId: account.id, stravaActivityId: listed.id },
      jobIds.stravaActivity(account.id, listed.id),
    );

    await runUntilSettled(queue, () => reconcileStrava({ pool: db.pool, queue }));

    // One request a try: the activity itself, refused each time.
    expect(fake.stats().faultsInjected).toBe(2 * LIMIT);
    const event = await db.pool.query<{
      status: string;
      attempts: number;
      error: { message: string };
    }>('SELECT status, attempts, error FROM webhook_events WHERE id = $1', [eventId]);
    expect(event.rows[0]).toMatchObject({ status: 'failed', attempts: LIMIT });
    expect(event.rows[0]?.error.message).toContain(`failed ${LIMIT} times`);
    expect(event.rows[0]?.error.message).toContain('Strava answered 500');
    const item = await db.pool.query<{
      status: string;
      attempts: number;
      error: { message: string };
    }>('SELECT status, attempts, error FROM strava_backfill_items WHERE account_id = $1', [
      account.id,
    ]);
    expect(item.rows[0]).toMatchObject({ status: 'failed', attempts: LIMIT });
    expect(item.rows[0]?.error.message).toContain('Strava answered 500');
    // The backfill is finished (its only item failed), and nothing is enqueued again.
    const { rows } = await db.pool.query<{ backfill_state: string }>(
      'SELECT backfill_state FROM strava_accounts WHERE id = $1',
      [account.id],
    );
    expect(rows[0]?.backfill_state).toBe('done');
    expect(await reconcileStrava({ pool: db.pool, queue })).toBe(0);
    await queue.close();
  });
});
