// A fake Strava for tests: a real HTTP server on 127.0.0.1 (port 0) that speaks Strava's OAuth,
// API v3 and push-subscription protocols, sends webhook events, and enforces Strava's rate
// limits with Strava's headers and 429s, in windows whose length tests can shorten.
// See README.md beside this file for what it imitates and where it simplifies.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildPoints,
  defaultName,
  detailJson,
  GENERATED_SPORTS,
  isTrainer,
  lapsJson,
  streamsJson,
  summaryJson,
  type ActivityInput,
  type FakeActivity,
  type SportType,
} from './activities.ts';

export type { ActivityInput, FakeActivity, SportType };

export interface FakeRateLimits {
  shortLimit: number;
  dailyLimit: number;
  readShortLimit: number;
  readDailyLimit: number;
}

export interface FakeStravaOptions {
  clientId?: string;
  clientSecret?: string;
  /** Default Strava's: 200 / 2,000 overall, 100 / 1,000 read. */
  rateLimits?: Partial<FakeRateLimits>;
  /** Default 15 minutes; windows start at multiples of it since the epoch, like Strava's. */
  shortWindowMs?: number;
  /** Default 24 hours (00:00 UTC). */
  dailyWindowMs?: number;
  /** Access-token lifetime, default 6 hours like Strava. Fractions allowed (tests). */
  tokenLifetimeS?: number;
  /** Strava invalidates a refresh token once it hands out a new one. Default true. */
  rotateRefreshTokens?: boolean;
  /** Default Date.now. */
  now?: () => number;
  /** How long the fake waits for our endpoint (challenge and events). Default 2 s, like Strava. */
  callbackTimeoutMs?: number;
  /**
   * Strava is said to list activities oldest first when only `after` is given; default false
   * (newest first always).
   */
  ascendingWhenAfter?: boolean;
}

export interface FakeAthlete {
  id: number;
  username: string;
  firstname: string;
  lastname: string;
  sex: 'M' | 'F';
  city: string;
  country: string;
  createdAt: Date;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch seconds, as Strava sends it. */
  expiresAt: number;
  scope: string;
}

export interface AuthorizeRequest {
  at: Date;
  query: Record<string, string>;
}

export interface AuthorizeBehaviour {
  /** Which athlete "logs in"; default the first one (created if there is none). */
  athleteId?: number;
  /** The scope granted, e.g. 'read' to play a runner who unticked private activities. */
  scope?: string;
  /** The runner clicks "Cancel": redirect with error=access_denied. */
  deny?: boolean;
}

export interface PushSubscription {
  id: number;
  callbackUrl: string;
  verifyToken: string;
  createdAt: Date;
}

export interface WebhookEvent {
  object_type: 'activity' | 'athlete';
  object_id: number;
  aspect_type: 'create' | 'update' | 'delete';
  owner_id: number;
  subscription_id: number;
  event_time: number;
  updates: Record<string, string>;
}

export interface WebhookDelivery {
  event: WebhookEvent;
  url: string;
  /** 0 when our endpoint did not answer in time or could not be reached. */
  status: number;
  latencyMs: number;
  body: string;
  timedOut: boolean;
}

export interface FaultSpec {
  /** Exact pathname (e.g. '/api/v3/activities/123/streams') or a pattern. */
  path: string | RegExp;
  method?: string;
  /** 'error': answer `status`; 'hang': never answer; 'delay': answer normally after delayMs. */
  mode?: 'error' | 'hang' | 'delay';
  /** Default 500. */
  status?: number;
  /** How many matching requests it affects; default 1. */
  times?: number;
  delayMs?: number;
}

export interface WindowStats {
  windowStart: number;
  /** Requests served (everything but 429s) in this short window. */
  requests: number;
  reads: number;
  rateLimited: number;
}

export interface FakeStats {
  /** API requests served, 429s excluded. */
  requests: number;
  /** 429s returned. */
  rateLimited: number;
  faultsInjected: number;
  /** Per route, e.g. 'GET /api/v3/activities/:id'. */
  byRoute: Record<string, number>;
  /** Per short window, oldest first. */
  windows: WindowStats[];
}

