// One error type per meaning. The API maps each to an HTTP status in one handler; workers use
// `retryable` to tell BullMQ whether trying again can help.

export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'upstream_unavailable';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  constructor(
    code: ErrorCode,
    message: string,
    options?: { retryable?: boolean; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options?.retryable ?? false;
  }
}

/** The input cannot be used as it is; retrying the same input will not help. */
export class BadInputError extends AppError {
  /** A more specific machine-readable reason, e.g. 'gpx_no_time' or 'fit_truncated'. */
  readonly reason: string;
  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super('bad_input', message, options);
    this.reason = reason;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'not found') {
    super('not_found', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'forbidden') {
    super('forbidden', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'sign in first') {
    super('unauthorized', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class TooLargeError extends AppError {
  constructor(message: string) {
    super('too_large', message);
  }
}

/** A dependency (Strava, the database) is unavailable for now; try again later. */
export class UpstreamUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('upstream_unavailable', message, { retryable: true, cause: options?.cause });
  }
}
