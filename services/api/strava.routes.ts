// Strava for the signed-in runner: connect (OAuth with a checked state), the callback, status with
// the backfill's progress, a longer backfill on request, and disconnect. And Strava's webhook,
// which has no session: it answers the subscription challenge and stores events for the jobs.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  UpstreamUnavailableError,
} from '#shared/errors';
import { withTransaction, type Pool } from '#services/db/database';
import {
  deleteStravaAccount,
  endStravaAccount,
  findConnectedStravaAccount,
  findStravaAccountByAthlete,
  lockStravaAccountByAthlete,
  lockStravaAccountByStravaAthlete,
  upsertStravaAccount,
  type StravaAccount,
} from '#services/db/strava-accounts.repository';
import {
  countStravaBackfillItems,
  restartStravaBackfill,
} from '#services/db/strava-backfill.repository';
import { insertWebhookEvent } from '#services/db/strava-webhook-events.repository';
import { findStravaSubscription } from '#services/db/strava-subscription.repository';
import type { Athlete } from '#services/db/athletes.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import { describeBackfill } from '#services/strava/describe-backfill';
import { createOAuthState, hasRequiredScope, verifyOAuthState } from '#services/strava/oauth';
import type { StravaContext } from '#services/strava/strava-context';
import { createAccessTokenProvider, sealStravaTokens } from '#services/strava/token-store';
import { currentAthlete, currentUser } from './session.ts';
import { parseInput } from './validate.ts';

export interface StravaRoutesDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
  log: (message: string) => void;
}

const DAY_MS = 86_400_000;

function configured(ctx: StravaContext | undefined): StravaContext {
  if (!ctx) {
    throw new UpstreamUnavailableError(
      'Strava is not configured on this server: set STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET and TOKEN_ENCRYPTION_KEY',
    );
  }
  return ctx;
}

const STATE_PROBLEMS = {
  malformed: 'the Strava answer carried no valid state',
  forged: 'the Strava answer carried a state Hipcheck did not issue',
  expired: 'the Strava connection took too long (the link expired)',
  wrong_user: 'the Strava connection was started by another account',
} as const;

const callbackSchema = z.object({
  state: z.string().max(1000).optional(),
  code: z.string().max(1000).optional(),
  scope: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
});

const backfillSchema = z
  .object({
    all: z.boolean().optional(),
    days: z.number().int().min(1).max(36_500).optional(),
  })
  .strict();

async function statusJson(pool: Pool, athlete: Athlete, now: Date) {
  const account = await findStravaAccountByAthlete(pool, athlete.id);
  if (!account) {
    return {
      connected: false,
      status: 'not_connected' as const,
      backfill: { state: null, done: 0, total: 0, nextBatchAt: null, progress: null },
      lastError: null,
    };
  }
  const counts = await countStravaBackfillItems(pool, account.id);
  const connected = account.status === 'connected';
  const waiting =
    connected &&
    account.backfillState !== 'done' &&
    account.backfillNextBatchAt !== null &&
    account.backfillNextBatchAt.getTime() > now.getTime();
  const progress = {
    state: account.backfillState,
    done: counts.total - counts.pending,
    total: counts.total,
    nextBatchAt: waiting ? account.backfillNextBatchAt : null,
  };
  return {
    connected,
    status: account.status,
    stravaAthleteId: account.stravaAthleteId,
    scope: account.scope,
    connectedAt: account.connectedAt.toISOString(),
    backfill: {
      state: progress.state,
      since: account.backfillAfter?.toISOString() ?? null,
      done: progress.done,
      total: progress.total,
      skipped: counts.skipped,
      failed: counts.failed,
      nextBatchAt: progress.nextBatchAt?.toISOString() ?? null,
      progress: describeBackfill(progress, athlete.timezone, now),
    },
    lastError: account.lastError,
  };
}

async function enqueueBackfill(queue: JobQueue, account: Pick<StravaAccount, 'id'>, gen: number) {
  await queue.enqueue(
    'strava-backfill',
    { accountId: account.id, generation: gen },
    jobIds.stravaBackfill(account.id, gen),
  );
}

