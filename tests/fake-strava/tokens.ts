// The fake Strava's tokens: access tokens with their athlete, scope and expiry, refresh tokens and
// authorization codes (each works once), issued and revoked as Strava does.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { IssuedTokens } from './types.ts';

export interface TokenRecord {
  athleteId: number;
  scope: string;
  expiresAtMs: number;
}

export interface GrantRecord {
  athleteId: number;
  scope: string;
}

export const newToken = (): string => randomBytes(20).toString('hex');

export function scopeHas(scope: string, wanted: string): boolean {
  return scope.split(/[,\s]+/).includes(wanted);
}

export interface TokenStore {
  readonly accessTokens: Map<string, TokenRecord>;
  readonly refreshTokens: Map<string, GrantRecord>;
  readonly codes: Map<string, GrantRecord>;
  /** The lifetime of tokens issued from now on; tests may shorten it. */
  lifetimeS: number;
  issue(athleteId: number, scope: string, lifetimeS?: number): IssuedTokens;
  /** The record of a live access token; undefined when unknown or expired. */
  live(token: string | undefined): TokenRecord | undefined;
  /** The live access token of `Authorization: Bearer …`. */
  bearer(req: IncomingMessage): TokenRecord | undefined;
  revokeAthlete(athleteId: number): void;
  expireAccessTokens(athleteId?: number): void;
}

export function createTokenStore(now: () => number, lifetimeS: number): TokenStore {
  const store: TokenStore = {
    accessTokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    lifetimeS,

    issue(athleteId, scope, lifetime = store.lifetimeS) {
      const accessToken = newToken();
      const refreshToken = newToken();
      const expiresAtMs = now() + lifetime * 1000;
      store.accessTokens.set(accessToken, { athleteId, scope, expiresAtMs });
      store.refreshTokens.set(refreshToken, { athleteId, scope });
      return { accessToken, refreshToken, expiresAt: Math.floor(expiresAtMs / 1000), scope };
    },

    live(token) {
      const rec = token === undefined ? undefined : store.accessTokens.get(token);
      if (rec === undefined || rec.expiresAtMs <= now()) return undefined;
      return rec;
    },

    bearer(req) {
      return store.live(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]);
    },

    revokeAthlete(athleteId) {
      for (const [t, rec] of store.accessTokens)
        if (rec.athleteId === athleteId) store.accessTokens.delete(t);
      for (const [t, rec] of store.refreshTokens)
        if (rec.athleteId === athleteId) store.refreshTokens.delete(t);
    },

    expireAccessTokens(athleteId) {
      for (const rec of store.accessTokens.values()) {
        if (athleteId === undefined || rec.athleteId === athleteId)
          rec.expiresAtMs = Math.min(rec.expiresAtMs, now() - 1);
      }
    },
  };
  return store;
}
