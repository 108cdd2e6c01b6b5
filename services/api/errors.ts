// Every error leaves the API as {"error": {"code", "message", "requestId"}} with the status of its
// meaning; the request id is the one on the request's log lines, so a runner's report of an error
// leads an operator to them.
import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '#shared/errors';
import type { Logger } from '#services/observability/logger';
import { requestIdOf, requestLogOf } from './request-context.ts';

const STATUS: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  upstream_unavailable: 503,
};

export function describeZodError(err: ZodError): string {
  return err.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function sendError(res: Response, status: number, code: string, message: string): void {
  const requestId = requestIdOf(res);
  res.status(status).json({ error: { code, message, ...(requestId ? { requestId } : {}) } });
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof AppError) return sendError(res, STATUS[err.code], err.code, err.message);
    if (err instanceof ZodError) return sendError(res, 400, 'bad_input', describeZodError(err));
    const e = err as { type?: string; status?: number; message?: string };
    // body-parser's own errors: malformed JSON, body too large.
    if (e.type === 'entity.parse.failed')
      return sendError(res, 400, 'bad_input', 'the request body is not valid JSON');
    if (e.type === 'entity.too.large')
      return sendError(res, 413, 'too_large', 'the request body is too large');
    requestLogOf(res, logger).error({ err }, 'unexpected error');
    sendError(res, 500, 'internal', 'something went wrong on our side; try again');
  };
}
