import { Router } from 'express';
import type { ActivityDetail } from '#shared/api/activities';
import { z } from 'zod';
import { isRunningSport, type Sport } from '#shared/activity/activity';
import { describeFileWarning } from '#shared/activity/describe-file-warning';
import {
  compareSession,
  DEFAULT_PLAN,
  resolveThresholds,
  type StageDefinition,
  type Thresholds,
} from '#shared/engine/index';
import { NotFoundError } from '#shared/errors';
import { findStageOn } from '#services/db/daily-metrics.repository';
import { findProgressionSettings } from '#services/db/progression.repository';
import { isLocalDate } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { findActivity, listActivities } from '#services/db/activities.repository';
import { listWeeklyVolume } from '#services/db/metrics.repository';
import { currentAthlete } from './session.ts';
import { isUuid } from './ids.ts';
import { parseInput } from './validate.ts';

const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');
export const rangeSchema = z.object({ from: localDate.optional(), to: localDate.optional() });

export function activitiesRoutes(deps: { pool: Pool }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listActivities(deps.pool, athlete.id, range));
  });

  router.get('/:id', async (req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const activity = isUuid(req.params.id)
      ? await findActivity(deps.pool, athlete.id, req.params.id)
      : undefined;
    if (!activity) throw new NotFoundError('no such activity');
    // How the session compared with the stage's prescription of that day.
    const settings = await findProgressionSettings(deps.pool, athlete.id);
    const plan = (settings.plan as StageDefinition[] | null) ?? DEFAULT_PLAN;
    const stageNumber =
      (await findStageOn(deps.pool, athlete.id, activity.localDate)) ?? settings.startStage;
    const stage = plan[stageNumber];
    const comparison = stage
      ? compareSession(
          {
            intervals: activity.intervals,
            laps: activity.laps,
            movingS: activity.movingS,
            distanceM: activity.distanceM,
            running: isRunningSport(activity.sport as Sport),
          },
          stage,
          resolveThresholds(settings.thresholds as Partial<Thresholds>),
        )
      : null;
    // How the file was read, the moments it names on the athlete's local clock.
    const fileWarnings = activity.fileWarnings.map((w) => ({
      code: w.code,
      message: describeFileWarning(w, new Date(activity.startAt), athlete.timezone),
    }));
    res.json({ ...activity, fileWarnings, comparison } satisfies ActivityDetail);
  });

  return router;
}

export function metricsRoutes(deps: { pool: Pool }): Router {
  const router = Router();

  router.get('/weekly', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listWeeklyVolume(deps.pool, athlete.id, range));
  });

  return router;
}
