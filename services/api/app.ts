// The HTTP app: JSON API under /api and the dashboard's static files. Every athlete route reads
// the caller's own athlete from the session; the only way to name another athlete's data is
// /api/athletes/:athleteId/…, which answers 404 unless that athlete granted the caller (a coach).
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import type { JobQueue } from '#services/queue/jobs';
import { activitiesRoutes, metricsRoutes } from './activities.routes.ts';
import { athleteRoutes } from './athlete.routes.ts';
import { authRoutes, meRoute } from './auth.routes.ts';
import { createErrorHandler } from './errors.ts';
import { requireUser, sameOriginGuard, sessionMiddleware } from './session.ts';
import { importsRoutes, uploadsDepsOf, uploadsRoutes } from './uploads.routes.ts';
import { engineRoutes } from './engine.routes.ts';
import type { StravaContext } from '#services/strava/strava-context';
import { stravaRoutes, stravaWebhookRoutes } from './strava.routes.ts';
import {
  athleteScopedRoutes,
  coachRoutes,
  grantsRoutes,
  inviteRoutes,
  runnerNotesRoutes,
} from './coaching.routes.ts';
import { accountRoutes } from './account.routes.ts';
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
  /** The clock ("today" in each athlete's time zone); tests may fix it. */
  now?: () => Date;
  /** Absent when Strava is not configured: its routes answer 503 saying what to set. */
  strava?: StravaContext | undefined;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });

  app.get('/healthz', async (_req, res) => {
    await deps.pool.query('SELECT 1');
    res.json({ ok: true });
  });

  const stravaDeps = { pool: deps.pool, queue: deps.queue, strava: deps.strava, log: deps.log };
  // Strava calls its webhook without a session or an Origin of ours: mounted before those guards.
  app.use('/api/strava/webhook', stravaWebhookRoutes(stravaDeps));

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(sameOriginGuard(deps.publicUrl));
  api.use(sessionMiddleware(deps.pool));
  const secureCookies = deps.publicUrl.startsWith('https:');
  api.use('/auth', authRoutes({ pool: deps.pool, secureCookies }));
  api.use(requireUser);
  api.use(meRoute({ pool: deps.pool }));
  api.use('/athlete', athleteRoutes({ pool: deps.pool, queue: deps.queue }));
  api.use('/uploads', uploadsRoutes(uploadsDepsOf(deps)));
  api.use('/imports', importsRoutes({ pool: deps.pool }));
  const now = deps.now ?? (() => new Date());
  const activities = activitiesRoutes({ pool: deps.pool });
  const metrics = metricsRoutes({ pool: deps.pool });
  const engine = engineRoutes({ pool: deps.pool, queue: deps.queue, now });
  const wellness = wellnessRoutes({ pool: deps.pool });
  api.use('/activities', activities);
  api.use('/metrics', metrics);
  api.use('/wellness', wellness);
  api.use(engine);
  // Coaching: a coach reads a granted athlete through the same routers (coaching.routes.ts).
  api.use('/coach', coachRoutes({ pool: deps.pool, publicUrl: deps.publicUrl, now }));
  api.use('/invites', inviteRoutes({ pool: deps.pool, now }));
  api.use('/grants', grantsRoutes({ pool: deps.pool }));
  api.use(runnerNotesRoutes({ pool: deps.pool }));
  api.use(
    '/athletes/:athleteId',
    athleteScopedRoutes({ pool: deps.pool, routers: { engine, activities, metrics, wellness } }),
  );
  api.use(accountRoutes({ pool: deps.pool, now }));
  api.use('/strava', stravaRoutes(stravaDeps));
  api.use(() => {
    throw new NotFoundError('no such API route');
  });
  app.use('/api', api);

  const dashboardDir = deps.dashboardDir;
  if (dashboardDir && existsSync(join(dashboardDir, 'index.html'))) {
    app.use(express.static(dashboardDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes all load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dashboardDir, 'index.html')));
  }

  app.use(createErrorHandler(deps.log));
  return app;
}
