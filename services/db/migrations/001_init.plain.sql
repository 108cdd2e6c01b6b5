-- Plain PostgreSQL path of schema v1: weekly volume as an ordinary view with the same columns
-- and the same Monday-aligned weeks as the TimescaleDB continuous aggregate
-- (time_bucket('7 days', date) buckets from 2000-01-03, a Monday).
CREATE VIEW weekly_volume AS
SELECT
  athlete_id,
  date_trunc('week', day)::date AS week_start,
  sum(run_distance_m) AS run_distance_m,
  sum(run_moving_s) AS run_moving_s,
  sum(run_count) AS run_count
FROM daily_metrics
GROUP BY athlete_id, date_trunc('week', day)::date;
