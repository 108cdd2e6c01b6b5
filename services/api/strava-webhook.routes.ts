// Strava's webhook, which has no session: it answers the subscription challenge (with the verify
// token of this install) and stores events for the jobs.
import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { findConnectedStravaAccount } from '#services/db/strava-accounts.repository';
import { findStravaSubscription } from '#services/db/strava-subscription.repository';
import { insertWebhookEvent } from '#services/db/strava-webhook-events.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import type { StravaContext } from '#services/strava/strava-context';
import { parseInput } from './validate.ts';

export interface StravaWebhookDeps {
  pool: Pool;
  queue: JobQueue;
  strava: StravaContext | undefined;
  log: (message: string) => void;
}

const eventSchema = z.object({
  object_type: z.string().max(50),
  object_id: z.number().int().nonnegative(),
  aspect_type: z.string().max(50),
  owner_id: z.number().int().nonnegative(),
  subscription_id: z.number().int(),
  event_time: z.number().optional(),
  updates: z.record(z.string(), z.unknown()).optional(),
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Strava's webhook, without a session or origin check (Strava is the caller). Events for an unknown
 * subscription or owner are acknowledged and dropped; the others are stored, acknowledged, and
 * only then enqueued, so Redis never delays the answer (the reconciler covers a lost enqueue).
 */
export function stravaWebhookRoutes(deps: StravaWebhookDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/', (req, res) => {
    const expected = deps.strava?.webhookVerifyToken;
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (
      expected === undefined ||
      mode !== 'subscribe' ||
      typeof token !== 'string' ||
      typeof challenge !== 'string' ||
      !sameSecret(token, expected)
    ) {
      throw new ForbiddenError('the subscription challenge does not carry our verify token');
    }
    res.json({ 'hub.challenge': challenge });
  });

  router.post('/', async (req, res) => {
    const event = parseInput(eventSchema, req.body);
    const subscription = await findStravaSubscription(deps.pool);
    // The id is kept only while the subscription is ours (and through a check that failed).
    const account =
      subscription?.subscriptionId === event.subscription_id
        ? await findConnectedStravaAccount(deps.pool, event.owner_id)
        : undefined;
    if (!account) {
      res.json({ ok: true, ignored: true });
      return;
    }
    const eventId = await insertWebhookEvent(deps.pool, {
      accountId: account.id,
      payload: req.body,
      objectType: event.object_type,
      aspectType: event.aspect_type,
      objectId: event.object_id,
      ownerId: event.owner_id,
    });
    res.json({ ok: true });
    deps.queue
      .enqueue('strava-event', { eventId }, jobIds.stravaEvent(eventId))
      .catch((err: unknown) => deps.log(`strava webhook: enqueue failed: ${String(err)}`));
  });

  return router;
}
