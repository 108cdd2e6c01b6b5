// An account's Strava tokens: encrypted at rest (bound to the account row), refreshed before they
// expire, one refresh at a time per account (SELECT … FOR UPDATE), and the refresh token Strava
// returned last always the one kept: a rotated refresh token is never lost to a race.
import { AppError } from '#shared/errors';
import { withTransaction, type Pool } from '#services/db/database';
import {
  endStravaAccount,
  lockStravaTokens,
  readStravaTokens,
  saveStravaTokens,
  type StravaTokenRow,
} from '#services/db/strava-accounts.repository';
import { StravaTokenError } from './errors.ts';
import { isTokenExpiring, type StravaTokens } from './oauth.ts';
import type { StravaContext } from './strava-context.ts';
import type { TokenVault } from './token-vault.ts';

/** The account is not connected (deauthorized, disconnected or gone): nothing to retry. */
export class StravaNotConnectedError extends AppError {
  constructor(message = 'Strava is not connected; connect Strava again') {
    super('unauthorized', message);
  }
}

export function sealStravaTokens(
  vault: TokenVault,
  accountId: string,
  tokens: Pick<StravaTokens, 'accessToken' | 'refreshToken' | 'expiresAt'>,
): { accessTokenEnc: string; refreshTokenEnc: string; expiresAt: Date } {
  return {
    accessTokenEnc: vault.encrypt(tokens.accessToken, `${accountId}:access`),
    refreshTokenEnc: vault.encrypt(tokens.refreshToken, `${accountId}:refresh`),
    expiresAt: tokens.expiresAt,
  };
}

function openTokens(
  vault: TokenVault,
  accountId: string,
  row: StravaTokenRow | undefined,
): { accessToken: string; refreshToken: string; expiresAt: Date } {
  if (
    row === undefined ||
    row.status !== 'connected' ||
    row.accessTokenEnc === null ||
    row.refreshTokenEnc === null ||
    row.expiresAt === null
  ) {
    throw new StravaNotConnectedError();
  }
  return {
    accessToken: vault.decrypt(row.accessTokenEnc, `${accountId}:access`),
    refreshToken: vault.decrypt(row.refreshTokenEnc, `${accountId}:refresh`),
    expiresAt: row.expiresAt,
  };
}

export interface AccessTokenProviderOptions {
  /** Refresh when the token has less than this left; default 1 hour, as Strava suggests. */
  refreshMarginMs?: number;
  now?: () => number;
}

/**
 * The getAccessToken of createStravaClient for one account. `forceRefresh` (after a 401) refreshes
 * unless another worker already replaced the token that was refused.
 */
export function createAccessTokenProvider(
  pool: Pool,
  ctx: Pick<StravaContext, 'vault' | 'oauth'>,
  accountId: string,
  options: AccessTokenProviderOptions = {},
): (o: { forceRefresh: boolean }) => Promise<string> {
  const marginMs = options.refreshMarginMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  let lastGiven: string | undefined;

  return async ({ forceRefresh }) => {
    if (!forceRefresh) {
      const current = openTokens(ctx.vault, accountId, await readStravaTokens(pool, accountId));
      if (!isTokenExpiring(current.expiresAt, now(), marginMs)) {
        lastGiven = current.accessToken;
        return current.accessToken;
      }
    }
    const outcome = await withTransaction(pool, async (client) => {
      const current = openTokens(ctx.vault, accountId, await lockStravaTokens(client, accountId));
      const stale = forceRefresh
        ? current.accessToken === lastGiven
        : isTokenExpiring(current.expiresAt, now(), marginMs);
      // Another worker refreshed while we waited for the lock: use its token.
      if (!stale) return { token: current.accessToken };
      let fresh: StravaTokens;
      try {
        fresh = await ctx.oauth.refresh(current.refreshToken);
      } catch (err) {
        if (!(err instanceof StravaTokenError) || err.reason !== 'refresh_token_rejected')
          throw err;
        // Strava no longer accepts us for this athlete: stop syncing until they connect again.
        await endStravaAccount(client, accountId, 'deauthorized', {
          code: 'strava_access_revoked',
          message: 'Strava no longer accepts Hipcheck for this account; connect Strava again',
        });
        return { error: err };
      }
      await saveStravaTokens(client, accountId, sealStravaTokens(ctx.vault, accountId, fresh));
      return { token: fresh.accessToken };
    });
    if ('error' in outcome) throw outcome.error;
    lastGiven = outcome.token;
    return outcome.token;
  };
}
