// Strava for the signed-in runner: connect (OAuth with a signed, single-use state; the callback is
// strava-callback.routes.ts), status with the backfill's progress and the sync's health, a longer
// backfill on request, and disconnect. Opening the status after a gap asks for a catch-up. And,
// for a coach, the sync's health of each athlete who granted access (derived facts only).
import { Router } from 'express';
import { z } from 'zod';
import { ConflictError, ForbiddenError, UpstreamUnavailableError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import {
  endStravaAccount,
  findStravaAccountByAthlete,
  listStravaAccountsOfCoach,
  type StravaAccount,
} from '#services/db/strava-accounts.repository';
import { restartStravaBackfill } from '#services/db/strava-backfill.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import { catchUpAfterGap } from '#services/strava/catch-up-schedule';
import { createOAuthState } from '#services/strava/oauth';
import type { StravaContext } from '#services/strava/strava-context';
import { stravaStatusJson, syncJson } from '#services/strava/strava-status';
import type { AthleteStravaSync } from '#shared/api/strava';
import { createAccessTokenProvider } from '#services/strava/token-store';
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

const backfillSchema = z
  .object({
    all: z.boolean().optional(),
    days: z.number().int().min(1).max(36_500).optional(),
  })
  .strict();

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

  router.get('/status', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const now = new Date();
    // The runner opening the app after a gap: look for activities a webhook may have missed.
    const account = deps.strava ? await findStravaAccountByAthlete(deps.pool, athlete.id) : null;
    if (deps.strava && account?.status === 'connected') {
      await catchUpAfterGap({ ...deps, strava: deps.strava }, account.id, now);
    }
    res.json(await stravaStatusJson(deps, athlete, now));
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
    res.status(202).json(await stravaStatusJson(deps, athlete, new Date()));
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
    res.json({ ...(await stravaStatusJson(deps, athlete, new Date())), warning });
  });

  return router;
}

/**
 * /api/coach/strava: for each athlete who granted the coach access and has connected Strava once,
 * when Hipcheck last heard from Strava and whether runs may be missing. Only the coach's own
 * athletes are ever listed; nothing about a single activity.
 */
export function stravaCoachRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const user = currentUser(res);
    if (user.role !== 'coach') throw new ForbiddenError('only coach accounts have athletes');
    const now = new Date();
    const accounts = await listStravaAccountsOfCoach(deps.pool, user.id);
    res.json(
      accounts.map((a) => ({
        athleteId: a.athleteId,
        connected: a.status === 'connected',
        status: a.status,
        ...syncJson(a, a.timezone, now),
      })) satisfies AthleteStravaSync[],
    );
  });
  return router;
}
