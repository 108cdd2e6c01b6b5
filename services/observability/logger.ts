// Structured logs: one JSON object per line (pino), so an operator's log pipeline can filter by
// level, request id, route or job. Request lines carry only the method, the route template, the
// status and the time taken: never bodies, query strings, cookies or tokens. As a second line of
// defence, fields that hold secrets or health data are censored wherever they appear (two levels
// deep), so a careless `log.info({ user })` does not leak them. At a terminal (`npm start` by hand)
// the same lines are printed for a person to read.
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

/**
 * One JSON line made readable for a person at a terminal: "14:02:07 info  msg key=value …", with
 * an error's stack on the lines after.
 */
export function prettyLine(json: string): string {
  const {
    level,
    time,
    msg,
    service: _s,
    err,
    ...rest
  } = JSON.parse(json) as Record<string, unknown>;
  const extra = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  const stack = (err as { stack?: string } | undefined)?.stack;
  return `${String(time).slice(11, 19)} ${String(level).padEnd(5)} ${String(msg ?? '')}${
    extra ? ` ${extra}` : ''
  }${stack ? `\n${stack}` : ''}\n`;
}

export function createLogger(options: {
  level: LogLevel;
  /** Where the lines go (default: stdout). Tests pass a stream of their own. */
  destination?: DestinationStream;
  /** Lines for a person (a terminal) instead of JSON for a log pipeline. */
  pretty?: boolean;
}): Logger {
  const out = options.destination ?? pino.destination({ dest: 1, sync: true });
  const destination = options.pretty
    ? { write: (line: string) => out.write(prettyLine(line)) }
    : out;
  return pino(
    {
      level: options.level,
      base: { service: 'hipcheck' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
}

/** A logger that writes nothing: for tests and tools that pass no logger. */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** The `(message) => void` the rest of the code takes, writing info lines to `logger`. */
export const logFunctionOf =
  (logger: Logger) =>
  (message: string): void =>
    logger.info(message);
