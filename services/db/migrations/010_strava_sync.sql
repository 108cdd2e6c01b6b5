-- Strava in the long run: the app's own push subscription with its last check, the catch-up that
-- re-lists recent activities, the sync's health as the runner and coach see it, the day an access
-- ended, a backfill shared fairly between athletes, and OAuth states used only once.

-- The subscription row records what the last check found, not only a subscription Strava holds:
-- 'active' (ours, events accepted), 'missing', 'elsewhere' (Strava's subscription points at
-- another callback) or 'error' (Strava could not be asked, or refused).
ALTER TABLE strava_subscription ALTER COLUMN subscription_id DROP NOT NULL;
ALTER TABLE strava_subscription
  ADD COLUMN status text NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'missing', 'elsewhere', 'error')),
  ADD COLUMN other_callback_url text,
  ADD COLUMN message text,
  ADD COLUMN checked_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE strava_accounts
  -- When the connection ended (revoked on Strava, refused refresh, or disconnected here).
  ADD COLUMN ended_at timestamptz,
  -- Hipcheck last heard from Strava about this athlete: a listing or an event handled.
  ADD COLUMN last_synced_at timestamptz,
  -- Set at the first failed sync since the last good one; cleared by the next good one.
  ADD COLUMN sync_failing_since timestamptz,
  ADD COLUMN sync_error jsonb,
  -- The catch-up: asked at (schedule, or the runner opening the app), finished at, attempts.
  ADD COLUMN catch_up_requested_at timestamptz,
  ADD COLUMN catch_up_done_at timestamptz,
  ADD COLUMN catch_up_attempts integer NOT NULL DEFAULT 0,
  -- The backfill listing's lower bound once a page came oldest first (NULL: backfill_after).
  ADD COLUMN backfill_listed_after timestamptz,
  -- When an item of this account was last handed to a worker: the round-robin's order.
  ADD COLUMN backfill_served_at timestamptz;

-- Accounts connected before this migration were synced by their backfill.
UPDATE strava_accounts SET catch_up_requested_at = connected_at, catch_up_done_at = connected_at;

-- An item is handed to a worker (its job enqueued) only when its turn comes: dispatched_at.
ALTER TABLE strava_backfill_items ADD COLUMN dispatched_at timestamptz;
-- Items of backfills already running wait for their turn like new ones (a job still queued for
-- one runs anyway; its id deduplicates the second).
CREATE INDEX strava_backfill_items_waiting_idx ON strava_backfill_items (account_id, start_at DESC)
  WHERE status = 'pending' AND dispatched_at IS NULL;
CREATE INDEX strava_backfill_items_in_flight_idx ON strava_backfill_items (account_id)
  WHERE status = 'pending' AND dispatched_at IS NOT NULL;

-- What the catch-up asks for becomes an event like a webhook's: the outbox looks it up by id.
CREATE INDEX webhook_events_object_idx ON webhook_events (account_id, object_id);

-- An OAuth state works once: its nonce is recorded when the callback takes it.
CREATE TABLE strava_oauth_states (
  nonce text PRIMARY KEY,
  used_at timestamptz NOT NULL DEFAULT now()
);