export interface FakeStrava {
  readonly url: string;
  /** `${url}/api/v3`, for STRAVA_API_URL. */
  readonly apiUrl: string;
  /** `${url}/oauth`, for STRAVA_OAUTH_URL. */
  readonly oauthUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authorizeRequests: readonly AuthorizeRequest[];
  readonly deliveries: readonly WebhookDelivery[];

  addAthlete(input?: Partial<Omit<FakeAthlete, 'createdAt'>>): FakeAthlete;
  addActivity(athleteId: number, input?: ActivityInput): FakeActivity;
  /** n activities, newest first, spaced `spacingHours` apart back from `endAt`, sports varied. */
  generateActivities(
    athleteId: number,
    n: number,
    options?: { endAt?: Date; spacingHours?: number; sports?: readonly SportType[] },
  ): FakeActivity[];
  activity(id: number): FakeActivity | undefined;
  activitiesOf(athleteId: number): FakeActivity[];
  /** Adds an activity and sends the `create` event (if subscribed). */
  publishActivity(
    athleteId: number,
    input?: ActivityInput,
  ): Promise<{ activity: FakeActivity; delivery?: WebhookDelivery }>;
  /** Changes title / sport / privacy and sends the `update` event with Strava's `updates`. */
  updateActivity(
    id: number,
    changes: { name?: string; sportType?: SportType; private?: boolean },
    options?: { notify?: boolean },
  ): Promise<WebhookDelivery | undefined>;
  deleteActivity(id: number, options?: { notify?: boolean }): Promise<WebhookDelivery | undefined>;
  /** The runner revokes access on strava.com: tokens die, `authorized: false` event is sent. */
  deauthorizeAthlete(
    athleteId: number,
    options?: { notify?: boolean },
  ): Promise<WebhookDelivery | undefined>;

  /** Tokens without the browser dance, for client tests. */
  issueTokens(athleteId: number, options?: { scope?: string; lifetimeS?: number }): IssuedTokens;
  /** Makes every current access token (of one athlete, or all) expired. */
  expireAccessTokens(athleteId?: number): void;
  setTokenLifetime(seconds: number): void;
  setAuthorizeBehaviour(behaviour: AuthorizeBehaviour): void;
  setRateLimits(limits: Partial<FakeRateLimits>): void;

  subscription(): PushSubscription | undefined;
  /** POSTs an event to the subscription's callback (or `callbackUrl`), like Strava does. */
  sendEvent(
    event: Omit<WebhookEvent, 'subscription_id' | 'event_time' | 'updates'> &
      Partial<Pick<WebhookEvent, 'subscription_id' | 'event_time' | 'updates'>>,
    options?: { callbackUrl?: string; timeoutMs?: number },
  ): Promise<WebhookDelivery>;
  /** Waits for events the fake sent by itself (after POST /oauth/deauthorize). */
  flushEvents(): Promise<void>;

  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  stats(): FakeStats;
  resetStats(): void;
  close(): Promise<void>;
}

const STRAVA_DEFAULT_LIMITS: FakeRateLimits = {
  shortLimit: 200,
  dailyLimit: 2000,
  readShortLimit: 100,
  readDailyLimit: 1000,
};

interface TokenRecord {
  athleteId: number;
  scope: string;
  expiresAtMs: number;
}

