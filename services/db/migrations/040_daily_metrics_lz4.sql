-- A day's metrics, carry and stored answer are compressed with lz4 where the server supports it:
-- a recompute that writes every day of five years (after a change of thresholds) spends a quarter
-- of its database time compressing those rows with pglz, the default. A server built without lz4
-- keeps pglz.
DO $$
BEGIN
  ALTER TABLE daily_metrics
    ALTER COLUMN metrics SET COMPRESSION lz4,
    ALTER COLUMN carry SET COMPRESSION lz4,
    ALTER COLUMN lean SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  NULL;
END
$$;
