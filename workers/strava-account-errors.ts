// What the Strava jobs do when the account itself is the problem (not connected any more, or the
// runner's grant lacks the scope): record it for the runner to see and stop, since no retry helps.
import { AppError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { endStravaAccount } from '#services/db/strava-accounts.repository';
import { StravaScopeError, StravaTokenError } from '#services/strava/errors';
import type { StravaContext } from '#services/strava/strava-context';
import { StravaNotConnectedError } from '#services/strava/token-store';

export function requireStrava(ctx: StravaContext | undefined): StravaContext {
  if (!ctx) {
    throw new AppError(
      'upstream_unavailable',
      'Strava is not configured: set STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET and TOKEN_ENCRYPTION_KEY',
    );
  }
  return ctx;
}

/** True when `err` was about the account and has been dealt with: the job should just stop. */
export async function handleStravaAccountError(
  pool: Pool,
  accountId: string,
  err: unknown,
): Promise<boolean> {
  if (err instanceof StravaNotConnectedError) return true;
  if (err instanceof StravaScopeError) {
    await endStravaAccount(pool, accountId, 'deauthorized', {
      code: 'strava_scope_missing',
      message: err.message,
    });
    return true;
  }
  // The token-store has already marked the account when Strava refused the refresh token.
  if (err instanceof StravaTokenError && !err.retryable) return true;
  return false;
}