interface GrantRecord {
  athleteId: number;
  scope: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Params = Record<string, string>;

const err = (
  status: number,
  message: string,
  resource: string,
  field: string,
  code: string,
): Reply => ({
  status,
  body: { message, errors: [{ resource, field, code }] },
});

const authError = (): Reply =>
  err(401, 'Authorization Error', 'Athlete', 'access_token', 'invalid');
const notFound = (resource: string): Reply =>
  err(404, 'Record Not Found', resource, 'id', 'invalid');

function scopeHas(scope: string, wanted: string): boolean {
  return scope.split(/[,\s]+/).includes(wanted);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseParams(url: URL, contentType: string | undefined, body: string): Params {
  const params: Params = Object.fromEntries(url.searchParams);
  if (body === '') return params;
  if ((contentType ?? '').includes('application/json')) {
    try {
      const json = JSON.parse(body) as unknown;
      if (json !== null && typeof json === 'object') {
        for (const [k, v] of Object.entries(json)) params[k] = String(v);
      }
    } catch {
      // a bad body is treated as no body, like a lenient server
    }
  } else {
    for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  }
  return params;
}

export async function startFakeStrava(options: FakeStravaOptions = {}): Promise<FakeStrava> {
  const clientId = options.clientId ?? '12345';
  const clientSecret = options.clientSecret ?? 'fake-client-secret';
  const now = options.now ?? Date.now;
  const shortMs = options.shortWindowMs ?? 15 * 60 * 1000;
  const dayMs = options.dailyWindowMs ?? 24 * 60 * 60 * 1000;
  const callbackTimeoutMs = options.callbackTimeoutMs ?? 2000;
  const rotate = options.rotateRefreshTokens ?? true;
  let limits: FakeRateLimits = { ...STRAVA_DEFAULT_LIMITS, ...options.rateLimits };
  let tokenLifetimeS = options.tokenLifetimeS ?? 6 * 60 * 60;
  let behaviour: AuthorizeBehaviour = {};

  const athletes = new Map<number, FakeAthlete>();
  const activities = new Map<number, FakeActivity>();
  const accessTokens = new Map<string, TokenRecord>();
  const refreshTokens = new Map<string, GrantRecord>();
  const codes = new Map<string, GrantRecord>();
  const authorizeRequests: AuthorizeRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  const pendingEvents = new Set<Promise<unknown>>();
  let subscription: PushSubscription | undefined;
  let nextAthleteId = 1_000_001;
  let nextActivityId = 10_000_000_001;
  let nextSubscriptionId = 1;
  let faults: (FaultSpec & { left: number })[] = [];

  // Rate-limit counters per window start, and statistics.
  const shortCounts = new Map<number, { all: number; read: number }>();
  const dayCounts = new Map<number, { all: number; read: number }>();
  let stats: FakeStats = {
    requests: 0,
    rateLimited: 0,
    faultsInjected: 0,
    byRoute: {},
    windows: [],
  };
  const windowStats = new Map<number, WindowStats>();

  const startOf = (t: number, len: number): number => Math.floor(t / len) * len;
  const token = (): string => randomBytes(20).toString('hex');

  function counter(
    map: Map<number, { all: number; read: number }>,
    key: number,
  ): { all: number; read: number } {
    let c = map.get(key);
    if (c === undefined) {
      c = { all: 0, read: 0 };
      map.set(key, c);
      // forget windows long past
      for (const k of map.keys()) if (k < key - 2 * dayMs) map.delete(k);
    }
    return c;
  }

  function windowStat(start: number): WindowStats {
    let w = windowStats.get(start);
    if (w === undefined) {
      w = { windowStart: start, requests: 0, reads: 0, rateLimited: 0 };
      windowStats.set(start, w);
    }
    return w;
  }

  /** Counts the request, or refuses it when a limit is used up. */
  function rateLimit(isRead: boolean): { ok: boolean; headers: Record<string, string> } {
    const t = now();
    const s = counter(shortCounts, startOf(t, shortMs));
    const d = counter(dayCounts, startOf(t, dayMs));
    const w = windowStat(startOf(t, shortMs));
    const over =
      s.all >= limits.shortLimit ||
      d.all >= limits.dailyLimit ||
      (isRead && (s.read >= limits.readShortLimit || d.read >= limits.readDailyLimit));
    if (over) {
      stats.rateLimited++;
      w.rateLimited++;
    } else {
      s.all++;
      d.all++;
      if (isRead) {
        s.read++;
        d.read++;
        w.reads++;
      }
      stats.requests++;
      w.requests++;
    }
    return {
      ok: !over,
      headers: {
        'X-RateLimit-Limit': `${limits.shortLimit},${limits.dailyLimit}`,
        'X-RateLimit-Usage': `${s.all},${d.all}`,
        'X-ReadRateLimit-Limit': `${limits.readShortLimit},${limits.readDailyLimit}`,
        'X-ReadRateLimit-Usage': `${s.read},${d.read}`,
      },
    };
  }

  function takeFault(method: string, path: string): FaultSpec | undefined {
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    );
    if (fault === undefined) return undefined;
    fault.left--;
    faults = faults.filter((f) => f.left > 0);
    stats.faultsInjected++;
    return fault;
  }

  function bearer(req: IncomingMessage): TokenRecord | undefined {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const rec = m?.[1] === undefined ? undefined : accessTokens.get(m[1]);
    if (rec === undefined || rec.expiresAtMs <= now()) return undefined;
    return rec;
  }

  function issue(athleteId: number, scope: string, lifetimeS = tokenLifetimeS): IssuedTokens {
    const accessToken = token();
    const refreshToken = token();
    const expiresAtMs = now() + lifetimeS * 1000;
    accessTokens.set(accessToken, { athleteId, scope, expiresAtMs });
    refreshTokens.set(refreshToken, { athleteId, scope });
    return { accessToken, refreshToken, expiresAt: Math.floor(expiresAtMs / 1000), scope };
  }

  function athleteJson(a: FakeAthlete, detailed: boolean): Record<string, unknown> {
    const base: Record<string, unknown> = {
      id: a.id,
      username: a.username,
      resource_state: detailed ? 3 : 2,
      firstname: a.firstname,
      lastname: a.lastname,
      bio: null,
      city: a.city,
      state: null,
      country: a.country,
      sex: a.sex,
      premium: false,
      summit: false,
      created_at: a.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      updated_at: a.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      badge_type_id: 0,
      weight: null,
      profile_medium: 'avatar/athlete/medium.png',
      profile: 'avatar/athlete/large.png',
      friend: null,
      follower: null,
    };
    if (detailed) {
      Object.assign(base, {
        follower_count: 0,
        friend_count: 0,
        measurement_preference: 'meters',
        ftp: null,
        clubs: [],
        bikes: [],
        shoes: [],
      });
    }
    return base;
  }

  function tokenResponse(t: IssuedTokens, athlete?: FakeAthlete): Record<string, unknown> {
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      expires_at: t.expiresAt,
      expires_in: Math.max(0, Math.round(t.expiresAt - now() / 1000)),
      refresh_token: t.refreshToken,
      access_token: t.accessToken,
    };
    if (athlete) body.athlete = athleteJson(athlete, false);
    return body;
  }

