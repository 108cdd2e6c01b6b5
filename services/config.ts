// The one place that reads the environment. Each process calls loadConfig(process.env) once and
// passes the typed result down; an invalid variable is named in the error.
import { join } from 'node:path';
import { z } from 'zod';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

const urlString = (protocols: string[]) =>
  z.string().refine(
    (s) => {
      try {
        return protocols.includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: urlString(['postgres:', 'postgresql:']).optional(),
    REDIS_URL: urlString(['redis:', 'rediss:']).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: urlString(['http:', 'https:']).optional(),
    STRAVA_CLIENT_ID: z.string().min(1).optional(),
    STRAVA_CLIENT_SECRET: z.string().min(1).optional(),
    STRAVA_API_URL: urlString(['http:', 'https:']).default('https://www.strava.com/api/v3'),
    STRAVA_OAUTH_URL: urlString(['http:', 'https:']).default('https://www.strava.com/oauth'),
    STRAVA_WEBHOOK_VERIFY_TOKEN: z.string().min(1).optional(),
    TOKEN_ENCRYPTION_KEY: z
      .string()
      .regex(HEX_KEY, 'must be 32 bytes written as 64 hex characters')
      .optional(),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(50 * 1024 * 1024),
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(4 * 1024 ** 3),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    SMTP_URL: urlString(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).optional(),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    TRUST_PROXY: z.string().min(1).default('loopback'),
    SHUTDOWN_GRACE_S: z.coerce.number().positive().max(3600).default(25),
  })
  .refine((e) => e.METRICS_PORT === undefined || e.METRICS_TOKEN !== undefined, {
    path: ['METRICS_PORT'],
    message: 'needs METRICS_TOKEN too: metrics are served only to holders of the token',
  });

export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded PostgreSQL under dataDir is started. */
  databaseUrl: string | undefined;
  /** Absent: jobs run in-process instead of on BullMQ. */
  redisUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  /** PUBLIC_URL was given: Strava can reach this app there (the default localhost it cannot). */
  publicUrlSet: boolean;
  strava: {
    clientId: string | undefined;
    clientSecret: string | undefined;
    apiUrl: string;
    oauthUrl: string;
    webhookVerifyToken: string | undefined;
  };
  tokenEncryptionKey: string | undefined;
  /** Largest activity file uploaded (GPX, TCX, FIT, gzip). */
  uploadMaxBytes: number;
  /** Most bytes one upload request may carry in all, export ZIPs included. */
  importMaxBytes: number;
  /** Where uploads wait on disk until a worker has processed them: DATA_DIR/uploads. */
  uploadsDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  mail: {
    /** Absent: mail is off (password-reset links only through `hipcheck user reset-link`). */
    smtpUrl: string | undefined;
    from: string;
  };
  metrics: {
    /** Absent: no metrics are served. */
    token: string | undefined;
    /** Absent: served on the API's port at /metrics (worker processes need a port of their own). */
    port: number | undefined;
  };
  /** Which proxies' X-Forwarded-For the API believes (express 'trust proxy': addresses or hops). */
  trustProxy: string | number;
  /** How long a shutdown waits for requests and jobs in flight before it cuts them. */
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parse and validate the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    publicUrlSet: e.PUBLIC_URL !== undefined,
    strava: {
      clientId: e.STRAVA_CLIENT_ID,
      clientSecret: e.STRAVA_CLIENT_SECRET,
      apiUrl: e.STRAVA_API_URL.replace(/\/$/, ''),
      oauthUrl: e.STRAVA_OAUTH_URL.replace(/\/$/, ''),
      webhookVerifyToken: e.STRAVA_WEBHOOK_VERIFY_TOKEN,
    },
    tokenEncryptionKey: e.TOKEN_ENCRYPTION_KEY,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    uploadsDir: join(e.DATA_DIR, 'uploads'),
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL,
      from:
        e.MAIL_FROM ??
        `Hipcheck <no-reply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
    },
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    trustProxy: /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    shutdownGraceMs: e.SHUTDOWN_GRACE_S * 1000,
  };
}
