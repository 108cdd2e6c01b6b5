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
import { stageOn } from '#services/engine/today-decision';
import { findProgressionSettings } from '#services/db/progression.repository';
import { addDays, isLocalDate, localDateOf } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { findActivity } from '#services/db/activities.repository';
import { listActivityPage } from '#services/db/activity-pages.repository';
import { listWeeklyVolume } from '#services/db/metrics.repository';
import { findActivityIntensity, listRunIntensity } from '#services/db/intensity.repository';
import type { IntensityMetrics } from '#shared/api/intensity';
import { thresholdHrOf } from '#shared/engine/compute-intensity';
import { intensityBasisOf, intensityLineOf } from '#shared/engine/intensity-line';
import { currentAthlete } from './session.ts';
import { isUuid } from './ids.ts';
import { activityCursorSchema, nextLinkOf } from './activity-cursor.ts';
import { parseInput } from './validate.ts';

const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');
export const rangeSchema = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
});

/** Without a range or a cursor the list is the last 90 days (today included). */
export const DEFAULT_RANGE_DAYS = 90;

const pageSchema = rangeSchema.extend({
  before: activityCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function activitiesRoutes(deps: { pool: Pool; now: () => Date }): Router {
  const router = Router();

  // Newest first, one page at a time: the Link header (rel="next") names the older page.
  router.get('/', async (req, res) => {
    const query = parseInput(pageSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    const unbounded = !query.from && !query.to && !query.before;
    const today = localDateOf(deps.now(), athlete.timezone);
    const page = await listActivityPage(deps.pool, athlete.id, {
      ...query,
      window: unbounded ? addDays(today, 1 - DEFAULT_RANGE_DAYS) : undefined,
    });
    if (page.next) res.setHeader('Link', nextLinkOf(req, query, page.next));
    res.json(page.activities);
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
      (await stageOn(deps.pool, athlete, activity.localDate, deps.now())) ?? settings.startStage;
    const stage = plan[stageNumber];
    const intensity = await findActivityIntensity(deps.pool, activity.id);
    const comparison = stage
      ? compareSession(
          {
            intervals: activity.intervals,
            laps: activity.laps,
            movingS: activity.movingS,
            distanceM: activity.distanceM,
            running: isRunningSport(activity.sport as Sport),
            // The strides and hill repeats the engine was given (stored with the loads), so page
            // and card agree; none before they are computed (an activity not yet recomputed).
            ...(intensity
              ? { strides: intensity.strides, hillRepeats: intensity.hillRepeats.length }
              : {}),
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
    res.json({
      ...activity,
      fileWarnings,
      comparison,
      athleteHrMaxBpm: athlete.hrMaxBpm,
    } satisfies ActivityDetail);
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

  // The intensity line: time above threshold, fast bouts, strides and hill repeats per day and week.
  router.get('/intensity', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    const profile = {
      thresholdPaceSPerKm: athlete.thresholdPaceSPerKm,
      hrMaxBpm: athlete.hrMaxBpm,
    };
    const basis = intensityBasisOf(profile);
    const runs = await listRunIntensity(deps.pool, athlete.id, range);
    res.json({
      basis,
      thresholdPaceSPerKm: profile.thresholdPaceSPerKm,
      thresholdHrBpm: thresholdHrOf(profile.hrMaxBpm),
      ...intensityLineOf(runs, basis),
    } satisfies IntensityMetrics);
  });

  return router;
}
