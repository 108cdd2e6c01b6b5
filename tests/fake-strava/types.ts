// The fake Strava's public shapes: its options, what it records, and the FakeStrava handle that
// startFakeStrava() (fake-strava.ts) returns to tests.
import type { ActivityInput, FakeActivity, SportType } from './activities.ts';

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
  /**
   * The order of every activity list, whatever the parameters: Strava documents none, and
   * clients disagree. Default 'newest-first' (with ascendingWhenAfter as above).
   */
  listOrder?: ListOrder;
  /**
   * Strava's "athlete capacity" of an app it has not reviewed (1 in single-player mode): one more
   * athlete is stopped on the authorize page with Strava's 403 "Limit of connected athletes
   * exceeded". Default: no limit.
   */
  athleteCapacity?: number;
}

export type ListOrder = 'newest-first' | 'oldest-first';

/** One /api/v3 request as the fake saw it, in the order served. */
export interface FakeRequest {
  method: string;
  /** e.g. 'GET /api/v3/activities/:id/streams'. */
  route: string;
  path: string;
  /** The athlete of the bearer token, when it was valid. */
  athleteId: number | undefined;
  /** The activity in the path, if any. */
  activityId: number | undefined;
  query: Record<string, string>;
  status: number;
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
  /** The answer's JSON ('error' mode); default Strava's "Internal Server Error" body. */
  body?: unknown;
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
  /** A subscription made elsewhere (another install of the same app), without a challenge. */
  setSubscription(input: { callbackUrl: string; verifyToken?: string }): PushSubscription;
  /** Changes the app's athlete capacity (FakeStravaOptions.athleteCapacity); undefined: none. */
  setAthleteCapacity(capacity: number | undefined): void;
  /** Changes the order of every activity list from now on. */
  setListOrder(order: ListOrder): void;
  /** Every /api/v3 request since the start (or the last resetStats), in order. */
  requests(): readonly FakeRequest[];
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
