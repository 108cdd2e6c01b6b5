-- The rehab programme (science.md §7): strength, mobility and drill sessions as the runner logged
-- them, and the adjustments a runner's coach made to the programme (an exercise swapped for
-- another, an exercise held at its level).

CREATE TABLE strength_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date date NOT NULL,
  session_key text CHECK (session_key IN ('warm_up', 'strength_a', 'strength_b', 'mobility')),
  -- [{ id, sets, reps?, holdS?, loadKg? }], validated by the API against the exercise library.
  exercises jsonb NOT NULL,
  rpe real CHECK (rpe BETWEEN 0 AND 10),
  pain smallint CHECK (pain BETWEEN 0 AND 10),
  minutes real NOT NULL CHECK (minutes > 0 AND minutes <= 600),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX strength_sessions_athlete_date_idx ON strength_sessions (athlete_id, date);

CREATE TABLE programme_adjustments (
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('swap', 'hold_level')),
  exercise_id text NOT NULL,
  replacement_id text,
  by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (athlete_id, kind, exercise_id),
  CHECK ((kind = 'swap') = (replacement_id IS NOT NULL))
);
