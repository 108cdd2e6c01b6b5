-- The intensity of each run (shared/engine/compute-intensity.ts): strides and hill repeats found in
-- the stream, time in fast bouts, and time above the athlete's threshold pace and heart rate. It is
-- computed with TRIMP and rTSS and marked by the same loads_profile key, so a change of HRmax or
-- threshold pace recomputes it from the stored samples; NULL until then (a summary-only activity,
-- or one stored before this column and not yet recomputed).
ALTER TABLE activities ADD COLUMN intensity jsonb;
