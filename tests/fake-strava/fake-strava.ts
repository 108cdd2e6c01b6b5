// A fake Strava for tests: a real HTTP server on 127.0.0.1 (port 0) that speaks Strava's OAuth,
// API v3 and push-subscription protocols, sends webhook events, and enforces Strava's rate
// limits with Strava's headers and 429s, in windows whose length tests can shorten.
// See README.md beside this file for what it imitates, where it simplifies, and which file holds
// which part; this one starts the server and builds the handle tests drive.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActivityInput, FakeActivity, SportType } from './activities.ts';
import { createFaults } from './faults.ts';
import { send } from './http.ts';
import { createRateLimitCounter, STRAVA_DEFAULT_LIMITS } from './rate-limits.ts';
import { createRequestHandler } from './request-handler.ts';
import type { FakeState } from './state.ts';
import { createTokenStore } from './tokens.ts';
import type { FakeRequest, FakeStrava, FakeStravaOptions } from './types.ts';
import { createWebhooks } from './webhooks.ts';
import { createWorld } from './world.ts';

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
  const { tokens, webhooks } = state;
  const world = createWorld(state);

  const hanging = new Set<ServerResponse>();
  let requestLog: FakeRequest[] = [];

  const handle = createRequestHandler({
    state,
    rate,
    faults,
    hanging,
    log: (request) => {
      requestLog.push(request);
    },
  });

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

    ...world,

    issueTokens(athleteId, issueOptions = {}) {
      if (!state.athletes.has(athleteId)) throw new Error(`fake Strava: no athlete ${athleteId}`);
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
