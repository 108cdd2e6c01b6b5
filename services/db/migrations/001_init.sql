-- Schema v1: accounts, athletes, the upload outbox, activities with their samples, daily metrics.
-- Runs on plain PostgreSQL and on TimescaleDB; 001_init.timescale.sql / 001_init.plain.sql follow.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('runner', 'coach')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE athletes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  timezone text NOT NULL DEFAULT 'UTC',
  sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male', 'female', 'unknown')),
  hr_max_bpm integer CHECK (hr_max_bpm BETWEEN 100 AND 240),
  hr_rest_bpm integer CHECK (hr_rest_bpm BETWEEN 25 AND 120),
  threshold_pace_s_per_km double precision CHECK (threshold_pace_s_per_km > 0),
  units text NOT NULL DEFAULT 'km' CHECK (units IN ('km', 'mi')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox for files: the raw bytes are stored before any job exists, so that a lost job can
-- always be enqueued again from here.
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  filename text NOT NULL,
  content bytea NOT NULL,
  size_bytes integer NOT NULL,
  sha256 bytea NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'processing', 'done', 'duplicate', 'failed')),
  error jsonb,
  activity_ids uuid[] NOT NULL DEFAULT '{}',
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_athlete_idx ON uploads (athlete_id, created_at DESC);
CREATE INDEX uploads_unfinished_idx ON uploads (created_at) WHERE status IN ('queued', 'processing');

CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('file', 'strava')),
  -- files: the sha256 of the bytes; Strava: the Strava activity id.
  source_id text NOT NULL,
  upload_id uuid REFERENCES uploads (id) ON DELETE SET NULL,
  format text NOT NULL,
  sport text NOT NULL,
  name text,
  device text,
  start_at timestamptz NOT NULL,
  local_date date NOT NULL,
  distance_m double precision NOT NULL,
  moving_s double precision NOT NULL,
  elapsed_s double precision NOT NULL,
  elevation_gain_m double precision NOT NULL DEFAULT 0,
  avg_hr_bpm double precision,
  max_hr_bpm double precision,
  sample_count integer NOT NULL DEFAULT 0,
  laps jsonb NOT NULL DEFAULT '[]',
  intervals jsonb NOT NULL DEFAULT '[]',
  warnings jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (athlete_id, source, source_id)
);
CREATE INDEX activities_athlete_date_idx ON activities (athlete_id, local_date);
CREATE INDEX activities_athlete_start_idx ON activities (athlete_id, start_at);

CREATE TABLE samples (
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  t timestamptz NOT NULL,
  lat double precision,
  lon double precision,
  ele_m real,
  hr_bpm real,
  cadence_spm real,
  distance_m double precision,
  speed_mps real,
  PRIMARY KEY (activity_id, t)
);

-- One row per athlete and local calendar day, rest days included as zeros.
CREATE TABLE daily_metrics (
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  day date NOT NULL,
  run_distance_m double precision NOT NULL DEFAULT 0,
  run_moving_s double precision NOT NULL DEFAULT 0,
  run_count integer NOT NULL DEFAULT 0,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (athlete_id, day)
);

-- Pending recomputes: the earliest changed day per athlete. A job takes the row inside the
-- transaction that writes the metrics, so a crash leaves the request in place. `version` grows
-- each time a new pending period starts and names the job, so that a request arriving while a
-- job runs gets a job of its own.
CREATE TABLE recompute_requests (
  athlete_id uuid PRIMARY KEY REFERENCES athletes (id) ON DELETE CASCADE,
  pending_from date,
  version integer NOT NULL DEFAULT 1,
  requested_at timestamptz NOT NULL DEFAULT now()
);
