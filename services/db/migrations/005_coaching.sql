-- Coaching: invite links (only the token's sha256 is stored), the grants an athlete gives a coach
-- (deleted on revoke, so access ends at once), and the notes a coach leaves on an athlete.

CREATE TABLE coach_invites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash bytea NOT NULL UNIQUE,
  coach_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- Who accepted it: accepting the same link again is idempotent for them, a 404 for anyone else.
  used_by_athlete_id uuid REFERENCES athletes (id) ON DELETE SET NULL
);
CREATE INDEX coach_invites_coach_idx ON coach_invites (coach_user_id);

CREATE TABLE coach_athletes (
  coach_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  granted_at timestamptz NOT NULL DEFAULT now(),
  -- Strava's agreement: without this a coach sees derived load and risk, never a run's details.
  share_activity_details boolean NOT NULL DEFAULT false,
  PRIMARY KEY (coach_user_id, athlete_id)
);
CREATE INDEX coach_athletes_athlete_idx ON coach_athletes (athlete_id);

CREATE TABLE coach_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  -- The note stays with the athlete when its author deletes their account.
  author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coach_notes_athlete_idx ON coach_notes (athlete_id, created_at DESC);
