// Everything the Strava routes, jobs and CLI share, built once per process from the config: OAuth
// against STRAVA_OAUTH_URL, the token vault, the one rate limiter, and the client's settings.
import { createHash } from 'node:crypto';
import type { Config } from '#services/config';
import { createStravaOAuth, type StravaOAuth } from './oauth.ts';
import type { ClientRateLimiter } from './client.ts';
import { createTokenVault, type TokenVault } from './token-vault.ts';

export interface StravaContext {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  oauthUrl: string;
  webhookVerifyToken: string | undefined;
  /** Our OAuth redirect, `${PUBLIC_URL}/api/strava/callback`. */
  callbackUrl: string;
  /** Where Strava posts events, `${PUBLIC_URL}/api/strava/webhook`. */
  webhookUrl: string;
  /** Where the callback sends the browser afterwards. */
  appUrl: string;
  /** Signs the OAuth `state`; derived from TOKEN_ENCRYPTION_KEY, so no extra secret is needed. */
  stateSecret: string;
  oauth: StravaOAuth;
  vault: TokenVault;
  limiter: ClientRateLimiter;
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
}

export interface StravaContextOptions {
  limiter: ClientRateLimiter;
  requestTimeoutMs?: number;
  maxWaitMs?: number;
  backfillDays?: number;
  refreshMarginMs?: number;
}

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
    webhookVerifyToken: config.strava.webhookVerifyToken,
    callbackUrl,
    webhookUrl: `${base}/api/strava/webhook`,
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
    refreshMarginMs: options.refreshMarginMs ?? 60 * 60 * 1000,
  };
}
