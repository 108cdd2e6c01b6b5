// The engine's routes: hip check-ins, cross-training, today's decision, the daily metrics and the
// progression (stage, plan, thresholds). Every write asks for a recompute from the day it changes.
import { Router } from 'express';
import { z } from 'zod';
import {
  DEFAULT_PLAN,
  DEFAULT_THRESHOLDS,
  resolveThresholds,
  validatePlan,
  type StageDefinition,
} from '#shared/engine/index';
import { BadInputError, NotFoundError } from '#shared/errors';
import { addDays, isLocalDate, localDateOf } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { findActivity } from '#services/db/activities.repository';
import {
  findProgressionSettings,
  insertCheckIn,
  insertCrossTraining,
  insertManualStage,
  listCheckIns,
  listCrossTraining,
  listEngineDays,
  listManualStages,
  listStageChanges,
  upsertProgressionSettings,
} from '#services/db/engine.repository';
import type { Athlete } from '#services/db/athletes.repository';
import { expandMetrics } from '#services/engine/compact-metrics';
import { FROM_THE_START, recomputeFrom } from '#services/engine/request-recompute';
import { computeTodayDecision } from '#services/engine/today-decision';
import type { JobQueue } from '#services/queue/jobs';
import { rangeSchema } from './activities.routes.ts';
import { actingRoleOf, currentAthlete, currentUser } from './session.ts';
import { parseInput } from './validate.ts';

const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');
const score = z
  .number()
  .int('must be a whole number from 0 to 10')
  .min(0)
  .max(10)
  .nullable()
  .optional();
const yesNo = z.boolean().nullable().optional();

const checkInSchema = z
  .object({
    date: localDate,
    painDuring: score,
    painAfter: score,
    painNextMorning: score,
    painAtRest: score,
    stiffness: score,
    clicking: yesNo,
    catchingOrLocking: yesNo,
    givingWay: yesNo,
    nightPain: yesNo,
    painWalking: yesNo,
    limp: yesNo,
    painHopping: yesNo,
    deepGroinPain: yesNo,
    readinessTestPassed: yesNo,
    activityId: z.string().uuid('must be the id of one of your activities').nullable().optional(),
    rpe: z.number().min(0).max(10).nullable().optional(),
    notes: z.string().max(2000).nullable().optional(),
  })
  .strict();

const crossTrainingSchema = z
  .object({
    date: localDate,
    kind: z.string().trim().min(1).max(40),
    minutes: z.number().positive().max(1440),
    rpe: z.number().min(0).max(10).nullable().optional(),
  })
  .strict();

const thresholdKeys = Object.keys(DEFAULT_THRESHOLDS) as Array<keyof typeof DEFAULT_THRESHOLDS>;

