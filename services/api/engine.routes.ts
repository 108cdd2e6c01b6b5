// The engine's routes: cross-training, today's decision and the daily metrics here; check-ins,
// clearances and the progression (with onboarding) in routers of their own, mounted on this one so
// that a coach reads them through /api/athletes/:id/… exactly as the runner does. Every write asks
// for a recompute from the day it changes.
import { Router } from 'express';
import type { DailyMetrics, TodayDecision } from '#shared/api/metrics';
import { z } from 'zod';
import type { Pool } from '#services/db/database';
import { insertCrossTraining, listCrossTraining } from '#services/db/cross-training.repository';
import { findDailyMetricsVersion, listLeanDays } from '#services/db/daily-metrics.repository';
import { leanDay } from '#services/engine/lean-day';
import { METRICS_INFO } from '#services/engine/metrics-info';
import { recomputeFrom } from '#services/engine/request-recompute';
import { computeTodayDecision } from '#services/engine/today-decision';
import type { JobQueue } from '#services/queue/jobs';
import { withPlanSessions } from '#services/rehab/plan-sessions';
import { rangeSchema } from './activities.routes.ts';
import { createAnswerCache, sendCachedJson } from './answer-cache.ts';
import { checkinRoutes } from './checkins.routes.ts';
import { clearanceRoutes } from './clearances.routes.ts';
import { checkLoggable, localDate } from './dates.ts';
import { progressionRoutes } from './progression.routes.ts';
import { voiceOf } from './reader-voice.ts';
import { currentAthlete } from './session.ts';
import { parseInput } from './validate.ts';

const crossTrainingSchema = z
  .object({
    date: localDate,
    kind: z.string().trim().min(1).max(40),
    minutes: z.number().positive().max(1440),
    rpe: z.number().min(0).max(10).nullable().optional(),
  })
  .strict();

/** Memory for the daily-metrics answers of one API process (gzipped: a year is 5–50 KB). */
const DAILY_ANSWERS_BYTES = 32 * 1024 * 1024;

export function engineRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();

  router.post('/cross-training', async (req, res) => {
    const input = parseInput(crossTrainingSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    checkLoggable(input.date, athlete, deps.now());
    const row = await insertCrossTraining(deps.pool, athlete.id, {
      ...input,
      rpe: input.rpe ?? null,
    });
    await recomputeFrom({ db: deps.pool, queue: deps.queue }, athlete.id, input.date);
    res.status(201).json(row);
  });

  router.get('/cross-training', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listCrossTraining(deps.pool, athlete.id, range));
  });

  router.get('/today', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const voice = await voiceOf(deps.pool, res, athlete);
    const decision = await computeTodayDecision(deps.pool, athlete, deps.now(), voice);
    res.json((await withPlanSessions(deps.pool, athlete, decision)) satisfies TodayDecision);
  });

  // A year of days is the largest answer; it changes only when a recompute writes the rows.
  const dailyAnswers = createAnswerCache(DAILY_ANSWERS_BYTES);
  router.get('/metrics/daily', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    const version = await findDailyMetricsVersion(deps.pool, athlete.id);
    const key = `${athlete.id}|${version}|${range.from ?? ''}|${range.to ?? ''}`;
    const answer = await dailyAnswers.get(key, async () => {
      const days = await listLeanDays(deps.pool, athlete.id, range);
      // Numbers and codes only: no sentence of the day is sent, so there is nothing to speak for
      // the reader (the texts are in GET /api/metrics/info and GET /api/today). Each day is
      // stored as it is sent, and joined here without being parsed.
      const json = days.map((d) => {
        if (d.lean !== null) return d.lean;
        const { lean: _none, metrics, ...totals } = d;
        const day: DailyMetrics = leanDay(
          totals,
          (metrics ?? null) as Parameters<typeof leanDay>[1],
        );
        return JSON.stringify(day);
      });
      return `[${json.join(',')}]`;
    });
    sendCachedJson(req, res, answer);
  });

  router.get('/metrics/info', async (_req, res) => {
    // The same for every athlete; still behind the session (or a coach's grant) like its siblings.
    await currentAthlete(deps.pool, res);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.json(METRICS_INFO);
  });

  router.use(checkinRoutes(deps));
  router.use(clearanceRoutes(deps));
  router.use(progressionRoutes(deps));
  return router;
}
