// GET /api/wellness?from&to: the athlete's daily resting heart rate and HRV (SDNN), as imported
// (Apple Health). Shown on the trends beside load and pain; the engine does not use them. A coach
// reads them through /api/athletes/:athleteId/wellness under the same grant as the daily metrics.
import { Router } from 'express';
import type { Pool } from '#services/db/database';
import { listWellnessDays } from '#services/db/wellness.repository';
import { rangeSchema } from './activities.routes.ts';
import { currentAthlete } from './session.ts';
import { parseInput } from './validate.ts';

export function wellnessRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listWellnessDays(deps.pool, athlete.id, range));
  });
  return router;
}
