// Strava OAuth2: the authorize URL, the code exchange, token refresh and deauthorization, all
// against `oauthUrl` (STRAVA_OAUTH_URL) with fetch, because strava-v3's own OAuth calls always
// go to www.strava.com. Plus the `state` parameter: an HMAC-signed value bound to the user and an
// expiry, so the callback can check it without storing anything.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadInputError, UpstreamUnavailableError } from '../../shared/errors.ts';
import { RateLimitedError, StravaTokenError } from './errors.ts';

/** What Hipcheck asks for: `read` (the profile) and every activity, private ones included. */
export const REQUESTED_SCOPE = 'read,activity:read_all';
/** Without it, private activities (and often the runs that matter) would silently be missing. */
export const REQUIRED_SCOPE = 'activity:read_all';

export interface StravaOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** e.g. https://www.strava.com/oauth (no trailing slash needed). */
  oauthUrl: string;
  /** Our callback, e.g. https://hipcheck.example/api/strava/callback. */
  redirectUri: string;
  /** Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface StravaAthleteSummary {
  id: number;
  username?: string | null;
  firstname?: string;
  lastname?: string;
  [field: string]: unknown;
}

export interface StravaTokens {
  accessToken: string;
  /** Strava may rotate it on every refresh: always store the one returned last. */
  refreshToken: string;
  expiresAt: Date;
  /** Present after a code exchange, absent after a refresh. */
  athlete?: StravaAthleteSummary;
}

export interface StravaOAuth {
  /** Where "Connect with Strava" sends the browser. */
  authorizeUrl(state: string): string;
  /** Trades the callback's `code` for tokens. StravaTokenError('code_rejected') if refused. */
  exchangeCode(code: string): Promise<StravaTokens>;
  /** StravaTokenError('refresh_token_rejected') if Strava no longer accepts the refresh token. */
  refresh(refreshToken: string): Promise<StravaTokens>;
  /** Revokes the app's access for this athlete. An already-revoked token counts as done. */
  deauthorize(accessToken: string): Promise<void>;
}

