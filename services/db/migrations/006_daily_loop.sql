-- The daily loop (science.md §3–§5): one check-in per athlete and day with the morning score, the
-- clinician's clearances that end a red-flag or surgery hold, the surgery date, and whether the
-- runner has chosen where to start.

-- Pain on waking on the check-in's own day (painNextMorning keeps meaning the morning after it).
ALTER TABLE checkins
  ADD COLUMN pain_morning smallint CHECK (pain_morning BETWEEN 0 AND 10),
  ADD COLUMN updated_at timestamptz;
UPDATE checkins SET updated_at = logged_at;
ALTER TABLE checkins ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();

-- Several rows of one day become one: the highest score, yes if any said yes, the latest activity
-- named, every note kept. The earliest row of the day carries the merged values; the others go.
WITH merged AS (
  SELECT athlete_id, date,
         (array_agg(id ORDER BY logged_at, id))[1] AS keep_id,
         max(pain_during) AS pain_during, max(pain_after) AS pain_after,
         max(pain_next_morning) AS pain_next_morning, max(pain_at_rest) AS pain_at_rest,
         max(stiffness) AS stiffness, bool_or(clicking) AS clicking,
         bool_or(catching_or_locking) AS catching_or_locking, bool_or(giving_way) AS giving_way,
         bool_or(night_pain) AS night_pain, bool_or(pain_walking) AS pain_walking,
         bool_or(limp) AS limp, bool_or(pain_hopping) AS pain_hopping,
         bool_or(deep_groin_pain) AS deep_groin_pain,
         bool_or(readiness_test_passed) AS readiness_test_passed,
         (array_agg(activity_id ORDER BY logged_at DESC, id DESC)
            FILTER (WHERE activity_id IS NOT NULL))[1] AS activity_id,
         max(rpe) AS rpe,
         left(string_agg(notes, ' / ' ORDER BY logged_at, id), 2000) AS notes,
         max(logged_at) AS updated_at
    FROM checkins
   GROUP BY athlete_id, date
  HAVING count(*) > 1)
UPDATE checkins c
   SET pain_during = m.pain_during, pain_after = m.pain_after,
       pain_next_morning = m.pain_next_morning, pain_at_rest = m.pain_at_rest,
       stiffness = m.stiffness, clicking = m.clicking, catching_or_locking = m.catching_or_locking,
       giving_way = m.giving_way, night_pain = m.night_pain, pain_walking = m.pain_walking,
       limp = m.limp, pain_hopping = m.pain_hopping, deep_groin_pain = m.deep_groin_pain,
       readiness_test_passed = m.readiness_test_passed, activity_id = m.activity_id, rpe = m.rpe,
       notes = m.notes, updated_at = m.updated_at
  FROM merged m
 WHERE c.athlete_id = m.athlete_id AND c.date = m.date AND c.id = m.keep_id;

DELETE FROM checkins c
 WHERE EXISTS (
   SELECT 1 FROM checkins o
    WHERE o.athlete_id = c.athlete_id AND o.date = c.date
      AND (o.logged_at, o.id) < (c.logged_at, c.id));

CREATE UNIQUE INDEX checkins_athlete_date_key ON checkins (athlete_id, date);

-- A clinician has seen the hip and cleared running (after a red flag, or after surgery), recorded
-- by the runner or their coach, with the day it happened and optionally the stage to restart at.
CREATE TABLE clearances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date date NOT NULL,
  stage integer CHECK (stage >= 0),
  note text CHECK (length(note) <= 500),
  recorded_by text NOT NULL CHECK (recorded_by IN ('runner', 'coach')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clearances_athlete_idx ON clearances (athlete_id, date);

-- Hip arthroscopy: the plan holds no jogging before the clearance and about week 10 (science.md §4).
ALTER TABLE athletes ADD COLUMN surgery_date date;

-- Where the runner starts: when they (or their coach) chose, and the onboarding answers.
ALTER TABLE progression_settings
  ADD COLUMN stage_chosen_at timestamptz,
  ADD COLUMN onboarding jsonb;
UPDATE progression_settings SET stage_chosen_at = updated_at WHERE start_stage > 0;
INSERT INTO progression_settings (athlete_id, stage_chosen_at)
SELECT athlete_id, min(created_at) FROM manual_stages GROUP BY athlete_id
ON CONFLICT (athlete_id) DO UPDATE
  SET stage_chosen_at = COALESCE(progression_settings.stage_chosen_at, excluded.stage_chosen_at);
