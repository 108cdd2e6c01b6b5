// Every request gets an id (a sane X-Request-Id from a proxy in front, or a new UUID), sent back in
// the X-Request-Id header and in every error answer, and a child logger that puts it on every line
// logged about the request. When the answer is sent, one line records the method, the route
// template, the status and the time taken (never the URL's query, a body or a header).
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '#services/observability/logger';
import { routeTemplateOf } from './route-template.ts';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

interface RequestLocals {
  requestId?: string;
  log?: Logger;
}

export const requestIdOf = (res: Response): string | undefined =>
  (res.locals as RequestLocals).requestId;

/** The request's logger (with its request id), or `fallback` outside a request. */
export const requestLogOf = (res: Response, fallback: Logger): Logger =>
  (res.locals as RequestLocals).log ?? fallback;

export function requestContext(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next) => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    const locals = res.locals as RequestLocals;
    locals.requestId = requestId;
    locals.log = logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        method: req.method,
        route: routeTemplateOf(req),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      };
      if (res.statusCode >= 500) locals.log?.error(line, 'request failed');
      // Probes come every few seconds: their lines only at LOG_LEVEL=debug.
      else if (PROBES.has(line.route)) locals.log?.debug(line, 'request');
      else locals.log?.info(line, 'request');
    });
    next();
  };
}
