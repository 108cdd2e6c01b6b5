// Every error leaves the API as {"error": {"code", "message"}} with the status of its meaning.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '#shared/errors';

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

export function createErrorHandler(log: (message: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof AppError) {
      res.status(STATUS[err.code]).json({ error: { code: err.code, message: err.message } });
      return;
    }
    if (err instanceof ZodError) {
      res.status(400).json({ error: { code: 'bad_input', message: describeZodError(err) } });
      return;
    }
    const e = err as { type?: string; status?: number; message?: string };
    // body-parser's own errors: malformed JSON, body too large.
    if (e.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ error: { code: 'bad_input', message: 'the request body is not valid JSON' } });
      return;
    }
    if (e.type === 'entity.too.large') {
      res
        .status(413)
        .json({ error: { code: 'too_large', message: 'the request body is too large' } });
      return;
    }
    log(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({
      error: { code: 'internal', message: 'something went wrong on our side; try again' },
    });
  };
}
