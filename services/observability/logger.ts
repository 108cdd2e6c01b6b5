// Structured logs: one JSON object per line (pino), so an operator's log pipeline can filter by
// level, request id, route or job. Request lines carry only the method, the route template, the
// status and the time taken: never bodies, query strings, cookies or tokens. As a second line of
// defence, fields that hold secrets or health data are censored wherever they appear (two levels
// deep), so a careless `log.info({ user })` does not leak them.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Field names whose values never reach a log line. */
export const REDACTED_FIELDS = [
  'password',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'cookie',
  'authorization',
  'email',
  'notes',
  'note',
  'body',
  'kind',
] as const;

const redactPaths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

export function createLogger(options: {
  level: LogLevel;
  /** Where the lines go (default: stdout). Tests pass a stream of their own. */
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'hipcheck' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing: for tests and tools that pass no logger. */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** The `(message) => void` the rest of the code takes, writing info lines to `logger`. */
export const logFunctionOf =
  (logger: Logger) =>
  (message: string): void =>
    logger.info(message);
