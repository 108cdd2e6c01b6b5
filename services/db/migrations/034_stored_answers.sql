-- Each day as GET /api/metrics/daily sends it (JSON text), written with the row by the recompute:
-- the route joins the days of a range without parsing or building them. NULL for rows written
-- before; the route builds those from the metrics until they are recomputed.
ALTER TABLE daily_metrics ADD COLUMN lean text;

-- Today's decision as the last recompute made it, for the day it was made: GET /api/today reads it
-- while no recompute is pending, and computes the day live otherwise.
CREATE TABLE today_decisions (
  athlete_id uuid PRIMARY KEY REFERENCES athletes (id) ON DELETE CASCADE,
  day date NOT NULL,
  decision jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now()
);
