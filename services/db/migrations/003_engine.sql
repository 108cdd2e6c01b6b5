-- The load and risk engine (science.md): hip check-ins, cross-training, progression settings set by
-- the runner or a coach, the engine's stage history, and the engine's daily rows.

CREATE TABLE checkins (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date date NOT NULL,
  logged_at timestamptz NOT NULL DEFAULT now(),
  pain_during smallint CHECK (pain_during BETWEEN 0 AND 10),
  pain_after smallint CHECK (pain_after BETWEEN 0 AND 10),
  pain_next_morning smallint CHECK (pain_next_morning BETWEEN 0 AND 10),
  pain_at_rest smallint CHECK (pain_at_rest BETWEEN 0 AND 10),
  stiffness smallint CHECK (stiffness BETWEEN 0 AND 10),
  clicking boolean,
  catching_or_locking boolean,
  giving_way boolean,
  night_pain boolean,
  pain_walking boolean,
  limp boolean,
  pain_hopping boolean,
  deep_groin_pain boolean,
  readiness_test_passed boolean,
  activity_id uuid REFERENCES activities (id) ON DELETE SET NULL,
  rpe real CHECK (rpe BETWEEN 0 AND 10),
  notes text CHECK (length(notes) <= 2000),
  PRIMARY KEY (athlete_id, date, id)
);

CREATE TABLE cross_training (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date date NOT NULL,
  kind text NOT NULL,
  minutes real NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
  rpe real CHECK (rpe BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cross_training_athlete_date_idx ON cross_training (athlete_id, date);

-- The plan, the starting stage and threshold overrides, per athlete (default plan when null).
CREATE TABLE progression_settings (
  athlete_id uuid PRIMARY KEY REFERENCES athletes (id) ON DELETE CASCADE,
  start_stage integer NOT NULL DEFAULT 0,
  plan jsonb,
  thresholds jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL
);

-- A stage set by hand (runner, coach or clinician) from a day on.
CREATE TABLE manual_stages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date date NOT NULL,
  stage integer NOT NULL CHECK (stage >= 0),
  set_by text NOT NULL CHECK (set_by IN ('runner', 'coach', 'clinician')),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX manual_stages_athlete_idx ON manual_stages (athlete_id, date);

-- Every stage event with its reasons, as the engine computed it (rewritten from a recomputed day on).
CREATE TABLE stage_changes (
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date date NOT NULL,
  seq integer NOT NULL,
  from_stage integer NOT NULL,
  to_stage integer NOT NULL,
  kind text NOT NULL,
  changed_by text NOT NULL,
  reasons jsonb NOT NULL,
  PRIMARY KEY (athlete_id, date, seq)
);

-- Per-activity loads that depend on the athlete's profile (TRIMP needs HRmax/HRrest and sex, rTSS
-- the threshold pace), cached with the profile they were computed for.
ALTER TABLE activities
  ADD COLUMN trimp double precision,
  ADD COLUMN rtss double precision,
  ADD COLUMN loads_profile text;

-- The engine's day: the whole row as JSON, the state to resume from, and the columns a roster sorts by.
ALTER TABLE daily_metrics
  ADD COLUMN stage integer,
  ADD COLUMN action text,
  ADD COLUMN worst_severity text,
  ADD COLUMN metrics jsonb,
  ADD COLUMN carry jsonb;
