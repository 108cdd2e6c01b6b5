// The HTTP app: JSON API under /api and the dashboard's static files. Every athlete route reads
// the caller's own athlete from the session; the only way to name another athlete's data is
// /api/athletes/:athleteId/…, which answers 404 unless that athlete granted the caller (a coach).
// Around them: a request id and a log line per request, latency metrics, security headers, the
// health probes, and /metrics for the operator.
import compression from 'compression';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { createMailer, type Mailer } from '#services/mail/mailer';
import { silentLogger, type Logger } from '#services/observability/logger';
import type { Metrics } from '#services/observability/metrics';
import type { JobQueue } from '#services/queue/jobs';
import type { StravaContext } from '#services/strava/strava-context';
import { accountRoutes } from './account.routes.ts';
import { activitiesRoutes, metricsRoutes } from './activities.routes.ts';
import { athleteRoutes } from './athlete.routes.ts';
import { createAttemptLimiters } from './attempt-limiter.ts';
import { authRoutes, meRoute } from './auth.routes.ts';
import { athleteScopedRoutes, coachRoutes, grantsRoutes } from './coaching.routes.ts';
import { coachNotesRoutes, runnerNotesRoutes } from './notes.routes.ts';
import { alertRoutes } from './alerts.routes.ts';
import { inviteRoutes, publicInviteRoutes } from './invite.routes.ts';
import { engineRoutes } from './engine.routes.ts';
import { createErrorHandler } from './errors.ts';
import { healthRoutes } from './health.routes.ts';
import { httpMetrics, metricsEndpoint } from './metrics-endpoint.ts';
import { passwordResetRoutes } from './password-reset.routes.ts';
import { programmeRoutes } from './programme.routes.ts';
import { rejectNul } from './reject-nul.ts';
import { requestContext } from './request-context.ts';
import { trackRouteTemplate } from './route-template.ts';
import { securityHeaders } from './security-headers.ts';
import { dashboardFiles } from './static-files.ts';
import { requireUser, sameOriginGuard, sessionMiddleware } from './session.ts';
import { stravaCoachRoutes, stravaRoutes } from './strava.routes.ts';
import { stravaCallbackRoutes } from './strava-callback.routes.ts';
import { stravaWebhookRoutes } from './strava-webhook.routes.ts';
import { importsRoutes, uploadsDepsOf, uploadsRoutes } from './uploads.routes.ts';
import { wellnessRoutes } from './wellness.routes.ts';

