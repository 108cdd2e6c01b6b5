-- Names and conversations: a display name for every account (a coach reads "Maja", not an email),
-- and coach notes tied to a day or an activity, which the athlete can answer. A reply is a note
-- with reply_to set; read_at is when the other side first read it (the coach's unread replies).

ALTER TABLE users ADD COLUMN display_name text
  CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 80);

ALTER TABLE coach_notes
  ADD COLUMN day date,
  ADD COLUMN activity_id uuid REFERENCES activities (id) ON DELETE SET NULL,
  ADD COLUMN reply_to uuid REFERENCES coach_notes (id) ON DELETE CASCADE,
  -- The coach a thread belongs to (the author of its first note), so that a coach reads only
  -- their own threads and the athlete's answers in them.
  ADD COLUMN coach_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  ADD COLUMN read_at timestamptz;
UPDATE coach_notes SET coach_user_id = author_user_id;
CREATE INDEX coach_notes_reply_idx ON coach_notes (reply_to) WHERE reply_to IS NOT NULL;
CREATE INDEX coach_notes_unread_idx ON coach_notes (coach_user_id, athlete_id)
  WHERE read_at IS NULL AND reply_to IS NOT NULL;