  function visible(a: FakeActivity | undefined, rec: TokenRecord): a is FakeActivity {
    if (a === undefined || a.athleteId !== rec.athleteId) return false;
    return !a.private || scopeHas(rec.scope, 'activity:read_all');
  }

  const canReadActivities = (rec: TokenRecord): boolean =>
    scopeHas(rec.scope, 'activity:read') || scopeHas(rec.scope, 'activity:read_all');
  const missingActivityScope = (): Reply =>
    err(401, 'Authorization Error', 'AccessToken', 'activity:read_permission', 'missing');

  function revokeAthlete(athleteId: number): void {
    for (const [t, rec] of accessTokens) if (rec.athleteId === athleteId) accessTokens.delete(t);
    for (const [t, rec] of refreshTokens) if (rec.athleteId === athleteId) refreshTokens.delete(t);
  }

  function track<T>(p: Promise<T>): Promise<T> {
    pendingEvents.add(p);
    void p.finally(() => pendingEvents.delete(p)).catch(() => undefined);
    return p;
  }

  async function sendEvent(
    input: Parameters<FakeStrava['sendEvent']>[0],
    sendOptions: { callbackUrl?: string; timeoutMs?: number } = {},
  ): Promise<WebhookDelivery> {
    const url = sendOptions.callbackUrl ?? subscription?.callbackUrl;
    if (url === undefined)
      throw new Error('fake Strava: no push subscription to send the event to');
    const event: WebhookEvent = {
      aspect_type: input.aspect_type,
      event_time: input.event_time ?? Math.floor(now() / 1000),
      object_id: input.object_id,
      object_type: input.object_type,
      owner_id: input.owner_id,
      subscription_id: input.subscription_id ?? subscription?.id ?? 0,
      updates: input.updates ?? {},
    };
    const started = performance.now();
    let status = 0;
    let body = '';
    let timedOut = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Strava Webhooks (fake)' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(sendOptions.timeoutMs ?? callbackTimeoutMs),
      });
      status = res.status;
      body = await res.text();
    } catch (e) {
      timedOut = e instanceof DOMException && e.name === 'TimeoutError';
    }
    const delivery: WebhookDelivery = {
      event,
      url,
      status,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      body,
      timedOut,
    };
    deliveries.push(delivery);
    return delivery;
  }

  async function notify(
    wanted: boolean | undefined,
    event: Parameters<FakeStrava['sendEvent']>[0],
  ): Promise<WebhookDelivery | undefined> {
    if (wanted === false || subscription === undefined) return undefined;
    return sendEvent(event);
  }

  async function challenge(callbackUrl: string, verifyToken: string): Promise<boolean> {
    const hubChallenge = randomBytes(12).toString('hex');
    let url: URL;
    try {
      url = new URL(callbackUrl);
    } catch {
      return false;
    }
    url.searchParams.set('hub.verify_token', verifyToken);
    url.searchParams.set('hub.challenge', hubChallenge);
    url.searchParams.set('hub.mode', 'subscribe');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(callbackTimeoutMs) });
      if (res.status !== 200) return false;
      const json = (await res.json()) as Record<string, unknown>;
      return json['hub.challenge'] === hubChallenge;
    } catch {
      return false;
    }
  }

  // --- routes ----------------------------------------------------------------------------------

  async function oauthRoute(
    req: IncomingMessage,
    method: string,
    path: string,
    params: Params,
  ): Promise<Reply> {
    if (method === 'GET' && (path === '/oauth/authorize' || path === '/oauth/mobile/authorize')) {
      authorizeRequests.push({ at: new Date(now()), query: { ...params } });
      if (params.client_id !== clientId)
        return err(400, 'Bad Request', 'Application', 'client_id', 'invalid');
      const redirect = params.redirect_uri;
      if (redirect === undefined || !/^https?:\/\//.test(redirect)) {
        return err(400, 'Bad Request', 'Application', 'redirect_uri', 'invalid');
      }
      const target = new URL(redirect);
      if (params.state !== undefined) target.searchParams.set('state', params.state);
      if (behaviour.deny) {
        target.searchParams.set('error', 'access_denied');
      } else {
        let athleteId = behaviour.athleteId ?? [...athletes.keys()][0];
        if (athleteId === undefined) athleteId = api.addAthlete().id;
        const requested = behaviour.scope ?? params.scope ?? 'read';
        const granted = [
          ...new Set(['read', ...requested.split(/[,\s]+/).filter((s) => s !== '')]),
        ].join(',');
        const code = token();
        codes.set(code, { athleteId, scope: granted });
        target.searchParams.set('code', code);
        target.searchParams.set('scope', granted);
      }
      return { status: 302, headers: { location: target.toString() }, body: '' };
    }
    if (method === 'POST' && path === '/oauth/token') {
      if (params.client_id !== clientId)
        return err(400, 'Bad Request', 'Application', 'client_id', 'invalid');
      if (params.client_secret !== clientSecret)
        return err(401, 'Authorization Error', 'Application', 'client_secret', 'invalid');
      if (params.grant_type === 'authorization_code') {
        const grant = params.code === undefined ? undefined : codes.get(params.code);
        if (grant === undefined || params.code === undefined)
          return err(400, 'Bad Request', 'AuthorizationCode', 'code', 'invalid');
        codes.delete(params.code);
        const athlete = athletes.get(grant.athleteId);
        return { status: 200, body: tokenResponse(issue(grant.athleteId, grant.scope), athlete) };
      }
      if (params.grant_type === 'refresh_token') {
        const old = params.refresh_token;
        const grant = old === undefined ? undefined : refreshTokens.get(old);
        if (grant === undefined || old === undefined)
          return err(400, 'Bad Request', 'RefreshToken', 'refresh_token', 'invalid');
        const fresh = issue(grant.athleteId, grant.scope);
        if (rotate) {
          refreshTokens.delete(old);
        } else {
          refreshTokens.delete(fresh.refreshToken);
          fresh.refreshToken = old;
        }
        return { status: 200, body: tokenResponse(fresh) };
      }
      return err(400, 'Bad Request', 'Application', 'grant_type', 'invalid');
    }
    if (method === 'POST' && path === '/oauth/deauthorize') {
      const given =
        params.access_token ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const rec = given === undefined ? undefined : accessTokens.get(given);
      if (rec === undefined || rec.expiresAtMs <= now()) return authError();
      revokeAthlete(rec.athleteId);
      if (subscription !== undefined) {
        void track(
          sendEvent({
            object_type: 'athlete',
            object_id: rec.athleteId,
            aspect_type: 'update',
            owner_id: rec.athleteId,
            updates: { authorized: 'false' },
          }),
        ).catch(() => undefined);
      }
      return { status: 200, body: { access_token: given } };
    }
    return { status: 404, body: { message: 'Not Found', errors: [] } };
  }

  async function pushRoute(method: string, path: string, params: Params): Promise<Reply> {
    if (params.client_id !== clientId)
      return err(400, 'Bad Request', 'Application', 'client_id', 'invalid');
    if (params.client_secret !== clientSecret)
      return err(401, 'Authorization Error', 'Application', 'client_secret', 'invalid');
    if (method === 'GET' && path === '/api/v3/push_subscriptions') {
      if (subscription === undefined) return { status: 200, body: [] };
      const at = subscription.createdAt.toISOString();
      return {
        status: 200,
        body: [
          {
            id: subscription.id,
            resource_state: 2,
            application_id: Number(clientId),
            callback_url: subscription.callbackUrl,
            created_at: at,
            updated_at: at,
          },
        ],
      };
    }
    if (method === 'POST' && path === '/api/v3/push_subscriptions') {
      const { callback_url: callbackUrl, verify_token: verifyToken } = params;
      if (callbackUrl === undefined)
        return err(400, 'Bad Request', 'PushSubscription', 'callback_url', 'missing');
      if (verifyToken === undefined)
        return err(400, 'Bad Request', 'PushSubscription', 'verify_token', 'missing');
      if (subscription !== undefined)
        return err(400, 'Bad Request', 'PushSubscription', '', 'already exists');
      if (!(await challenge(callbackUrl, verifyToken))) {
        return err(400, 'Bad Request', 'PushSubscription', 'callback url', 'not verifiable');
      }
      subscription = {
        id: nextSubscriptionId++,
        callbackUrl,
        verifyToken,
        createdAt: new Date(now()),
      };
      return { status: 201, body: { id: subscription.id } };
    }
    const m = /^\/api\/v3\/push_subscriptions\/(\d+)$/.exec(path);
    if (method === 'DELETE' && m) {
      if (subscription === undefined || subscription.id !== Number(m[1]))
        return notFound('PushSubscription');
      subscription = undefined;
      return { status: 204 };
    }
    return { status: 404, body: { message: 'Not Found', errors: [] } };
  }

  function apiRoute(req: IncomingMessage, method: string, path: string, params: Params): Reply {
    const rec = bearer(req);
    if (rec === undefined) return authError();
    if (method === 'GET' && path === '/api/v3/athlete') {
      const a = athletes.get(rec.athleteId);
      return a === undefined ? notFound('Athlete') : { status: 200, body: athleteJson(a, true) };
    }
    if (method === 'GET' && path === '/api/v3/athlete/activities') {
      if (!canReadActivities(rec)) return missingActivityScope();
      const nowS = now() / 1000;
      const before = params.before === undefined ? undefined : Number(params.before);
      const after = params.after === undefined ? undefined : Number(params.after);
      for (const [field, v] of [
        ['before', before],
        ['after', after],
      ] as const) {
        if (v !== undefined && !Number.isFinite(v))
          return err(400, 'Bad Request', 'Application', field, 'invalid');
      }
      if (after !== undefined && after > nowS + 86_400)
        return err(400, 'Bad Request', 'Application', 'after', 'future');
      const page = Math.max(1, Math.floor(Number(params.page ?? 1)) || 1);
      const perPage = Math.min(200, Math.max(1, Math.floor(Number(params.per_page ?? 30)) || 30));
      const ascending =
        options.ascendingWhenAfter === true && after !== undefined && before === undefined;
      const list = [...activities.values()]
        .filter((a) => visible(a, rec))
        .filter((a) => {
          const startS = a.startDate.getTime() / 1000;
          return (
            (before === undefined || startS < before) && (after === undefined || startS > after)
          );
        })
        .sort(
          (x, y) =>
            (ascending ? 1 : -1) * (x.startDate.getTime() - y.startDate.getTime() || x.id - y.id),
        );
      return {
        status: 200,
        body: list.slice((page - 1) * perPage, page * perPage).map(summaryJson),
      };
    }
    const m = /^\/api\/v3\/activities\/(\d+)(\/laps|\/streams)?$/.exec(path);
    if (method === 'GET' && m) {
      if (!canReadActivities(rec)) return missingActivityScope();
      const a = activities.get(Number(m[1]));
      if (!visible(a, rec)) return notFound('Activity');
      if (m[2] === '/laps') return { status: 200, body: lapsJson(a) };
      if (m[2] === '/streams') {
        const keys = (params.keys ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== '');
        return {
          status: 200,
          body: streamsJson(a, keys.length > 0 ? keys : ['time'], params.key_by_type === 'true'),
        };
      }
      return { status: 200, body: detailJson(a) };
    }
    return {
      status: 404,
      body: {
        message: 'Record Not Found',
        errors: [{ resource: 'Route', field: 'path', code: 'invalid' }],
      },
    };
  }

  function routeName(method: string, path: string): string {
    return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
  }

  const hanging = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const params = parseParams(url, req.headers['content-type'], await readBody(req));
    let headers: Record<string, string> = {};

    const isApi = path.startsWith('/api/v3/');
    if (isApi) {
      const limited = rateLimit(method === 'GET');
      headers = limited.headers;
      if (!limited.ok) {
        send(
          res,
          {
            status: 429,
            body: {
              message: 'Rate Limit Exceeded',
              errors: [{ resource: 'Application', field: 'rate limit', code: 'exceeded' }],
            },
          },
          headers,
        );
        return;
      }
      const name = routeName(method, path);
      stats.byRoute[name] = (stats.byRoute[name] ?? 0) + 1;
    }

    const fault = takeFault(method, path);
    if (fault !== undefined) {
      const mode = fault.mode ?? 'error';
      if (mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (mode === 'error') {
        send(
          res,
          { status: fault.status ?? 500, body: { message: 'Internal Server Error', errors: [] } },
          headers,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, fault.delayMs ?? 0));
    }

    let reply: Reply;
    if (path.startsWith('/oauth/')) reply = await oauthRoute(req, method, path, params);
    else if (path.startsWith('/api/v3/push_subscriptions'))
      reply = await pushRoute(method, path, params);
    else if (isApi) reply = apiRoute(req, method, path, params);
    else reply = { status: 404, body: { message: 'Not Found', errors: [] } };
    send(res, reply, headers);
  }

  function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
    const all: Record<string, string> = { ...headers, ...reply.headers };
    if (reply.body === undefined || reply.status === 204) {
      res.writeHead(reply.status, all).end();
      return;
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    if (typeof reply.body !== 'string') all['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(reply.status, all).end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, { status: 500, body: { message: String(e), errors: [] } }, {});
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const api: FakeStrava = {
    url,
    apiUrl: `${url}/api/v3`,
    oauthUrl: `${url}/oauth`,
    clientId,
    clientSecret,
    authorizeRequests,
    deliveries,

    addAthlete(input = {}) {
      const id = input.id ?? nextAthleteId++;
      const athlete: FakeAthlete = {
        id,
        username: input.username ?? `runner${id}`,
        firstname: input.firstname ?? 'Robin',
        lastname: input.lastname ?? `Runner ${id}`,
        sex: input.sex ?? 'F',
        city: input.city ?? 'Rotterdam',
        country: input.country ?? 'Netherlands',
        createdAt: new Date(now() - 5 * 365 * 86_400_000),
      };
      athletes.set(id, athlete);
      return athlete;
    },

    addActivity(athleteId, input = {}) {
      if (!athletes.has(athleteId)) throw new Error(`fake Strava: no athlete ${athleteId}`);
      const id = nextActivityId++;
      const sportType = input.sportType ?? 'Run';
      const startDate = input.startDate ?? new Date(now() - 3_600_000);
      const built = buildPoints(sportType, input, id);
      const activity: FakeActivity = {
        id,
        athleteId,
        name: input.name ?? defaultName(sportType, startDate, built.timezone),
        sportType,
        startDate,
        timezone: built.timezone,
        private: input.private ?? false,
        trainer: isTrainer(sportType),
        points: built.points,
        source: built.source,
        externalId: `fake-${id}.fit`,
      };
      activity.deviceName =
        input.deviceName ?? (sportType === 'Swim' ? 'Garmin Swim 2' : 'Garmin Forerunner 255');
      if (input.description !== undefined) activity.description = input.description;
      activities.set(id, activity);
      return activity;
    },

    generateActivities(athleteId, n, generate = {}) {
      const endAt = generate.endAt?.getTime() ?? now();
      const spacingMs = (generate.spacingHours ?? 14) * 3_600_000;
      const sports = generate.sports ?? GENERATED_SPORTS;
      const made: FakeActivity[] = [];
      for (let i = 0; i < n; i++) {
        const sportType = sports[i % sports.length] ?? 'Run';
        // Deterministic jitter of up to two hours, so starts are not on a grid.
        const jitter = ((i * 7919) % 120) * 60_000;
        made.push(
          api.addActivity(athleteId, {
            sportType,
            startDate: new Date(endAt - (i + 1) * spacingMs + jitter),
            private: i % 10 === 3,
          }),
        );
      }
      return made;
    },

    activity: (id) => activities.get(id),
    activitiesOf: (athleteId) =>
      [...activities.values()]
        .filter((a) => a.athleteId === athleteId)
        .sort((x, y) => y.startDate.getTime() - x.startDate.getTime()),

    async publishActivity(athleteId, input) {
      const activity = api.addActivity(athleteId, input);
      const delivery = await notify(true, {
        object_type: 'activity',
        object_id: activity.id,
        aspect_type: 'create',
        owner_id: athleteId,
      });
      return delivery === undefined ? { activity } : { activity, delivery };
    },

    async updateActivity(id, changes, updateOptions = {}) {
      const a = activities.get(id);
      if (a === undefined) throw new Error(`fake Strava: no activity ${id}`);
      const updates: Record<string, string> = {};
      if (changes.name !== undefined) {
        a.name = changes.name;
        updates.title = changes.name;
      }
      if (changes.sportType !== undefined) {
        a.sportType = changes.sportType;
        updates.type = changes.sportType;
      }
      if (changes.private !== undefined) {
        a.private = changes.private;
        updates.private = String(changes.private);
      }
      return notify(updateOptions.notify, {
        object_type: 'activity',
        object_id: id,
        aspect_type: 'update',
        owner_id: a.athleteId,
        updates,
      });
    },

    async deleteActivity(id, deleteOptions = {}) {
      const a = activities.get(id);
      if (a === undefined) throw new Error(`fake Strava: no activity ${id}`);
      activities.delete(id);
      return notify(deleteOptions.notify, {
        object_type: 'activity',
        object_id: id,
        aspect_type: 'delete',
        owner_id: a.athleteId,
      });
    },

    async deauthorizeAthlete(athleteId, deauthOptions = {}) {
      revokeAthlete(athleteId);
      return notify(deauthOptions.notify, {
        object_type: 'athlete',
        object_id: athleteId,
        aspect_type: 'update',
        owner_id: athleteId,
        updates: { authorized: 'false' },
      });
    },

    issueTokens(athleteId, issueOptions = {}) {
      if (!athletes.has(athleteId)) throw new Error(`fake Strava: no athlete ${athleteId}`);
      return issue(
        athleteId,
        issueOptions.scope ?? 'read,activity:read_all',
        issueOptions.lifetimeS,
      );
    },

    expireAccessTokens(athleteId) {
      for (const rec of accessTokens.values()) {
        if (athleteId === undefined || rec.athleteId === athleteId)
          rec.expiresAtMs = Math.min(rec.expiresAtMs, now() - 1);
      }
    },

    setTokenLifetime(seconds) {
      tokenLifetimeS = seconds;
    },

    setAuthorizeBehaviour(b) {
      behaviour = { ...b };
    },

    setRateLimits(l) {
      limits = { ...limits, ...l };
    },

    subscription: () => subscription,
    sendEvent: (event, sendOptions) => sendEvent(event, sendOptions),

    async flushEvents() {
      while (pendingEvents.size > 0) await Promise.allSettled([...pendingEvents]);
    },

    injectFault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },

    clearFaults() {
      faults = [];
    },

    stats() {
      return {
        ...stats,
        byRoute: { ...stats.byRoute },
        windows: [...windowStats.values()]
          .sort((a, b) => a.windowStart - b.windowStart)
          .map((w) => ({ ...w })),
      };
    },

    resetStats() {
      stats = { requests: 0, rateLimited: 0, faultsInjected: 0, byRoute: {}, windows: [] };
      windowStats.clear();
    },

    async close() {
      for (const res of hanging) res.destroy();
      await api.flushEvents();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return api;
}
