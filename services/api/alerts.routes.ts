// A coach's alerts (issue 12 item 8): the inbox with its unread count (the dashboard's bell), marking
// an alert read, and the coach's settings — after how many days without a check-in an athlete
// raises an alert, and email at once, as a daily digest, or not at all. A coach sees only alerts
// about athletes who still grant access: any other alert id answers 404.
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import {
  findAlertSettings,
  listInbox,
  markAlertRead,
  saveAlertSettings,
} from '#services/db/alerts.repository';
import { isUuid } from './ids.ts';
import { requireRole } from './require-role.ts';
import { currentUser } from './session.ts';
import { parseInput } from './validate.ts';

const settingsSchema = z
  .object({
    missedCheckInDays: z.number().int().min(1).max(30),
    email: z.enum(['each', 'digest', 'off']),
  })
  .strict();

/** /api/coach/alerts… and /api/coach/alert-settings. */
export function alertRoutes(deps: { pool: Pool; now: () => Date }): Router {
  const router = Router();
  router.use(requireRole('coach', 'read alerts about athletes'));

  router.get('/alerts', async (_req, res) => {
    const alerts = await listInbox(deps.pool, currentUser(res).id);
    res.json({ unread: alerts.filter((a) => a.readAt === null).length, alerts });
  });

  router.post('/alerts/:alertId/read', async (req, res) => {
    const id = req.params.alertId;
    const ok =
      typeof id === 'string' &&
      isUuid(id) &&
      (await markAlertRead(deps.pool, currentUser(res).id, id, deps.now()));
    if (!ok) throw new NotFoundError('no such alert in your inbox');
    res.json({ read: true });
  });

  router.get('/alert-settings', async (_req, res) => {
    res.json(await findAlertSettings(deps.pool, currentUser(res).id));
  });

  router.put('/alert-settings', async (req, res) => {
    const input = parseInput(settingsSchema, req.body);
    await saveAlertSettings(deps.pool, currentUser(res).id, input);
    res.json(input);
  });
  return router;
}
