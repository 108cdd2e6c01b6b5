-- Attempt counters of the embedded mode (no Redis): sign-ins per email and per address, sign-ups
-- and password-reset requests per address. One row per key and fixed window, counted atomically
-- (INSERT … ON CONFLICT) before the attempt is checked, so parallel attempts cannot slip past the
-- limit. Keys are sha256 digests: no email or address is stored. Expired rows are purged by the
-- reconciler.
CREATE TABLE attempt_counters (
  key_hash bytea PRIMARY KEY,
  attempts integer NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX attempt_counters_expires_idx ON attempt_counters (expires_at);
