// Everything the Strava routes, jobs and CLI share, built once per process from the config: OAuth
// against STRAVA_OAUTH_URL, the token vault, the one rate limiter, and the client's settings.
import { createHash } from 'node:crypto';
import type { Config } from '#services/config';
import { createStravaOAuth, type StravaOAuth } from './oauth.ts';
import type { ClientRateLimiter } from './client.ts';
import { DEFAULT_BACKFILL_IN_FLIGHT } from './dispatch-backfill.ts';
import type { RateLimitStatus } from './rate-limiter.ts';
import { createTokenVault, type TokenVault } from './token-vault.ts';

export interface StravaContext {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  oauthUrl: string;
  /**
   * What Strava's subscription challenge must carry: STRAVA_WEBHOOK_VERIFY_TOKEN, or one derived
   * from TOKEN_ENCRYPTION_KEY (every process of one install derives the same).
   */
  webhookVerifyToken: string;
  /** Our OAuth redirect, `${PUBLIC_URL}/api/strava/callback`. */
  callbackUrl: string;
  /** Where Strava posts events, `${PUBLIC_URL}/api/strava/webhook`. */
  webhookUrl: string;
  /** PUBLIC_URL is set: Strava can reach webhookUrl, so the app keeps a push subscription. */
  webhooksPossible: boolean;
  /** Where the callback sends the browser afterwards. */
  appUrl: string;
  /** Signs the OAuth `state`; derived from TOKEN_ENCRYPTION_KEY, so no extra secret is needed. */
  stateSecret: string;
  oauth: StravaOAuth;
  vault: TokenVault;
  limiter: StravaLimiter;
  /** Per Strava request. */
  requestTimeoutMs: number;
  /**
   * The longest a job waits in place for rate-limit budget; a later window makes the job defer
   * itself (DeferJobError) instead of holding a worker.
   */
  maxWaitMs: number;
  /** Backfill on connect: the last this many days (POST /api/strava/backfill {all} for more). */
  backfillDays: number;
  /** Refresh an access token when it has less than this left (Strava suggests 1 hour). */
  refreshMarginMs: number;
  /** Backfill items handed to workers at once, across all athletes (dispatch-backfill.ts). */
  backfillInFlight: number;
  /** The runner opening the app after this long without a catch-up asks for one. */
  catchUpGapMs: number;
  /** A catch-up lists from this long before the newest activity known (late uploads). */
  catchUpOverlapMs: number;
}

/** The rate limiter as the context uses it: the client's part, and its status for estimates. */
export type StravaLimiter = ClientRateLimiter & { status(): Promise<RateLimitStatus> };

export interface StravaContextOptions {
  limiter: StravaLimiter;
  requestTimeoutMs?: number;
  maxWaitMs?: number;
  backfillDays?: number;
  refreshMarginMs?: number;
  backfillInFlight?: number;
  catchUpGapMs?: number;
  catchUpOverlapMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** What is missing for Strava to work; empty when it is configured. */
export function missingStravaSettings(config: Config): string[] {
  const missing: string[] = [];
  if (!config.strava.clientId) missing.push('STRAVA_CLIENT_ID');
  if (!config.strava.clientSecret) missing.push('STRAVA_CLIENT_SECRET');
  if (!config.tokenEncryptionKey) missing.push('TOKEN_ENCRYPTION_KEY');
  return missing;
}

/** The Strava context, or undefined when Strava is not configured (its routes then say so). */
export function createStravaContext(
  config: Config,
  options: StravaContextOptions,
): StravaContext | undefined {
  const { clientId, clientSecret } = config.strava;
  const key = config.tokenEncryptionKey;
  if (!clientId || !clientSecret || !key) return undefined;
  const base = config.publicUrl.replace(/\/+$/, '');
  const callbackUrl = `${base}/api/strava/callback`;
  return {
    clientId,
    clientSecret,
    apiUrl: config.strava.apiUrl,
    oauthUrl: config.strava.oauthUrl,
    webhookVerifyToken:
      config.strava.webhookVerifyToken ??
      createHash('sha256').update('hipcheck webhook verify token').update(key).digest('hex'),
    callbackUrl,
    webhookUrl: `${base}/api/strava/webhook`,
    webhooksPossible: config.publicUrlSet,
    appUrl: `${base}/`,
    stateSecret: createHash('sha256').update('hipcheck oauth state').update(key).digest('hex'),
    oauth: createStravaOAuth({
      clientId,
      clientSecret,
      oauthUrl: config.strava.oauthUrl,
      redirectUri: callbackUrl,
    }),
    vault: createTokenVault({ key }),
    limiter: options.limiter,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    maxWaitMs: options.maxWaitMs ?? 60_000,
    backfillDays: options.backfillDays ?? 180,
    refreshMarginMs: options.refreshMarginMs ?? HOUR_MS,
    backfillInFlight: options.backfillInFlight ?? DEFAULT_BACKFILL_IN_FLIGHT,
    catchUpGapMs: options.catchUpGapMs ?? HOUR_MS,
    catchUpOverlapMs: options.catchUpOverlapMs ?? 3 * 24 * HOUR_MS,
  };
}
