// The progression: the plan, start stage and thresholds (GET/PUT /progression), a stage set by the
// runner or a coach (POST /progression/stage), and the first-run onboarding (POST /onboarding) that
// picks where a runner starts (science.md §4 "Where a runner starts").
import { Router } from 'express';
import type { Progression, StageSet } from '#shared/api/progression';
import { z } from 'zod';
import { isRunningSport, type Sport } from '#shared/activity/activity';
import {
  checkOneVariable,
  DEFAULT_PLAN,
  DEFAULT_THRESHOLDS,
  pickStartStage,
  proposeStage,
  resolveThresholds,
  RUNNER_VOICE,
  speak,
  speakAll,
  type StageDefinition,
} from '#shared/engine/index';
import { BadInputError } from '#shared/errors';
import { addDays, localDateOf } from '#shared/local-date';
import { withTransaction, type Pool } from '#services/db/database';
import { listActivities } from '#services/db/activities.repository';
import { updateAthlete, type Athlete } from '#services/db/athletes.repository';
import { listCheckIns } from '#services/db/checkins.repository';
import { listStageChanges } from '#services/db/stage-changes.repository';
import {
  findProgressionSettings,
  insertManualStage,
  listManualStages,
  markStageChosen,
} from '#services/db/progression.repository';
import { changeProgression } from '#services/engine/change-progression';
import { FROM_THE_START, recomputeFrom } from '#services/engine/request-recompute';
import type { JobQueue } from '#services/queue/jobs';
import { checkLoggable, localDate } from './dates.ts';
import { voiceOf } from './reader-voice.ts';
import { actingRoleOf, currentAthlete, currentUser } from './session.ts';
import { parseInput } from './validate.ts';

const progressionSchema = z
  .object({
    startStage: z.number().int().min(0).optional(),
    plan: z.array(z.record(z.string(), z.unknown())).min(1).nullable().optional(),
    thresholds: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
    /** The day of the hip surgery (science.md §4 "After surgery"); null removes it. */
    surgeryDate: localDate.nullable().optional(),
  })
  .strict();

const stageSchema = z
  .object({
    stage: z.number().int().min(0),
    date: localDate.optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict();

const SITUATIONS = {
  after_surgery: 'after surgery',
  after_break: 'coming back after a break',
  symptoms_now: 'running with hip symptoms now',
  running_well: 'running well',
} as const;

const onboardingSchema = z
  .object({
    situation: z.enum(['after_surgery', 'after_break', 'symptoms_now', 'running_well']),
    surgeryDate: localDate.optional(),
    lastRunDate: localDate.optional(),
    typicalRunMin: z.number().positive().max(600).optional(),
    typicalRunKm: z.number().positive().max(100).optional(),
    runsPerWeek: z.number().int().min(0).max(14).optional(),
    painDuringRun: z.number().int().min(0).max(10).optional(),
    intensityNow: z.boolean().optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const need = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (a.situation === 'after_surgery' && !a.surgeryDate)
      need('surgeryDate', 'required after surgery: the day of the operation');
    if (a.situation === 'after_break' && !a.lastRunDate)
      need('lastRunDate', 'required after a break: the day of the last run');
    if (
      a.situation !== 'after_surgery' &&
      a.typicalRunMin === undefined &&
      a.typicalRunKm === undefined
    )
      need('typicalRunMin', 'required (or typicalRunKm): how long a typical run is now');
  });

/** The last 4 weeks' runs and pain, for the proposal to a runner who has not chosen. */
async function proposalOf(
  pool: Pool,
  athlete: Athlete,
  plan: readonly StageDefinition[],
  now: Date,
) {
  const from = addDays(localDateOf(now, athlete.timezone), -27);
  const runs = (await listActivities(pool, athlete.id, { from })).filter((a) =>
    isRunningSport(a.sport as Sport),
  );
  const checkins = await listCheckIns(pool, athlete.id, { from });
  const painAboveGreen = checkins.some((c) =>
    [c.painDuring, c.painAfter, c.painNextMorning, c.painMorning, c.painAtRest].some(
      (v) => v !== null && v > DEFAULT_THRESHOLDS.painGreenMax,
    ),
  );
  return proposeStage(
    plan,
    runs.map((r) => r.movingS / 60),
    painAboveGreen,
  );
}

export function progressionRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();
  const recompute = (athleteId: string, from: string) =>
    recomputeFrom({ db: deps.pool, queue: deps.queue }, athleteId, from);

  router.get('/progression', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const voice = await voiceOf(deps.pool, res, athlete);
    const settings = await findProgressionSettings(deps.pool, athlete.id);
    const plan = (settings.plan as StageDefinition[] | null) ?? DEFAULT_PLAN;
    const stageChosen = settings.stageChosenAt !== null;
    const proposed = stageChosen ? null : await proposalOf(deps.pool, athlete, plan, deps.now());
    res.json({
      startStage: settings.startStage,
      plan: [...plan],
      customPlan: settings.plan !== null,
      thresholds: resolveThresholds(settings.thresholds),
      manualStages: await listManualStages(deps.pool, athlete.id),
      history: speakAll(await listStageChanges(deps.pool, athlete.id), voice),
      stageChosen,
      proposedStage: proposed ? { ...proposed, reason: speak(proposed.reason, voice) } : null,
      surgeryDate: athlete.surgeryDate,
      planWarnings: checkOneVariable(plan),
    } satisfies Progression);
  });

  router.put('/progression', async (req, res) => {
    const change = parseInput(progressionSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    if (change.surgeryDate) checkLoggable(change.surgeryDate, athlete, deps.now(), 'surgeryDate');
    const saved = await changeProgression(deps, athlete, change, currentUser(res).id);
    res.json(saved);
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
    await withTransaction(deps.pool, async (client) => {
      await insertManualStage(client, athlete.id, {
        date,
        stage: input.stage,
        by,
        note: input.note ?? null,
      });
      await markStageChosen(client, athlete.id, currentUser(res).id);
    });
    await recompute(athlete.id, date);
    res
      .status(201)
      .json({ date, stage: input.stage, by, note: input.note ?? null } satisfies StageSet);
  });

  router.post('/onboarding', async (req, res) => {
    const answers = parseInput(onboardingSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const now = deps.now();
    if (answers.surgeryDate) checkLoggable(answers.surgeryDate, athlete, now, 'surgeryDate');
    if (answers.lastRunDate) checkLoggable(answers.lastRunDate, athlete, now, 'lastRunDate');
    const today = localDateOf(now, athlete.timezone);
    const settings = await findProgressionSettings(deps.pool, athlete.id);
    const plan = (settings.plan as StageDefinition[] | null) ?? DEFAULT_PLAN;
    const choice = pickStartStage(plan, answers, today, resolveThresholds(settings.thresholds));
    const userId = currentUser(res).id;
    await withTransaction(deps.pool, async (client) => {
      await insertManualStage(client, athlete.id, {
        date: today,
        stage: choice.stage,
        by: 'runner',
        note: `onboarding, ${SITUATIONS[answers.situation]}`,
      });
      await markStageChosen(client, athlete.id, userId, { answers, ...choice, date: today });
      if (answers.situation === 'after_surgery')
        await updateAthlete(client, athlete.id, { surgeryDate: answers.surgeryDate ?? null });
    });
    await recompute(athlete.id, answers.situation === 'after_surgery' ? FROM_THE_START : today);
    res.status(201).json({
      stage: choice.stage,
      reason: speak(choice.reason, RUNNER_VOICE),
      stageChosen: true,
    });
  });

  return router;
}
