// The fake Strava's answer to one request: Strava's rate limits first, then an injected fault, then
// the route (OAuth, push subscriptions, API v3); every API request is logged with its status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiRoute } from './api-routes.ts';
import type { Faults } from './faults.ts';
import { parseParams, readBody, routeName, send, type Reply } from './http.ts';
import { oauthRoute } from './oauth-routes.ts';
import { pushRoute } from './push-routes.ts';
import type { RateLimitCounter } from './rate-limits.ts';
import type { FakeState } from './state.ts';
import type { FakeRequest } from './types.ts';

export interface RequestHandlerDeps {
  state: FakeState;
  rate: RateLimitCounter;
  faults: Faults;
  /** Responses a 'hang' fault holds open, until they close or the server does. */
  hanging: Set<ServerResponse>;
  log: (request: FakeRequest) => void;
}

export function createRequestHandler(
  deps: RequestHandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { state, rate, faults, hanging } = deps;
  const { tokens } = state;

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
      deps.log({
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
  return handle;
}
