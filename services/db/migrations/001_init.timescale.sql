-- TimescaleDB path of schema v1: time-series tables become hypertables, weekly volume a
-- continuous aggregate with real-time results (materialized_only = false), so reads see
-- rows written since the last refresh.
SELECT create_hypertable('samples', by_range('t', INTERVAL '7 days'));
ALTER TABLE samples SET (
  timescaledb.compress,
  timescaledb.compress_segmentby = 'activity_id',
  timescaledb.compress_orderby = 't'
);
SELECT add_compression_policy('samples', INTERVAL '30 days');

SELECT create_hypertable('daily_metrics', by_range('day', INTERVAL '180 days'));

CREATE MATERIALIZED VIEW weekly_volume
WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT
  athlete_id,
  time_bucket(INTERVAL '7 days', day) AS week_start,
  sum(run_distance_m) AS run_distance_m,
  sum(run_moving_s) AS run_moving_s,
  sum(run_count) AS run_count
FROM daily_metrics
GROUP BY athlete_id, time_bucket(INTERVAL '7 days', day)
WITH NO DATA;

SELECT add_continuous_aggregate_policy('weekly_volume',
  start_offset => INTERVAL '5 years',
  end_offset => INTERVAL '1 day',
  schedule_interval => INTERVAL '1 hour');
