-- Strava: connected accounts (tokens encrypted by the token vault, never in clear), the backfill's
-- list of activities to fetch, the webhook outbox, and the app's one push subscription.
CREATE TABLE strava_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL UNIQUE REFERENCES athletes (id) ON DELETE CASCADE,
  strava_athlete_id bigint NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('connected', 'deauthorized', 'disconnected')),
  scope text NOT NULL,
  -- token-vault ciphertexts bound to this row's id; NULL once deauthorized or disconnected.
  access_token_enc text,
  refresh_token_enc text,
  expires_at timestamptz,
  -- The backfill: activities started after backfill_after (NULL: all history) and before the
  -- listing cursor, which walks back page by page; `generation` names the current backfill's
  -- jobs, so a restarted or stopped backfill leaves the old jobs nothing to do.
  backfill_generation integer NOT NULL DEFAULT 1,
  backfill_state text NOT NULL DEFAULT 'listing' CHECK (backfill_state IN ('listing', 'fetching', 'done')),
  backfill_after timestamptz,
  backfill_cursor timestamptz NOT NULL DEFAULT now(),
  backfill_next_batch_at timestamptz,
  last_error jsonb,
  connected_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per Strava activity the backfill found; the fetch job of each reads and finishes it.
CREATE TABLE strava_backfill_items (
  account_id uuid NOT NULL REFERENCES strava_accounts (id) ON DELETE CASCADE,
  strava_activity_id bigint NOT NULL,
  start_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped', 'failed')),
  activity_id uuid REFERENCES activities (id) ON DELETE SET NULL,
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, strava_activity_id)
);
CREATE INDEX strava_backfill_items_pending_idx ON strava_backfill_items (account_id, start_at DESC)
  WHERE status = 'pending';

-- The outbox for webhook events: stored (raw JSON) before the job exists, acknowledged at once.
CREATE TABLE webhook_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid REFERENCES strava_accounts (id) ON DELETE CASCADE,
  payload jsonb NOT NULL,
  object_type text NOT NULL,
  aspect_type text NOT NULL,
  object_id bigint NOT NULL,
  owner_id bigint NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'ignored', 'failed')),
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_events_pending_idx ON webhook_events (received_at) WHERE status = 'pending';

-- Strava allows one push subscription per application: at most one row.
CREATE TABLE strava_subscription (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  subscription_id bigint NOT NULL,
  callback_url text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