/** The runner's routes; mounted behind the session (requireUser). */
export function stravaRoutes(deps: StravaRoutesDeps): Router {
  const router = Router();

  router.get('/connect', async (_req, res) => {
    const ctx = configured(deps.strava);
    const user = currentUser(res);
    await currentAthlete(deps.pool, res); // coaches have nothing to sync
    res.redirect(
      302,
      ctx.oauth.authorizeUrl(createOAuthState(ctx.stateSecret, user.id, Date.now())),
    );
  });

  router.get('/callback', async (req, res) => {
    const ctx = configured(deps.strava);
    const query = parseInput(callbackSchema, req.query);
    const user = currentUser(res);
    const athlete = await currentAthlete(deps.pool, res);
    const check = verifyOAuthState(ctx.stateSecret, query.state ?? '', user.id, Date.now());
    if (!check.ok) {
      throw new BadInputError(
        'strava_bad_state',
        `${STATE_PROBLEMS[check.reason]}; start again from "Connect with Strava"`,
      );
    }
    if (query.error !== undefined) {
      throw new BadInputError(
        'strava_denied',
        'Strava access was not granted; click "Connect with Strava" again and choose Authorize',
      );
    }
    // Without activity:read_all nothing is stored, not even the tokens.
    if (!hasRequiredScope(query.scope)) {
      throw new BadInputError(
        'strava_scope_missing',
        'Strava did not share your activities with Hipcheck: the box "View data about your ' +
          'private activities" was unticked. Click "Connect with Strava" again and leave that box ticked.',
      );
    }
    if (!query.code) throw new BadInputError('strava_no_code', 'the Strava answer has no code');
    const tokens = await ctx.oauth.exchangeCode(query.code);
    const stravaAthleteId = tokens.athlete?.id;
    if (stravaAthleteId === undefined) {
      throw new UpstreamUnavailableError('Strava answered without the athlete; try again');
    }
    const scope = query.scope ?? '';
    const account = await withTransaction(deps.pool, async (client) => {
      const holder = await lockStravaAccountByStravaAthlete(client, stravaAthleteId);
      if (holder && holder.athleteId !== athlete.id) {
        if (holder.status === 'connected') {
          throw new ConflictError(
            'this Strava account is already connected to another Hipcheck account; disconnect it there first',
          );
        }
        await deleteStravaAccount(client, holder.id);
      }
      const own = await lockStravaAccountByAthlete(client, athlete.id);
      const id = own?.id ?? randomUUID();
      return upsertStravaAccount(client, {
        id,
        athleteId: athlete.id,
        stravaAthleteId,
        scope,
        ...sealStravaTokens(ctx.vault, id, tokens),
        backfillAfter: new Date(Date.now() - ctx.backfillDays * DAY_MS),
      });
    });
    await enqueueBackfill(deps.queue, account, account.backfillGeneration);
    res.redirect(302, `${ctx.appUrl}?strava=connected`);
  });

  router.get('/status', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await statusJson(deps.pool, athlete, new Date()));
  });

  router.post('/backfill', async (req, res) => {
    configured(deps.strava);
    const input = parseInput(backfillSchema, req.body ?? {});
    const athlete = await currentAthlete(deps.pool, res);
    const account = await findStravaAccountByAthlete(deps.pool, athlete.id);
    if (!account || account.status !== 'connected') {
      throw new ConflictError('Strava is not connected; connect Strava first');
    }
    const days = input.days ?? deps.strava?.backfillDays ?? 180;
    const after = input.all === true ? null : new Date(Date.now() - days * DAY_MS);
    const generation = await restartStravaBackfill(deps.pool, account.id, after);
    await enqueueBackfill(deps.queue, account, generation);
    res.status(202).json(await statusJson(deps.pool, athlete, new Date()));
  });

  router.post('/disconnect', async (_req, res) => {
    const ctx = configured(deps.strava);
    const athlete = await currentAthlete(deps.pool, res);
    const account = await findStravaAccountByAthlete(deps.pool, athlete.id);
    let warning: string | null = null;
    if (account && account.status === 'connected') {
      try {
        const token = await createAccessTokenProvider(deps.pool, ctx, account.id, {
          refreshMarginMs: ctx.refreshMarginMs,
        })({ forceRefresh: false });
        await ctx.oauth.deauthorize(token);
      } catch (err) {
        // Our side is cleared anyway; the runner can also revoke access in Strava's settings.
        warning = 'Strava could not be told; remove Hipcheck under Settings → My Apps on Strava';
        deps.log(`strava disconnect: ${(err as Error).message}`);
      }
      await endStravaAccount(deps.pool, account.id, 'disconnected', null);
    }
    res.json({ ...(await statusJson(deps.pool, athlete, new Date())), warning });
  });

  return router;
}

const eventSchema = z.object({
  object_type: z.string().max(50),
  object_id: z.number().int().nonnegative(),
  aspect_type: z.string().max(50),
  owner_id: z.number().int().nonnegative(),
  subscription_id: z.number().int(),
  event_time: z.number().optional(),
  updates: z.record(z.string(), z.unknown()).optional(),
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Strava's webhook, without a session or origin check (Strava is the caller). Events for an unknown
 * subscription or owner are acknowledged and dropped; the others are stored, acknowledged, and
 * only then enqueued, so Redis never delays the answer (the reconciler covers a lost enqueue).
 */
export function stravaWebhookRoutes(deps: StravaRoutesDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/', (req, res) => {
    const expected = deps.strava?.webhookVerifyToken;
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (
      expected === undefined ||
      mode !== 'subscribe' ||
      typeof token !== 'string' ||
      typeof challenge !== 'string' ||
      !sameSecret(token, expected)
    ) {
      throw new ForbiddenError('the subscription challenge does not carry our verify token');
    }
    res.json({ 'hub.challenge': challenge });
  });

  router.post('/', async (req, res) => {
    const event = parseInput(eventSchema, req.body);
    const subscription = await findStravaSubscription(deps.pool);
    const account =
      subscription?.subscriptionId === event.subscription_id
        ? await findConnectedStravaAccount(deps.pool, event.owner_id)
        : undefined;
    if (!account) {
      res.json({ ok: true, ignored: true });
      return;
    }
    const eventId = await insertWebhookEvent(deps.pool, {
      accountId: account.id,
      payload: req.body,
      objectType: event.object_type,
      aspectType: event.aspect_type,
      objectId: event.object_id,
      ownerId: event.owner_id,
    });
    res.json({ ok: true });
    deps.queue
      .enqueue('strava-event', { eventId }, jobIds.stravaEvent(eventId))
      .catch((err: unknown) => deps.log(`strava webhook: enqueue failed: ${String(err)}`));
  });

  return router;
}
