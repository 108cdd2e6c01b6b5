// Strava's OAuth callback. The browser arrives here from Strava, so every answer is a redirect to
// the dashboard's page for what happened (/strava/callback?outcome=…), which says what to do next:
// never raw JSON. Mounted before the session is required: a runner whose session ended meanwhile
// is told to sign in and connect again.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { AppError, ConflictError, UpstreamUnavailableError } from '#shared/errors';
import { findAthleteByUserId } from '#services/db/athletes.repository';
import { withTransaction, type Pool } from '#services/db/database';
import {
  deleteStravaAccount,
  lockStravaAccountByAthlete,
  lockStravaAccountByStravaAthlete,
  upsertStravaAccount,
} from '#services/db/strava-accounts.repository';
import { useStravaOAuthNonce } from '#services/db/strava-oauth-states.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import { RateLimitedError, StravaTokenError } from '#services/strava/errors';
import { hasRequiredScope, verifyOAuthState } from '#services/strava/oauth';
import type { StravaContext } from '#services/strava/strava-context';
import { sealStravaTokens } from '#services/strava/token-store';
import type { Locals } from './session.ts';

/** Every way a connection attempt can end; the dashboard has words for each. */
export type CallbackOutcome =
  | 'connected'
  | 'denied'
  | 'scope_missing'
  | 'state_expired'
  | 'state_used'
  | 'state_invalid'
  | 'wrong_account'
  | 'signed_out'
  | 'not_a_runner'
  | 'taken'
  | 'athlete_limit'
  | 'app_refused'
  | 'code_rejected'
  | 'strava_unavailable'
  | 'not_configured';

const DAY_MS = 86_400_000;

const callbackSchema = z.object({
  state: z.string().max(1000).optional(),
  code: z.string().max(1000).optional(),
  scope: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
});

const STATE_OUTCOME = {
  malformed: 'state_invalid',
  forged: 'state_invalid',
  expired: 'state_expired',
  wrong_user: 'wrong_account',
} as const;

export interface StravaCallbackDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
  publicUrl: string;
  log: (message: string) => void;
}

export function stravaCallbackRoutes(deps: StravaCallbackDeps): Router {
  const router = Router();
  const base = deps.publicUrl.replace(/\/+$/, '');
  const finish = (res: Response, outcome: CallbackOutcome) =>
    res.redirect(302, `${base}/strava/callback?outcome=${outcome}`);

  router.get('/', async (req, res) => {
    const outcome = await connect(deps, req.query, res.locals as Locals).catch(
      (err: unknown): CallbackOutcome => {
        const known = outcomeOfError(err);
        if (known === undefined) {
          deps.log(`strava callback: ${err instanceof Error ? err.message : String(err)}`);
          return 'strava_unavailable';
        }
        return known;
      },
    );
    finish(res, outcome);
  });
  return router;
}

function outcomeOfError(err: unknown): CallbackOutcome | undefined {
  if (err instanceof ConflictError) return 'taken';
  if (err instanceof StravaTokenError) {
    if (err.reason === 'athlete_limit' || err.reason === 'app_refused') return err.reason;
    return 'code_rejected';
  }
  if (err instanceof RateLimitedError || err instanceof UpstreamUnavailableError)
    return 'strava_unavailable';
  return err instanceof AppError ? 'state_invalid' : undefined;
}

async function connect(
  deps: StravaCallbackDeps,
  rawQuery: unknown,
  locals: Locals,
): Promise<CallbackOutcome> {
  const ctx = deps.strava;
  if (!ctx) return 'not_configured';
  const parsed = callbackSchema.safeParse(rawQuery);
  if (!parsed.success) return 'state_invalid';
  const query = parsed.data;
  const user = locals.user;
  if (!user) return 'signed_out';
  const athlete = await findAthleteByUserId(deps.pool, user.id);
  if (!athlete) return 'not_a_runner';
  const check = verifyOAuthState(ctx.stateSecret, query.state ?? '', user.id, Date.now());
  if (!check.ok) return STATE_OUTCOME[check.reason];
  if (query.error !== undefined || !query.code) return 'denied';
  // Without activity:read_all nothing is stored, not even the tokens.
  if (!hasRequiredScope(query.scope)) return 'scope_missing';
  if (!(await useStravaOAuthNonce(deps.pool, check.nonce))) return 'state_used';

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
  await deps.queue.enqueue(
    'strava-backfill',
    { accountId: account.id, generation: account.backfillGeneration },
    jobIds.stravaBackfill(account.id, account.backfillGeneration),
  );
  return 'connected';
}
