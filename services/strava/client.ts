// The Strava API client: strava-v3 builds the endpoints and query strings; the transport below
// (handed to `new strava.client(token, request)`) sends them to `apiUrl` (STRAVA_API_URL) with
// fetch, through the shared rate limiter, and turns failures into our error classes.
//
// strava-v3's default transport is a module-wide axios instance fixed to www.strava.com; its only
// per-client hook is that request function, so that is where the base URL, timeout, rate limiting
// and error mapping live.
import strava from 'strava-v3';
import type {
  DetailedActivity,
  DetailedAthlete,
  Lap,
  RequestHandler,
  RequestOptions,
  StravaClientInstance,
  SummaryActivity,
} from 'strava-v3';
import { BadInputError, NotFoundError, UpstreamUnavailableError } from '../../shared/errors.ts';
import { RateLimitedError, StravaScopeError, StravaTokenError } from './errors.ts';
import type { AcquireOptions, AcquireResult, RequestKind, RequestLane } from './rate-limiter.ts';
import type { HeaderSource } from './parse-rate-limit-headers.ts';

export type { DetailedActivity, DetailedAthlete, Lap, SummaryActivity };

export type StreamKey =
  | 'time'
  | 'latlng'
  | 'distance'
  | 'altitude'
  | 'heartrate'
  | 'cadence'
  | 'velocity_smooth'
  | 'moving'
  | 'watts'
  | 'temp'
  | 'grade_smooth';

export interface StravaStream<T> {
  data: T[];
  series_type: 'distance' | 'time';
  original_size: number;
  resolution: 'low' | 'medium' | 'high';
}

/** GET /activities/:id/streams?key_by_type=true: only the streams the activity has are present. */
export interface StreamsByType {
  time?: StravaStream<number>;
  latlng?: StravaStream<[number, number]>;
  distance?: StravaStream<number>;
  altitude?: StravaStream<number>;
  heartrate?: StravaStream<number>;
  cadence?: StravaStream<number>;
  velocity_smooth?: StravaStream<number>;
  moving?: StravaStream<boolean>;
  watts?: StravaStream<number>;
  temp?: StravaStream<number>;
  grade_smooth?: StravaStream<number>;
}

export const DEFAULT_STREAM_KEYS: readonly StreamKey[] = [
  'time',
  'latlng',
  'distance',
  'altitude',
  'heartrate',
  'cadence',
  'velocity_smooth',
  'moving',
];

/** The part of the rate limiter the client uses (see rate-limiter.ts). */
export interface ClientRateLimiter {
  acquire(kind: RequestKind, options?: AcquireOptions): Promise<AcquireResult>;
  record(headers: HeaderSource, acquiredAt?: number): Promise<void>;
  onRateLimited(headers: HeaderSource, acquiredAt?: number): Promise<Date>;
}

export interface StravaClientOptions {
  /** e.g. https://www.strava.com/api/v3 */
  apiUrl: string;
  limiter: ClientRateLimiter;
  /**
   * The athlete's current access token (refreshed before expiry by the caller). After a 401 the
   * client asks once more with forceRefresh: true and retries if it gets a different token.
   */
  getAccessToken: (options: { forceRefresh: boolean }) => Promise<string>;
  /** Per request; default 15 s. A timeout becomes UpstreamUnavailableError. */
  timeoutMs?: number;
  /**
   * The longest the client waits for rate-limit budget before throwing RateLimitedError (with
   * retryAt) instead; default 16 minutes: it waits out a quarter hour, not a day.
   */
  maxWaitMs?: number;
  /** Whose requests these are (rate-limiter.ts): default 'live'. */
  lane?: RequestLane;
  fetch?: typeof fetch;
}

export interface ListActivitiesOptions {
  /** Only activities that started after this instant. */
  after?: Date;
  /** Only activities that started before this instant. */
  before?: Date;
  /** 1-based; default 1. */
  page?: number;
  /** 1 to 200; default 30 (Strava's default). */
  perPage?: number;
}

export interface StravaClient {
  listActivities(options?: ListActivitiesOptions): Promise<SummaryActivity[]>;
  getActivity(id: number | string): Promise<DetailedActivity>;
  getLaps(id: number | string): Promise<Lap[]>;
  getStreams(id: number | string, keys?: readonly StreamKey[]): Promise<StreamsByType>;
  getAthlete(): Promise<DetailedAthlete>;
  /**
   * Takes `n` read requests from the budget at once, all or none (RateLimitedError when they do
   * not come within maxWaitMs); the client's next `n` reads use them. Fetching one activity this
   * way never stops halfway for lack of budget and pays for its first request twice.
   */
  reserveReads(n: number): Promise<void>;
}

interface StravaErrorBody {
  message?: string;
  errors?: { resource?: string; field?: string; code?: string }[];
}

function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200);
  return (JSON.stringify(body) ?? '').slice(0, 200);
}

function isScopeError(body: unknown): boolean {
  const errors = (body as StravaErrorBody | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => /permission/.test(e.field ?? ''));
}

