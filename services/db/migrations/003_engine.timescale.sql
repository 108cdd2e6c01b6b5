-- Check-ins are a time series: a hypertable under TimescaleDB.
SELECT create_hypertable('checkins', by_range('date', INTERVAL '365 days'));
