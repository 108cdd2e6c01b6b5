-- Uploads stored as they stream: the bytes of an upload not yet processed wait in the spool
-- directory on disk (DATA_DIR/uploads) and the row names the file; the worker moves an activity
-- file's bytes into `content` when it finishes it, and deletes an export ZIP once it is read. An
-- export ZIP is one upload of kind 'export' with its import batch; each file or workout it holds
-- becomes an upload of the batch ('file', processed by its own job, or 'item', an Apple Health
-- workout stored by the export's job), numbered in the export's order so a retried export adds
-- only the items it has not added yet.
ALTER TABLE uploads
  ADD COLUMN kind text NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'export', 'item')),
  ADD COLUMN spool_name text,
  ADD COLUMN entry_index integer,
  ALTER COLUMN size_bytes TYPE bigint;
CREATE UNIQUE INDEX uploads_batch_entry_key ON uploads (batch_id, entry_index)
  WHERE entry_index IS NOT NULL;
CREATE INDEX uploads_spool_idx ON uploads (spool_name) WHERE spool_name IS NOT NULL;

-- The export a batch was read from (absent for batches of earlier versions, read at upload time),
-- its kind once read, and how many wellness days it held.
ALTER TABLE import_batches
  ADD COLUMN upload_id uuid REFERENCES uploads (id) ON DELETE CASCADE,
  ADD COLUMN kind text,
  ADD COLUMN wellness_days integer NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX import_batches_upload_key ON import_batches (upload_id)
  WHERE upload_id IS NOT NULL;

-- How a file was read, when it matters to the numbers: damage recovered from, points skipped, a
-- multisport file split. [{code, message, atS?}]; `atS` (seconds from the start) lets the message
-- name the local clock time in the athlete's current time zone when it is shown.
ALTER TABLE activities ADD COLUMN file_warnings jsonb NOT NULL DEFAULT '[]';

-- Daily wellness values per athlete and local day (Apple Health now): resting heart rate and
-- heart-rate variability (SDNN). Shown beside load and pain; the engine does not read them.
CREATE TABLE wellness_days (
  athlete_id uuid NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  day date NOT NULL,
  resting_hr_bpm real,
  hrv_sdnn_ms real,
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (athlete_id, day)
);