export function createStravaClient(options: StravaClientOptions): StravaClient {
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxWaitMs = options.maxWaitMs ?? 16 * 60 * 1000;
  const doFetch = options.fetch ?? fetch;
  const limiter = options.limiter;
  const lane = options.lane ?? 'live';
  const prepaid = { reads: 0, acquiredAt: 0 };

  function budgetError(slot: { retryAt: Date; reason: 'short' | 'daily' }): RateLimitedError {
    const budget =
      slot.reason !== 'daily'
        ? "Strava's 15-minute budget is"
        : lane === 'backfill'
          ? "the backfills' share of Strava's daily budget is"
          : "Strava's daily budget is";
    return new RateLimitedError(
      slot.retryAt,
      `${budget} used up; next batch at ${slot.retryAt.toISOString()}`,
    );
  }

  const request: RequestHandler = async (req: RequestOptions) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url, base);
    const what = `${method} ${url.pathname}`;
    const kind: RequestKind = method === 'GET' ? 'read' : 'write';

    let slot: AcquireResult;
    if (kind === 'read' && prepaid.reads > 0) {
      prepaid.reads -= 1;
      slot = { ok: true, acquiredAt: prepaid.acquiredAt };
    } else {
      slot = await limiter.acquire(kind, { maxWaitMs, lane });
    }
    if (!slot.ok) throw budgetError(slot);

    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries(req.headers ?? {})) {
      if (typeof value === 'string') headers[name] = value;
    }
    let body: string | undefined;
    if (req.form !== undefined && Object.keys(req.form).length > 0) {
      body = new URLSearchParams(
        Object.entries(req.form).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (typeof req.body === 'string' && req.body !== '') {
      body = req.body;
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }

    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
      throw new UpstreamUnavailableError(
        timedOut
          ? `Strava did not answer ${what} within ${timeoutMs} ms; try again later`
          : `Strava could not be reached for ${what}: ${String(cause)}; try again later`,
        { cause },
      );
    }

    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }

    const status = response.status;
    if (status === 429) {
      const retryAt = await limiter.onRateLimited(response.headers, slot.acquiredAt);
      throw new RateLimitedError(
        retryAt,
        `Strava answered 429 to ${what}; try again at ${retryAt.toISOString()}`,
      );
    }
    await limiter.record(response.headers, slot.acquiredAt);

    if (status >= 200 && status < 300) {
      return { headers: Object.fromEntries(response.headers), body: parsed ?? {} };
    }
    if (status === 401) {
      if (isScopeError(parsed)) {
        throw new StravaScopeError(
          `Strava refused ${what}: the runner did not allow Hipcheck to read their activities; ` +
            `connect Strava again and tick "View data about your private activities"`,
        );
      }
      throw new StravaTokenError(
        'access_token_rejected',
        `Strava refused the access token for ${what}`,
      );
    }
    if (status === 403) {
      throw new StravaScopeError(`Strava forbids ${what}: ${describeBody(parsed)}`);
    }
    if (status === 404)
      throw new NotFoundError(`Strava has no ${url.pathname.replace(/^.*\/api\/v3/, '')}`);
    if (status >= 500) {
      throw new UpstreamUnavailableError(`Strava answered ${status} to ${what}; try again later`);
    }
    throw new BadInputError(
      'strava_rejected',
      `Strava answered ${status} to ${what}: ${describeBody(parsed)}`,
    );
  };

  async function call<T>(run: (api: StravaClientInstance) => Promise<T>): Promise<T> {
    const token = await options.getAccessToken({ forceRefresh: false });
    try {
      return await run(new strava.client(token, request));
    } catch (error) {
      if (!(error instanceof StravaTokenError) || error.reason !== 'access_token_rejected') {
        throw error;
      }
      const fresh = await options.getAccessToken({ forceRefresh: true });
      if (fresh === token) throw error;
      return await run(new strava.client(fresh, request));
    }
  }

  const idOf = (id: number | string): string => {
    const s = String(id);
    if (!/^\d+$/.test(s))
      throw new BadInputError('strava_bad_id', `invalid Strava activity id: ${s}`);
    return s;
  };

  return {
    async listActivities(list = {}) {
      const perPage = list.perPage ?? 30;
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
        throw new BadInputError('strava_bad_page', `invalid perPage: ${perPage} (1 to 200)`);
      }
      const page = list.page ?? 1;
      if (!Number.isInteger(page) || page < 1) {
        throw new BadInputError('strava_bad_page', `invalid page: ${page}`);
      }
      const args: { page: number; per_page: number; after?: number; before?: number } = {
        page,
        per_page: perPage,
      };
      if (list.after !== undefined) args.after = Math.floor(list.after.getTime() / 1000);
      if (list.before !== undefined) args.before = Math.floor(list.before.getTime() / 1000);
      return await call((api) => api.athlete.listActivities(args));
    },

    async getActivity(id) {
      const activityId = idOf(id);
      return await call((api) => api.activities.get({ id: activityId }));
    },

    async getLaps(id) {
      const activityId = idOf(id);
      return await call((api) => api.activities.listLaps({ id: activityId }));
    },

    async getStreams(id, keys = DEFAULT_STREAM_KEYS) {
      const activityId = idOf(id);
      const result = await call((api) =>
        api.streams.activity({ id: activityId, keys: [...keys], key_by_type: true }),
      );
      // strava-v3 types streams as an array; with key_by_type=true Strava sends an object.
      return result as unknown as StreamsByType;
    },

    getAthlete() {
      return call((api) => api.athlete.get());
    },

    async reserveReads(n) {
      const slot = await limiter.acquire('read', { maxWaitMs, lane, count: n });
      if (!slot.ok) throw budgetError(slot);
      prepaid.reads += n;
      prepaid.acquiredAt = slot.acquiredAt;
    },
  };
}