/** Whether the `scope` Strava passed to the callback includes activity:read_all. */
export function hasRequiredScope(scope: string | null | undefined): boolean {
  return (scope ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .includes(REQUIRED_SCOPE);
}

/** Whether an access token should be refreshed now (Strava suggests within the last hour). */
export function isTokenExpiring(
  expiresAt: Date,
  nowMs: number,
  marginMs = 60 * 60 * 1000,
): boolean {
  return expiresAt.getTime() - nowMs <= marginMs;
}

export function createStravaOAuth(options: StravaOAuthOptions): StravaOAuth {
  const base = options.oauthUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;

  async function post(
    path: string,
    form: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await doFetch(`${base}/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new UpstreamUnavailableError(
        `Strava OAuth (${path}) did not answer: ${String(cause)}`,
        {
          cause,
        },
      );
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // keep the text: it goes into the error message
    }
    if (response.status === 429) {
      throw new RateLimitedError(
        new Date(Date.now() + 15 * 60 * 1000),
        'Strava OAuth is rate limited; try again in 15 minutes',
      );
    }
    if (response.status >= 500) {
      throw new UpstreamUnavailableError(`Strava OAuth (${path}) answered ${response.status}`);
    }
    return { status: response.status, body };
  }

  function toTokens(body: unknown, what: string): StravaTokens {
    const b = (body ?? {}) as Record<string, unknown>;
    const { access_token, refresh_token, expires_at } = b;
    if (
      typeof access_token !== 'string' ||
      typeof refresh_token !== 'string' ||
      typeof expires_at !== 'number'
    ) {
      throw new UpstreamUnavailableError(`Strava OAuth (${what}) answered without tokens`);
    }
    const tokens: StravaTokens = {
      accessToken: access_token,
      refreshToken: refresh_token,
      expiresAt: new Date(expires_at * 1000),
    };
    const athlete = b.athlete as StravaAthleteSummary | undefined;
    if (athlete !== undefined && typeof athlete === 'object' && typeof athlete.id === 'number') {
      tokens.athlete = athlete;
    }
    return tokens;
  }

  const describe = (body: unknown): string => JSON.stringify(body) ?? 'no body';

  return {
    authorizeUrl(state) {
      const qs = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: options.redirectUri,
        response_type: 'code',
        approval_prompt: 'auto',
        scope: REQUESTED_SCOPE,
        state,
      });
      return `${base}/authorize?${qs.toString()}`;
    },

    async exchangeCode(code) {
      if (code === '') throw new BadInputError('strava_no_code', 'the Strava callback has no code');
      const { status, body } = await post('token', {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        code,
        grant_type: 'authorization_code',
      });
      if (status === 403) {
        // Strava's own page says "Limit of connected athletes exceeded" for an app it has not
        // reviewed; any other 403 refuses the app itself.
        const limit = /limit/i.test(describe(body));
        throw new StravaTokenError(
          limit ? 'athlete_limit' : 'app_refused',
          `Strava refused to connect this athlete to the app (403: ${describe(body)})`,
        );
      }
      if (status !== 200) {
        throw new StravaTokenError(
          'code_rejected',
          `Strava refused the authorization code (${status}: ${describe(body)}); connect Strava again`,
        );
      }
      return toTokens(body, 'token');
    },

    async refresh(refreshToken) {
      const { status, body } = await post('token', {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        refresh_token: refreshToken,
        grant_type: 'refresh_token',
      });
      if (status !== 200) {
        throw new StravaTokenError(
          'refresh_token_rejected',
          `Strava refused the refresh token (${status}: ${describe(body)}); connect Strava again`,
        );
      }
      return toTokens(body, 'refresh');
    },

    async deauthorize(accessToken) {
      const { status, body } = await post('deauthorize', { access_token: accessToken });
      // 401: the token is already revoked or expired, which is what we wanted.
      if (status !== 200 && status !== 401) {
        throw new UpstreamUnavailableError(
          `Strava deauthorize answered ${status}: ${describe(body)}`,
        );
      }
    },
  };
}

// --- state -----------------------------------------------------------------------------------

const STATE_VERSION = 's1';
export const DEFAULT_STATE_TTL_MS = 10 * 60 * 1000;

export type OAuthStateCheck =
  | { ok: true; userId: string; nonce: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'wrong_user' };

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function checkSecret(secret: string): void {
  if (secret.length < 16)
    throw new BadInputError(
      'weak_secret',
      'the OAuth state secret must have at least 16 characters',
    );
}

/**
 * A `state` for the authorize URL: `s1.<userId b64url>.<expiresAtMs>.<nonce>.<hmac>`. It is bound
 * to the user and expires after `ttlMs`; the callback records its nonce, so it works once.
 */
export function createOAuthState(
  secret: string,
  userId: string,
  nowMs: number,
  ttlMs: number = DEFAULT_STATE_TTL_MS,
): string {
  checkSecret(secret);
  const payload = [
    STATE_VERSION,
    Buffer.from(userId, 'utf8').toString('base64url'),
    String(Math.floor(nowMs + ttlMs)),
    randomBytes(9).toString('base64url'),
  ].join('.');
  return `${payload}.${sign(secret, payload)}`;
}

/**
 * Checks a `state` from the callback: signed with `secret`, not expired at `nowMs`, and issued to
 * `userId` (the signed-in user), so one user cannot complete another's connection.
 */
export function verifyOAuthState(
  secret: string,
  state: string,
  userId: string,
  nowMs: number,
): OAuthStateCheck {
  checkSecret(secret);
  const parts = state.split('.');
  const [version, user, expires, nonce, mac] = parts;
  if (
    parts.length !== 5 ||
    version !== STATE_VERSION ||
    user === undefined ||
    expires === undefined ||
    !/^\d+$/.test(expires) ||
    nonce === undefined ||
    mac === undefined
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(sign(secret, [version, user, expires, nonce].join('.')), 'utf8');
  const given = Buffer.from(mac, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'forged' };
  }
  if (Number(expires) <= nowMs) return { ok: false, reason: 'expired' };
  const issuedTo = Buffer.from(user, 'base64url').toString('utf8');
  if (issuedTo !== userId) return { ok: false, reason: 'wrong_user' };
  return { ok: true, userId: issuedTo, nonce };
}