const progressionSchema = z
  .object({
    startStage: z.number().int().min(0).optional(),
    plan: z.array(z.record(z.string(), z.unknown())).min(1).nullable().optional(),
    thresholds: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .strict();

const stageSchema = z
  .object({
    stage: z.number().int().min(0),
    date: localDate.optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict();

/** A date the athlete may log: not after tomorrow in their own time zone (notes for today's run). */
function checkLoggable(date: string, athlete: Athlete, now: Date): void {
  const today = localDateOf(now, athlete.timezone);
  if (date > addDays(today, 1))
    throw new BadInputError('date_in_future', `date: ${date} is in the future (today is ${today})`);
}

export function engineRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();
  const recompute = (athleteId: string, from: string) =>
    recomputeFrom({ db: deps.pool, queue: deps.queue }, athleteId, from);

  router.post('/checkins', async (req, res) => {
    const input = parseInput(checkInSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    checkLoggable(input.date, athlete, deps.now());
    let from = addDays(input.date, -1); // "next morning" scores judge the day before
    if (input.activityId) {
      const activity = await findActivity(deps.pool, athlete.id, input.activityId);
      if (!activity) throw new NotFoundError('activityId: no such activity');
      if (activity.localDate < from) from = activity.localDate;
    }
    const row = await insertCheckIn(deps.pool, athlete.id, {
      date: input.date,
      painDuring: input.painDuring ?? null,
      painAfter: input.painAfter ?? null,
      painNextMorning: input.painNextMorning ?? null,
      painAtRest: input.painAtRest ?? null,
      stiffness: input.stiffness ?? null,
      clicking: input.clicking ?? null,
      catchingOrLocking: input.catchingOrLocking ?? null,
      givingWay: input.givingWay ?? null,
      nightPain: input.nightPain ?? null,
      painWalking: input.painWalking ?? null,
      limp: input.limp ?? null,
      painHopping: input.painHopping ?? null,
      deepGroinPain: input.deepGroinPain ?? null,
      readinessTestPassed: input.readinessTestPassed ?? null,
      activityId: input.activityId ?? null,
      rpe: input.rpe ?? null,
      notes: input.notes ?? null,
    });
    await recompute(athlete.id, from);
    res.status(201).json(row);
  });

  router.get('/checkins', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listCheckIns(deps.pool, athlete.id, range));
  });

  router.post('/cross-training', async (req, res) => {
    const input = parseInput(crossTrainingSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    checkLoggable(input.date, athlete, deps.now());
    const row = await insertCrossTraining(deps.pool, athlete.id, {
      ...input,
      rpe: input.rpe ?? null,
    });
    await recompute(athlete.id, input.date);
    res.status(201).json(row);
  });

  router.get('/cross-training', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listCrossTraining(deps.pool, athlete.id, range));
  });

  router.get('/today', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await computeTodayDecision(deps.pool, athlete, deps.now()));
  });

  router.get('/metrics/daily', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    const days = await listEngineDays(deps.pool, athlete.id, range);
    res.json(
      days.map((d) => ({
        day: d.day,
        runDistanceM: d.runDistanceM,
        runMovingS: d.runMovingS,
        runCount: d.runCount,
        ...(d.metrics ? expandMetrics(d.metrics as Record<string, unknown>) : {}),
      })),
    );
  });

  router.get('/progression', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const settings = await findProgressionSettings(deps.pool, athlete.id);
    res.json({
      startStage: settings.startStage,
      plan: settings.plan ?? DEFAULT_PLAN,
      customPlan: settings.plan !== null,
      thresholds: resolveThresholds(settings.thresholds),
      manualStages: await listManualStages(deps.pool, athlete.id),
      history: await listStageChanges(deps.pool, athlete.id),
    });
  });

  router.put('/progression', async (req, res) => {
    const input = parseInput(progressionSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const current = await findProgressionSettings(deps.pool, athlete.id);
    const plan = input.plan === undefined ? current.plan : input.plan;
    if (plan) {
      try {
        validatePlan(plan as unknown as StageDefinition[]);
      } catch (err) {
        throw new BadInputError('invalid_plan', `plan: ${(err as Error).message}`);
      }
    }
    const stages = (plan ?? DEFAULT_PLAN).length;
    if (input.startStage !== undefined && input.startStage >= stages) {
      throw new BadInputError('invalid_stage', `startStage: must be from 0 to ${stages - 1}`);
    }
    if (input.thresholds) {
      const unknown = Object.keys(input.thresholds).filter(
        (k) => !(thresholdKeys as string[]).includes(k),
      );
      if (unknown.length > 0)
        throw new BadInputError('invalid_thresholds', `thresholds: unknown ${unknown.join(', ')}`);
      for (const [k, v] of Object.entries(input.thresholds)) {
        if (typeof v !== typeof DEFAULT_THRESHOLDS[k as keyof typeof DEFAULT_THRESHOLDS]) {
          throw new BadInputError(
            'invalid_thresholds',
            `thresholds.${k}: must be a ${typeof DEFAULT_THRESHOLDS[k as keyof typeof DEFAULT_THRESHOLDS]}`,
          );
        }
      }
    }
    const saved = await upsertProgressionSettings(
      deps.pool,
      athlete.id,
      {
        ...(input.startStage !== undefined ? { startStage: input.startStage } : {}),
        ...(input.plan !== undefined ? { plan: input.plan } : {}),
        ...(input.thresholds !== undefined ? { thresholds: input.thresholds } : {}),
      },
      currentUser(res).id,
    );
    await recompute(athlete.id, FROM_THE_START);
    res.json({
      startStage: saved.startStage,
      plan: saved.plan ?? DEFAULT_PLAN,
      customPlan: saved.plan !== null,
      thresholds: resolveThresholds(saved.thresholds as never),
    });
  });

  router.post('/progression/stage', async (req, res) => {
    const input = parseInput(stageSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const settings = await findProgressionSettings(deps.pool, athlete.id);
    const stages = (settings.plan ?? DEFAULT_PLAN).length;
    if (input.stage >= stages)
      throw new BadInputError('invalid_stage', `stage: must be from 0 to ${stages - 1}`);
    const date = input.date ?? localDateOf(deps.now(), athlete.timezone);
    checkLoggable(date, athlete, deps.now());
    const by = actingRoleOf(res);
    await insertManualStage(deps.pool, athlete.id, {
      date,
      stage: input.stage,
      by,
      note: input.note ?? null,
    });
    await recompute(athlete.id, date);
    res.status(201).json({ date, stage: input.stage, by, note: input.note ?? null });
  });

  return router;
}
