-- Bulk imports: a Strava export ZIP (or a multi-file upload from the CLI) becomes one batch whose
-- entries are ordinary uploads, each ending as done, duplicate or failed with its reason.
CREATE TABLE import_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  filename text NOT NULL,
  warnings jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batches_athlete_idx ON import_batches (athlete_id, created_at DESC);

ALTER TABLE uploads
  ADD COLUMN batch_id uuid REFERENCES import_batches (id) ON DELETE CASCADE,
  -- What the export's activities.csv says of the file: its sport beats the file's own guess.
  ADD COLUMN sport_hint text,
  ADD COLUMN name_hint text;
CREATE INDEX uploads_batch_idx ON uploads (batch_id) WHERE batch_id IS NOT NULL;
