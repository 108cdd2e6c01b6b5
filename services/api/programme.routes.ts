// The rehab programme (science.md §7): the day's sessions, logging a strength session, each lift's
// history, and the adjustments a coach (or the runner) makes. Mounted at /api and, for a coach with
// a grant, at /api/athletes/:id; the logged details (loads, reps) need the athlete's
// shareActivityDetails, the programme and adherence are derived and always readable.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { speakAll } from '#shared/engine/index';
import { NotFoundError } from '#shared/errors';
import { localDateOf } from '#shared/local-date';
import { EXERCISE_LIBRARY, exerciseOf, isExerciseId, doseTextOf } from '#shared/rehab/index';
import { withTransaction, type Pool } from '#services/db/database';
import {
  findAdjustments,
  insertStrengthSession,
  listStrengthSessions,
  replaceAdjustments,
} from '#services/db/strength-sessions.repository';
import { recomputeFrom } from '#services/engine/request-recompute';
import type { JobQueue } from '#services/queue/jobs';
import { computeToday } from '#services/engine/today-decision';
import { buildProgramme, replayFor } from '#services/rehab/build-programme';
import { estimateSessionMinutes } from '#services/rehab/session-minutes';
import { rangeSchema } from './activities.routes.ts';
import { checkLoggable, localDate } from './dates.ts';
import { voiceOf } from './reader-voice.ts';
import { actingRoleOf, currentAthlete, currentUser } from './session.ts';
import { parseInput } from './validate.ts';

const exerciseId = z
  .string()
  .refine(isExerciseId, 'no such exercise; GET /api/exercises lists the ids');

const sessionSchema = z
  .object({
    date: localDate,
    sessionKey: z.enum(['warm_up', 'strength_a', 'strength_b', 'mobility']).nullable().optional(),
    exercises: z
      .array(
        z
          .object({
            id: exerciseId,
            sets: z.number().int().min(1).max(20),
            reps: z.number().int().min(1).max(200).optional(),
            holdS: z.number().int().min(1).max(600).optional(),
            loadKg: z.number().min(0).max(500).optional(),
          })
          .strict()
          .refine((e) => e.reps !== undefined || e.holdS !== undefined, 'give reps or holdS'),
      )
      .min(1, 'log at least one exercise')
      .max(30),
    rpe: z.number().min(0).max(10).nullable().optional(),
    pain: z
      .number()
      .int('must be a whole number from 0 to 10')
      .min(0)
      .max(10)
      .nullable()
      .optional(),
    minutes: z.number().positive().max(600).optional(),
  })
  .strict();

const adjustmentsSchema = z
  .object({
    swaps: z
      .array(z.object({ exerciseId, replacementId: exerciseId }).strict())
      .max(30)
      .refine(
        (s) => s.every((x) => x.exerciseId !== x.replacementId),
        'swap an exercise for another',
      )
      .refine(
        (s) => new Set(s.map((x) => x.exerciseId)).size === s.length,
        'one swap per exercise',
      ),
    levelHolds: z.array(exerciseId).max(30),
  })
  .strict();

const dateQuery = z.object({ date: localDate.optional() }).strict();

/** A coach reads logged loads and reps only where the athlete shares activity details. */
function checkDetails(res: Response): void {
  const share = (res.locals as { shareActivityDetails?: boolean }).shareActivityDetails === true;
  if (actingRoleOf(res) === 'coach' && !share)
    throw new NotFoundError(
      'this athlete shares only derived load with you, not the details of each session',
    );
}

export function programmeRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();

  router.get('/exercises', (_req, res) => {
    res.json(EXERCISE_LIBRARY);
  });

  router.get('/programme', async (req, res) => {
    const query = parseInput(dateQuery, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    const now = deps.now();
    const date = query.date ?? localDateOf(now, athlete.timezone);
    const voice = await voiceOf(deps.pool, res, athlete);
    res.json(speakAll(await buildProgramme(deps.pool, athlete, date, now), voice));
  });

  router.get('/programme/history', async (_req, res) => {
    checkDetails(res);
    const athlete = await currentAthlete(deps.pool, res);
    const now = deps.now();
    const { stage } = await computeToday(deps.pool, athlete, now);
    const { replay } = await replayFor(
      deps.pool,
      athlete,
      localDateOf(now, athlete.timezone),
      stage,
    );
    const byExercise = new Map<string, Array<Record<string, unknown>>>();
    for (const s of replay.steps) {
      const points = byExercise.get(s.exerciseId) ?? [];
      points.push({
        date: s.date,
        level: s.prescribed.level,
        sets: s.done.sets,
        reps: s.done.reps ?? null,
        holdS: s.done.holdS ?? null,
        loadKg: s.done.loadKg ?? s.prescribed.loadKg ?? null,
        pain: s.pain,
        rpe: s.rpe,
        outcome: s.outcome,
      });
      byExercise.set(s.exerciseId, points);
    }
    res.json(
      [...byExercise].map(([id, points]) => ({
        exerciseId: id,
        name: exerciseOf(id)?.name ?? id,
        points,
      })),
    );
  });

  router.get('/programme/adjustments', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await findAdjustments(deps.pool, athlete.id));
  });

  router.put('/programme/adjustments', async (req, res) => {
    const input = parseInput(adjustmentsSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    await withTransaction(deps.pool, (client) =>
      replaceAdjustments(client, athlete.id, input, currentUser(res).id),
    );
    res.json(await findAdjustments(deps.pool, athlete.id));
  });

  router.post('/strength-sessions', async (req, res) => {
    const input = parseInput(sessionSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    checkLoggable(input.date, athlete, deps.now());
    const session = await insertStrengthSession(deps.pool, athlete.id, {
      date: input.date,
      sessionKey: input.sessionKey ?? null,
      exercises: input.exercises,
      rpe: input.rpe ?? null,
      pain: input.pain ?? null,
      minutes: input.minutes ?? estimateSessionMinutes(input.exercises),
    });
    // Session-RPE load counts into the day's total load (cross-training, never running distance).
    await recomputeFrom({ db: deps.pool, queue: deps.queue }, athlete.id, input.date);
    const { stage } = await computeToday(deps.pool, athlete, deps.now());
    const { replay } = await replayFor(deps.pool, athlete, input.date, stage);
    const mine = new Set(input.exercises.map((e) => e.id));
    const last = new Map(
      replay.steps
        .filter((s) => s.date === input.date && mine.has(s.exerciseId))
        .map((s) => [s.exerciseId, s]),
    );
    res.status(201).json({
      ...session,
      progression: [...last.values()].map((s) => {
        const exercise = exerciseOf(s.exerciseId);
        return {
          exerciseId: s.exerciseId,
          outcome: s.outcome,
          change: s.change,
          reason: s.reason,
          next: { ...s.next, doseText: exercise ? doseTextOf(exercise, s.next) : '' },
        };
      }),
    });
  });

  router.get('/strength-sessions', async (req, res) => {
    checkDetails(res);
    const range = parseInput(rangeSchema, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listStrengthSessions(deps.pool, athlete.id, range));
  });

  return router;
}
