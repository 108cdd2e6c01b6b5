// GET /metrics in Prometheus' text format, only with `Authorization: Bearer <METRICS_TOKEN>`: the
// figures (routes, queue depth, job failures) are for the operator, not the public. And the
// middleware that times each request by route template.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Metrics } from '#services/observability/metrics';
import { routeTemplateOf } from './route-template.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Whether an Authorization header carries `token` (compared in constant time). */
export function isBearer(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  return m?.[1] !== undefined && timingSafeEqual(sha256(m[1]), sha256(token));
}

export function metricsEndpoint(metrics: Metrics, token: string): RequestHandler {
  return async (req, res) => {
    if (!isBearer(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).type('text/plain').send('metrics need the bearer token (METRICS_TOKEN)\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () =>
      stop({ method: req.method, route: routeTemplateOf(req), status: String(res.statusCode) }),
    );
    next();
  };
}
