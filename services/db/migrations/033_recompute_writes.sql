-- A digest of each engine row as written: a recompute writes a day again only when its new row
-- differs (NULL for rows written before: they are written once more, then compared).
ALTER TABLE daily_metrics ADD COLUMN digest text;

-- Requests that arrive while a recompute runs: the pending request once it finishes. The running
-- recompute no longer locks the request's row, so a check-in never waits for it.
ALTER TABLE recompute_requests ADD COLUMN newer_from date;
