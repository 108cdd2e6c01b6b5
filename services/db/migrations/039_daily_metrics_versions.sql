-- A number per athlete that changes whenever their daily rows do (written by the recompute, in the
-- transaction that writes the rows): GET /api/metrics/daily keys its answers on it, so a range
-- read again is served without reading, joining and compressing a year of days.
CREATE TABLE daily_metrics_versions (
  athlete_id uuid PRIMARY KEY REFERENCES athletes (id) ON DELETE CASCADE,
  version bigint NOT NULL
);
