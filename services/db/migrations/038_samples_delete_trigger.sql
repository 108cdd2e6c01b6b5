-- Samples are written by one path only, in the transaction that has just inserted their activity
-- (insertActivity, services/db/activities.repository.ts). Checking the foreign key row by row, a
-- lookup and a lock of the activity for each of an hour's 3,600 samples, more than doubled the
-- database's time for COPY of a run's samples. A trigger keeps what the key gave beyond that:
-- deleting an activity (or its athlete, or the account) deletes its samples.
DO $$
DECLARE
  fk text;
BEGIN
  SELECT conname INTO fk FROM pg_constraint
   WHERE conrelid = 'samples'::regclass AND contype = 'f';
  IF fk IS NOT NULL THEN
    EXECUTE format('ALTER TABLE samples DROP CONSTRAINT %I', fk);
  END IF;
END
$$;

CREATE FUNCTION delete_samples_of_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM samples WHERE activity_id = OLD.id;
  RETURN OLD;
END
$$;

CREATE TRIGGER activities_delete_samples AFTER DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION delete_samples_of_activity();
