// Errors of the Strava integration. Each says whether trying again can help (`retryable`) and,
// where it can, when (`retryAt`), so a worker can delay a job instead of failing it.
import { AppError } from '../../shared/errors.ts';

/** Why Strava refused a token: only an access token that was rejected can be fixed by a refresh. */
export type StravaTokenErrorReason =
  | 'access_token_rejected'
  | 'refresh_token_rejected'
  | 'code_rejected'
  /** Strava's cap on athletes of an app it has not reviewed ("Limit of connected athletes exceeded"). */
  | 'athlete_limit'
  /** Strava refuses the app itself (403: e.g. an inactive application). */
  | 'app_refused';

/**
 * Strava refused a token or an authorization code. `access_token_rejected` is retryable: refresh
 * the access token and call again. The others mean the runner must connect Strava again.
 */
export class StravaTokenError extends AppError {
  readonly reason: StravaTokenErrorReason;
  constructor(reason: StravaTokenErrorReason, message: string, options?: { cause?: unknown }) {
    super('unauthorized', message, {
      retryable: reason === 'access_token_rejected',
      cause: options?.cause,
    });
    this.reason = reason;
  }
}

/** The runner did not grant the scope Hipcheck needs; only connecting again with it can help. */
export class StravaScopeError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** Strava's rate limit is used up (or answered 429): try again at `retryAt`, not before. */
export class RateLimitedError extends AppError {
  readonly retryAt: Date;
  constructor(retryAt: Date, message?: string) {
    super(
      'rate_limited',
      message ?? `Strava rate limit reached; try again at ${retryAt.toISOString()}`,
      { retryable: true },
    );
    this.retryAt = retryAt;
  }
}

export type TokenVaultErrorReason = 'invalid_key' | 'unknown_key' | 'tampered' | 'malformed';

/**
 * A token could not be encrypted or decrypted. Not an AppError: it is a server fault (a wrong or
 * missing TOKEN_ENCRYPTION_KEY, or a damaged row), never the user's.
 */
export class TokenVaultError extends Error {
  readonly reason: TokenVaultErrorReason;
  constructor(reason: TokenVaultErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TokenVaultError';
    this.reason = reason;
  }
}
