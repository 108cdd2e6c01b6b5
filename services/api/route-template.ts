// The route template of a request ('/api/athletes/:id/checkins'), for request logs and latency
// metrics: labelled by template, a histogram has one series per route, not one per athlete id.
// Express keeps only the last matched route (req.route) and restores the concrete base URL when an
// error unwinds the routers, so the template is taken at the moment the route matches.
import type { Request, RequestHandler } from 'express';

const templates = new WeakMap<Request, string>();

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

function templateOf(baseUrl: string, routePath: unknown): string {
  // A mount path's parameters (/athletes/:athleteId) are ids by the time they reach baseUrl.
  const base = baseUrl
    .split('/')
    .map((s) => (ID_SEGMENT.test(s) ? ':id' : s))
    .join('/');
  const path = typeof routePath === 'string' ? routePath : '*';
  return `${base}${path === '/' && base !== '' ? '' : path}`;
}

/** Installs the hook that notes the template when a route matches; mount it first. */
export const trackRouteTemplate: RequestHandler = (req, _res, next) => {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      if (value) templates.set(req, templateOf(req.baseUrl, value.path));
    },
  });
  next();
};

/** The matched route's template, or 'unmatched' (unknown API paths, static files). */
export const routeTemplateOf = (req: Request): string => templates.get(req) ?? 'unmatched';
