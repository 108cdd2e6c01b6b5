// Hip check-ins, one per athlete and day (science.md §3): POST merges into the day's entry, PUT
// replaces it whole, GET reads one day or a range. Every write asks for a recompute from the day
// before (a morning score judges the session of the day before) or from the day of the run named.
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '#shared/errors';
import { addDays } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { findActivity } from '#services/db/activities.repository';
import { createCheckInWriter } from '#services/db/checkin-writer';
import { findCheckIn, listCheckIns, type CheckInFields } from '#services/db/checkins.repository';
import type { Athlete } from '#services/db/athletes.repository';
import { recomputeFrom } from '#services/engine/request-recompute';
import type { JobQueue } from '#services/queue/jobs';
import { rangeSchema } from './activities.routes.ts';
import { checkLoggable, localDate } from './dates.ts';
import { currentAthlete } from './session.ts';
import { parseInput } from './validate.ts';

const score = z
  .number()
  .int('must be a whole number from 0 to 10')
  .min(0)
  .max(10)
  .nullable()
  .optional();
const yesNo = z.boolean().nullable().optional();

const fields = {
  painDuring: score,
  painAfter: score,
  painNextMorning: score,
  painMorning: score,
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
};

const postSchema = z.object({ date: localDate, ...fields }).strict();
const dateParam = z.object({ date: localDate });
const putSchema = z.object(fields).strict();

export function checkinRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();

  const writeCheckIn = createCheckInWriter(deps.pool);

  /** Validate, write, and recompute from the earliest day the entry speaks about. */
  async function save(
    athlete: Athlete,
    date: string,
    fields: Partial<CheckInFields>,
    mode: 'merge' | 'replace',
  ) {
    checkLoggable(date, athlete, deps.now());
    let from = addDays(date, -1);
    if (fields.activityId) {
      const activity = await findActivity(deps.pool, athlete.id, fields.activityId);
      if (!activity) throw new NotFoundError('activityId: no such activity');
      if (activity.localDate < from) from = activity.localDate;
    }
    const saved = await writeCheckIn({ athleteId: athlete.id, date, fields, mode });
    // The run the entry named before no longer gets its score: its day is recomputed too.
    if (saved.previousActivityId && saved.previousActivityId !== fields.activityId) {
      const old = await findActivity(deps.pool, athlete.id, saved.previousActivityId);
      if (old && old.localDate < from) from = old.localDate;
    }
    await recomputeFrom({ db: deps.pool, queue: deps.queue }, athlete.id, from);
    return saved;
  }

  router.post('/checkins', async (req, res) => {
    const { date, ...input } = parseInput(postSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const { row, created } = await save(athlete, date, input, 'merge');
    res.status(created ? 201 : 200).json(row);
  });

  router.put('/checkins/:date', async (req, res) => {
    const { date } = parseInput(dateParam, req.params);
    const input = parseInput(putSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const { row, created } = await save(athlete, date, input, 'replace');
    res.status(created ? 201 : 200).json(row);
  });

  router.get('/checkins/:date', async (req, res) => {
    const { date } = parseInput(dateParam, req.params);
    const athlete = await currentAthlete(deps.pool, res);
    const row = await findCheckIn(deps.pool, athlete.id, date);
    if (!row) throw new NotFoundError(`no check-in on ${date}`);
    res.json(row);
  });

  router.get('/checkins', async (req, res) => {
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listCheckIns(deps.pool, athlete.id, range));
  });

  return router;
}