export interface AppDeps {
  pool: Pool;
  queue: JobQueue;
  publicUrl: string;
  uploadMaxBytes: number;
  /** Most bytes one upload request may carry in all, export ZIPs included (default 4 GiB). */
  importMaxBytes?: number;
  /** Where uploads wait until a worker processes them (DATA_DIR/uploads); shared with workers. */
  uploadsDir?: string;
  /** Built dashboard (index.html and assets); absent in API-only test runs. */
  dashboardDir?: string;
  log: (message: string) => void;
  /** Request lines and errors, as JSON with each request's id; silent when absent. */
  logger?: Logger;
  /** The clock ("today" in each athlete's time zone); tests may fix it. */
  now?: () => Date;
  /** Absent when Strava is not configured: its routes answer 503 saying what to set. */
  strava?: StravaContext | undefined;
  /** Shares the attempt counters between API processes, and is checked by /readyz. */
  redis?: Redis | undefined;
  /** Prefix of this app's Redis keys (default 'hipcheck'). */
  redisPrefix?: string;
  /** Sends password-reset links; absent: mail is off. */
  mailer?: Mailer;
  /** Metrics of this process, served on GET /metrics to holders of the token. */
  metrics?: { registry: Metrics; token: string | undefined } | undefined;
  /** Which proxies' X-Forwarded-For to believe (express's 'trust proxy'; default loopback). */
  trustProxy?: string | number;
  /** True once shutdown has begun: /readyz answers 503 so load balancers stop sending. */
  draining?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  const logger = deps.logger ?? silentLogger();
  const now = deps.now ?? (() => new Date());
  const mailer =
    deps.mailer ?? createMailer({ smtpUrl: undefined, from: '', log: () => undefined });
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? 'loopback');
  app.use(trackRouteTemplate);
  app.use(requestContext(logger));
  if (deps.metrics) app.use(httpMetrics(deps.metrics.registry));
  app.use(securityHeaders(deps.publicUrl));
  // gzip for JSON and the dashboard's files when the client accepts it (compressible types above
  // 1 KB; no route streams events, which would need a flush per event). Level 1: half the CPU of
  // the default for a year of daily metrics, the largest answer, at 11 KB instead of 7.
  app.use(compression({ level: 1 }));

  app.use(healthRoutes({ pool: deps.pool, redis: deps.redis, draining: deps.draining }));
  const metricsToken = deps.metrics?.token;
  if (deps.metrics && metricsToken)
    app.get('/metrics', metricsEndpoint(deps.metrics.registry, metricsToken));

  const stravaDeps = { pool: deps.pool, queue: deps.queue, strava: deps.strava, log: deps.log };
  // Strava calls its webhook without a session or an Origin of ours: mounted before those guards.
  app.use(
    '/api/strava/webhook',
    express.json({ limit: '16kb' }),
    rejectNul,
    stravaWebhookRoutes(stravaDeps),
  );

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(rejectNul);
  api.use(sameOriginGuard(deps.publicUrl));
  api.use(sessionMiddleware(deps.pool));
  const secureCookies = deps.publicUrl.startsWith('https:');
  const limits = createAttemptLimiters({
    pool: deps.pool,
    redis: deps.redis,
    redisPrefix: deps.redisPrefix,
  });
  api.use(
    '/auth/password-reset',
    passwordResetRoutes({
      pool: deps.pool,
      publicUrl: deps.publicUrl,
      secureCookies,
      limits,
      mailer,
      logger,
      now,
    }),
  );
  api.use('/auth', authRoutes({ pool: deps.pool, secureCookies, limits }));
  // An invite link works before there is an account: its token is the secret.
  api.use('/invites', publicInviteRoutes({ pool: deps.pool, now, limits, secureCookies }));
  // Strava sends the browser back here; it answers a missing session with a page, not a 401.
  api.use('/strava/callback', stravaCallbackRoutes({ ...stravaDeps, publicUrl: deps.publicUrl }));
  api.use(requireUser);
  api.use(meRoute({ pool: deps.pool }));
  api.use('/athlete', athleteRoutes({ pool: deps.pool, queue: deps.queue, now }));
  api.use('/uploads', uploadsRoutes(uploadsDepsOf(deps)));
  api.use('/imports', importsRoutes({ pool: deps.pool }));
  const activities = activitiesRoutes({ pool: deps.pool, now });
  const metrics = metricsRoutes({ pool: deps.pool });
  const engine = engineRoutes({ pool: deps.pool, queue: deps.queue, now });
  const wellness = wellnessRoutes({ pool: deps.pool });
  api.use('/activities', activities);
  api.use('/metrics', metrics);
  api.use('/wellness', wellness);
  api.use(engine);
  const programme = programmeRoutes({ pool: deps.pool, queue: deps.queue, now });
  api.use(programme);
  // Coaching: a coach reads a granted athlete through the same routers (coaching.routes.ts).
  api.use('/coach', coachRoutes({ pool: deps.pool, publicUrl: deps.publicUrl, now }));
  api.use('/coach', alertRoutes({ pool: deps.pool, now }));
  api.use('/invites', inviteRoutes({ pool: deps.pool, now }));
  api.use('/grants', grantsRoutes({ pool: deps.pool }));
  api.use(runnerNotesRoutes({ pool: deps.pool }));
  api.use(
    '/athletes/:athleteId',
    athleteScopedRoutes({
      pool: deps.pool,
      routers: {
        engine,
        activities,
        metrics,
        wellness,
        programme,
        notes: coachNotesRoutes({ pool: deps.pool, now }),
      },
    }),
  );
  api.use(accountRoutes({ pool: deps.pool, now }));
  api.use('/strava', stravaRoutes(stravaDeps));
  api.use('/coach/strava', stravaCoachRoutes({ pool: deps.pool }));
  api.use(() => {
    throw new NotFoundError('no such API route');
  });
  app.use('/api', api);

  const dashboardDir = deps.dashboardDir;
  if (dashboardDir && existsSync(join(dashboardDir, 'index.html'))) {
    // Client-side routes all load the same page.
    app.use(dashboardFiles(dashboardDir));
  }

  app.use(createErrorHandler(logger));
  return app;
}
