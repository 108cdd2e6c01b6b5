-- Alerts that reach a coach who is not looking (issue 12 item 8): a red flag, a very high spike, or
-- check-ins missed for the coach's number of days. One row per coach, athlete and event: the
-- unique key makes an alert exist once however many workers or retries meet the same event, and
-- emailed_at is claimed before a message is sent (released again when sending fails), so each
-- alert is mailed once.

CREATE TABLE coach_alert_settings (
  coach_user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  missed_check_in_days smallint NOT NULL DEFAULT 3 CHECK (missed_check_in_days BETWEEN 1 AND 30),
  -- 'each': one email per alert; 'digest': one email a day with the day's alerts; 'off': inbox only.
  email text NOT NULL DEFAULT 'each' CHECK (email IN ('each', 'digest', 'off')),
  digest_sent_at timestamptz
);

CREATE TABLE coach_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coach_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('red_flag', 'very_high_spike', 'missed_check_ins')),
  -- What makes two sightings the same event (the flag and the day it names, the last check-in).
  event_key text NOT NULL,
  -- The athlete's day the alert links to.
  day date NOT NULL,
  message text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz,
  UNIQUE (coach_user_id, athlete_id, kind, event_key)
);
CREATE INDEX coach_alerts_inbox_idx ON coach_alerts (coach_user_id, created_at DESC);
CREATE INDEX coach_alerts_unsent_idx ON coach_alerts (athlete_id) WHERE emailed_at IS NULL;

-- The athlete decides, per coach, whether that coach gets alerts about them.
ALTER TABLE coach_athletes ADD COLUMN alerts boolean NOT NULL DEFAULT true;
