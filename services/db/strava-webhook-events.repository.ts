// SQL of Strava's webhook events (webhook_events): the outbox the webhook route writes and the
// strava-event job works through.
import type { Queryable } from './database.ts';
import type { StravaProblem } from './strava-accounts.repository.ts';

export type WebhookEventStatus = 'pending' | 'done' | 'ignored' | 'failed';

export interface WebhookEvent {
  id: string;
  accountId: string | null;
  payload: unknown;
  objectType: string;
  aspectType: string;
  objectId: number;
  ownerId: number;
  status: WebhookEventStatus;
  attempts: number;
  updates: Record<string, string>;
}

export async function insertWebhookEvent(
  db: Queryable,
  input: {
    accountId: string;
    payload: unknown;
    objectType: string;
    aspectType: string;
    objectId: number;
    ownerId: number;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO webhook_events (account_id, payload, object_type, aspect_type, object_id, owner_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      input.accountId,
      JSON.stringify(input.payload),
      input.objectType,
      input.aspectType,
      input.objectId,
      input.ownerId,
    ],
  );
  return (rows[0] as { id: string }).id;
}

/** Counts the attempt of a pending event and returns it; undefined when it is finished already. */
export async function startWebhookEvent(
  db: Queryable,
  id: string,
): Promise<WebhookEvent | undefined> {
  const { rows } = await db.query<{
    id: string;
    account_id: string | null;
    payload: { updates?: Record<string, string> } | null;
    object_type: string;
    aspect_type: string;
    object_id: string;
    owner_id: string;
    status: WebhookEventStatus;
    attempts: number;
  }>(
    `UPDATE webhook_events SET attempts = attempts + 1, updated_at = now()
      WHERE id = $1 AND status = 'pending'
      RETURNING id, account_id, payload, object_type, aspect_type, object_id, owner_id, status,
        attempts`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    accountId: r.account_id,
    payload: r.payload,
    objectType: r.object_type,
    aspectType: r.aspect_type,
    objectId: Number(r.object_id),
    ownerId: Number(r.owner_id),
    status: r.status,
    attempts: r.attempts,
    updates: r.payload?.updates ?? {},
  };
}

/** A deferred run (rate limit) is not an attempt: take it back. */
export async function uncountWebhookEventAttempt(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE webhook_events SET attempts = greatest(attempts - 1, 0)
      WHERE id = $1 AND status = 'pending'`,
    [id],
  );
}

export async function finishWebhookEvent(
  db: Queryable,
  id: string,
  status: Exclude<WebhookEventStatus, 'pending'>,
  error?: StravaProblem,
): Promise<void> {
  await db.query(
    `UPDATE webhook_events SET status = $2, error = $3, updated_at = now()
      WHERE id = $1 AND status = 'pending'`,
    [id, status, error ? JSON.stringify(error) : null],
  );
}

export async function listPendingWebhookEventIds(db: Queryable, limit = 1000): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM webhook_events WHERE status = 'pending' ORDER BY received_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}
