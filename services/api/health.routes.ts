// /healthz: the process is alive and answering (no dependency is asked: a database outage must not
// make an orchestrator restart every API process). /readyz: this process can serve — PostgreSQL
// answers, every migration of this code is applied, Redis answers (when configured), and it is not
// shutting down — or 503 naming what is not.
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Pool } from '#services/db/database';
import { listPendingMigrations } from '#services/db/migrator';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within 2 s`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface HealthDeps {
  pool: Pool;
  redis?: Redis | undefined;
  /** True once the process has started shutting down: load balancers should stop sending. */
  draining?: () => boolean;
}

type Check = 'ok' | 'not used' | string;

export async function checkReadiness(deps: HealthDeps): Promise<{
  ready: boolean;
  checks: { database: Check; migrations: Check; redis: Check };
}> {
  const checks = { database: 'ok', migrations: 'ok', redis: 'not used' };
  try {
    await withTimeout(deps.pool.query('SELECT 1'), 'PostgreSQL');
    const pending = await withTimeout(listPendingMigrations(deps.pool), 'PostgreSQL');
    if (pending.length > 0) checks.migrations = `pending: ${pending.join(', ')}`;
  } catch (err) {
    checks.database = `unreachable: ${(err as Error).message}`;
    checks.migrations = 'unknown';
  }
  if (deps.redis) {
    try {
      await withTimeout(deps.redis.ping(), 'Redis');
      checks.redis = 'ok';
    } catch (err) {
      checks.redis = `unreachable: ${(err as Error).message}`;
    }
  }
  const ready = Object.values(checks).every((c) => c === 'ok' || c === 'not used');
  return { ready, checks };
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'alive' });
  });
  router.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (deps.draining?.()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const { ready, checks } = await checkReadiness(deps);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  return router;
}
