// A fake Strava for tests: a real HTTP server on 127.0.0.1 (port 0) that speaks Strava's OAuth,
// API v3 and push-subscription protocols, sends webhook events, and enforces Strava's rate
// limits with Strava's headers and 429s, in windows whose length tests can shorten.
// See README.md beside this file for what it imitates, where it simplifies, and which file holds
// which part; this one starts the server and builds the handle tests drive.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActivityInput, FakeActivity, SportType } from './activities.ts';
import { apiRoute } from './api-routes.ts';
import { buildPoints } from './build-points.ts';
import { createFaults } from './faults.ts';
import { parseParams, readBody, routeName, send, type Reply } from './http.ts';
import { oauthRoute } from './oauth-routes.ts';
import { pushRoute } from './push-routes.ts';
import { createRateLimitCounter, STRAVA_DEFAULT_LIMITS } from './rate-limits.ts';
import { defaultName, GENERATED_SPORTS, isTrainer } from './sport-shapes.ts';
import type { FakeState } from './state.ts';
import { createTokenStore } from './tokens.ts';
import type { FakeAthlete, FakeRequest, FakeStrava, FakeStravaOptions } from './types.ts';
import { createWebhooks } from './webhooks.ts';

export type { ActivityInput, FakeActivity, SportType };
export type * from './types.ts';

export async function startFakeStrava(options: FakeStravaOptions = {}): Promise<FakeStrava> {
  const now = options.now ?? Date.now;
  const rate = createRateLimitCounter({
    now,
    shortMs: options.shortWindowMs ?? 15 * 60 * 1000,
    dayMs: options.dailyWindowMs ?? 24 * 60 * 60 * 1000,
    limits: { ...STRAVA_DEFAULT_LIMITS, ...options.rateLimits },
  });
  const faults = createFaults(() => rate.countFault());
  let nextAthleteId = 1_000_001;
  let nextActivityId = 10_000_000_001;
  const state: FakeState = {
    clientId: options.clientId ?? '12345',
    clientSecret: options.clientSecret ?? 'fake-client-secret',
    now,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    ascendingWhenAfter: options.ascendingWhenAfter === true,
    listOrder: options.listOrder ?? 'newest-first',
    athleteCapacity: options.athleteCapacity,
    connectedAthletes: new Set(),
    athletes: new Map(),
    activities: new Map(),
    tokens: createTokenStore(now, options.tokenLifetimeS ?? 6 * 60 * 60),
    webhooks: createWebhooks({
      now,
      callbackTimeoutMs: options.callbackTimeoutMs ?? 2000,
      subscription: () => state.subscription,
    }),
    authorizeRequests: [],
    behaviour: {},
    subscription: undefined,
    nextSubscriptionId: 1,
    addAthlete: () => api.addAthlete(),
  };
  const { athletes, activities, tokens, webhooks } = state;

  const hanging = new Set<ServerResponse>();
  let requestLog: FakeRequest[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const params = parseParams(url, req.headers['content-type'], await readBody(req));
    let headers: Record<string, string> = {};

    const isApi = path.startsWith('/api/v3/');
    const logged = (status: number): void => {
      if (!isApi) return;
      const activity = /^\/api\/v3\/activities\/(\d+)/.exec(path)?.[1];
      requestLog.push({
        method,
        route: routeName(method, path),
        path,
        athleteId: tokens.bearer(req)?.athleteId,
        activityId: activity === undefined ? undefined : Number(activity),
        query: Object.fromEntries(url.searchParams),
        status,
      });
    };
    if (isApi) {
      const limited = rate.take(method === 'GET');
      headers = limited.headers;
      if (!limited.ok) {
        logged(429);
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
      rate.countRoute(routeName(method, path));
    }

    const fault = faults.take(method, path);
    if (fault !== undefined) {
      const mode = fault.mode ?? 'error';
      if (mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (mode === 'error') {
        logged(fault.status ?? 500);
        send(
          res,
          {
            status: fault.status ?? 500,
            body: fault.body ?? { message: 'Internal Server Error', errors: [] },
          },
          headers,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, fault.delayMs ?? 0));
    }

    let reply: Reply;
    if (path.startsWith('/oauth/')) reply = await oauthRoute(state, req, method, path, params);
    else if (path.startsWith('/api/v3/push_subscriptions'))
      reply = await pushRoute(state, method, path, params);
    else if (isApi) reply = apiRoute(state, req, method, path, params);
    else reply = { status: 404, body: { message: 'Not Found', errors: [] } };
    logged(reply.status);
    send(res, reply, headers);
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
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    authorizeRequests: state.authorizeRequests,
    deliveries: webhooks.deliveries,

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
      const trainer = input.trainer ?? isTrainer(sportType);
      const built =
        input.manual !== undefined
          ? { points: [], source: 'manual', timezone: input.timezone ?? 'UTC' }
          : buildPoints(sportType, input, id, trainer);
      const activity: FakeActivity = {
        id,
        athleteId,
        name: input.name ?? defaultName(sportType, startDate, built.timezone),
        sportType,
        startDate,
        timezone: built.timezone,
        private: input.private ?? false,
        trainer,
        points: built.points,
        source: built.source,
        externalId: `fake-${id}.fit`,
      };
      activity.deviceName =
        input.deviceName ?? (sportType === 'Swim' ? 'Garmin Swim 2' : 'Garmin Forerunner 255');
      if (input.description !== undefined) activity.description = input.description;
      if (input.manual !== undefined) {
        activity.manual = { ...input.manual };
        delete activity.deviceName;
      }
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
      const delivery = await webhooks.notify(true, {
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
      return webhooks.notify(updateOptions.notify, {
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
      return webhooks.notify(deleteOptions.notify, {
        object_type: 'activity',
        object_id: id,
        aspect_type: 'delete',
        owner_id: a.athleteId,
      });
    },

    async deauthorizeAthlete(athleteId, deauthOptions = {}) {
      tokens.revokeAthlete(athleteId);
      state.connectedAthletes.delete(athleteId);
      return webhooks.notify(deauthOptions.notify, {
        object_type: 'athlete',
        object_id: athleteId,
        aspect_type: 'update',
        owner_id: athleteId,
        updates: { authorized: 'false' },
      });
    },

    issueTokens(athleteId, issueOptions = {}) {
      if (!athletes.has(athleteId)) throw new Error(`fake Strava: no athlete ${athleteId}`);
      return tokens.issue(
        athleteId,
        issueOptions.scope ?? 'read,activity:read_all',
        issueOptions.lifetimeS,
      );
    },

    expireAccessTokens: (athleteId) => tokens.expireAccessTokens(athleteId),

    setTokenLifetime(seconds) {
      tokens.lifetimeS = seconds;
    },

    setAuthorizeBehaviour(b) {
      state.behaviour = { ...b };
    },

    setRateLimits(l) {
      rate.limits = { ...rate.limits, ...l };
    },

    subscription: () => state.subscription,
    setSubscription(input) {
      state.subscription = {
        id: state.nextSubscriptionId++,
        callbackUrl: input.callbackUrl,
        verifyToken: input.verifyToken ?? 'another-install',
        createdAt: new Date(now()),
      };
      return state.subscription;
    },
    setAthleteCapacity(capacity) {
      state.athleteCapacity = capacity;
    },
    setListOrder(order) {
      state.listOrder = order;
    },
    requests: () => requestLog,
    sendEvent: (event, sendOptions) => webhooks.send(event, sendOptions),
    flushEvents: () => webhooks.flush(),
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    stats: () => rate.stats(),
    resetStats: () => {
      rate.resetStats();
      requestLog = [];
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
