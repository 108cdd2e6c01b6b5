// Clearances (science.md §5 rule 1, §4 "After surgery"): the runner, or their coach through
// /api/athletes/:id/clearances, records that a clinician has seen the hip and cleared running. The
// date must lie between the first day of the hold it clears and tomorrow in the athlete's zone.
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_PLAN, resolveThresholds, surgeryStatusOn } from '#shared/engine/index';
import { BadInputError } from '#shared/errors';
import { localDateOf } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { insertClearance, listClearances } from '#services/db/clearances.repository';
import { findProgressionSettings } from '#services/db/progression.repository';
import { recomputeFrom } from '#services/engine/request-recompute';
import { clearancesOf } from '#services/engine/engine-input';
import { computeToday } from '#services/engine/today-decision';
import type { JobQueue } from '#services/queue/jobs';
import { checkLoggable, localDate } from './dates.ts';
import { actingRoleOf, currentAthlete } from './session.ts';
import { parseInput } from './validate.ts';

const clearanceSchema = z
  .object({
    date: localDate,
    stage: z.number().int().min(0).nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict();

export function clearanceRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();

  router.post('/clearances', async (req, res) => {
    const input = parseInput(clearanceSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const now = deps.now();
    checkLoggable(input.date, athlete, now);
    const settings = await findProgressionSettings(deps.pool, athlete.id);
    const stages = (settings.plan ?? DEFAULT_PLAN).length;
    if (input.stage != null && input.stage >= stages)
      throw new BadInputError('invalid_stage', `stage: must be from 0 to ${stages - 1}`);
    // What the clearance would end: a red-flag hold, a surgery hold, or both.
    const starts: string[] = [];
    const decision = await computeToday(deps.pool, athlete, now);
    if (decision.hold?.kind === 'red_flag') starts.push(decision.hold.since);
    const surgery = surgeryStatusOn(
      localDateOf(now, athlete.timezone),
      athlete.surgeryDate,
      await clearancesOf(deps.pool, athlete.id),
      resolveThresholds(settings.thresholds),
    );
    if (surgery.hold) starts.push(surgery.hold.surgeryDate);
    if (starts.length === 0)
      throw new BadInputError(
        'nothing_to_clear',
        'date: there is no red flag or surgery hold to clear; a clearance ends one of them',
      );
    const first = starts.sort()[0] as string;
    if (input.date < first)
      throw new BadInputError(
        'date_before_hold',
        `date: ${input.date} is before ${first}, the first day of the hold it clears`,
      );
    const row = await insertClearance(deps.pool, athlete.id, {
      date: input.date,
      stage: input.stage ?? null,
      note: input.note ?? null,
      by: actingRoleOf(res),
    });
    await recomputeFrom({ db: deps.pool, queue: deps.queue }, athlete.id, input.date);
    res.status(201).json(row);
  });

  router.get('/clearances', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listClearances(deps.pool, athlete.id));
  });

  return router;
}
