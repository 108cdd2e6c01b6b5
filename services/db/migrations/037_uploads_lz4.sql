-- An upload's original bytes are compressed with lz4 where the server supports it: pglz, the
-- default, costs a bulk import of 800 MB of GPX several seconds of the database's CPU, lz4 about a
-- third of that, for the same size. A server built without lz4 keeps pglz.
DO $$
BEGIN
  ALTER TABLE uploads ALTER COLUMN content SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  NULL;
END
$$;
