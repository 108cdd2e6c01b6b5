// Coach notes as conversations: a coach leaves a note on an athlete — about them in general, a day,
// or one of their activities — and the athlete reads it there and replies; the coach's roster
// counts the replies they have not read. The runner's side is /api/notes; the coach's side is
// mounted under /api/athletes/:athleteId, behind the grant check (no grant: 404).
import { Router } from 'express';
import { z } from 'zod';
import { BadInputError, NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import {
  findThread,
  insertNote,
  isAthleteActivity,
  listNoteThreads,
  markRepliesRead,
} from '#services/db/notes.repository';
import { localDate } from './dates.ts';
import { isUuid } from './ids.ts';
import { requireRole } from './require-role.ts';
import { currentAthlete, currentUser } from './session.ts';
import { parseInput } from './validate.ts';

const body = z.string().trim().min(1).max(4000);
const noteSchema = z
  .object({
    body,
    day: localDate.nullable().optional(),
    activityId: z.uuid('activityId: must be an activity id').nullable().optional(),
  })
  .strict()
  .refine((n) => !(n.day && n.activityId), 'tie a note to a day or to an activity, not both');
const replySchema = z.object({ body }).strict();
const threadQuery = z
  .object({
    day: localDate.optional(),
    activityId: z.uuid('activityId: must be an activity id').optional(),
  })
  .strict();

/** /api/notes…: the notes coaches left on the signed-in runner, and the runner's replies. */
export function runnerNotesRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  const runnerOnly = requireRole('runner', 'read and answer notes about themselves');

  router.get('/notes', runnerOnly, async (req, res) => {
    const filter = parseInput(threadQuery, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(await listNoteThreads(deps.pool, athlete.id, filter));
  });

  router.post('/notes/:noteId/replies', runnerOnly, async (req, res) => {
    const input = parseInput(replySchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const noteId = req.params.noteId;
    const thread =
      typeof noteId === 'string' && isUuid(noteId)
        ? await findThread(deps.pool, athlete.id, noteId)
        : undefined;
    if (!thread || thread.coachUserId === null)
      throw new NotFoundError('no such note from a coach of yours');
    const reply = await insertNote(deps.pool, {
      athleteId: athlete.id,
      authorUserId: currentUser(res).id,
      coachUserId: thread.coachUserId,
      body: input.body,
      replyTo: thread.id,
    });
    res.status(201).json(reply);
  });
  return router;
}

/** /api/athletes/:athleteId/notes…: a coach's threads on a granted athlete (grant checked before). */
export function coachNotesRoutes(deps: { pool: Pool; now: () => Date }): Router {
  const router = Router();

  router.get('/notes', async (req, res) => {
    const filter = parseInput(threadQuery, req.query);
    const athlete = await currentAthlete(deps.pool, res);
    res.json(
      await listNoteThreads(deps.pool, athlete.id, { ...filter, coachUserId: currentUser(res).id }),
    );
  });

  router.post('/notes', async (req, res) => {
    const input = parseInput(noteSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    if (input.activityId && !(await isAthleteActivity(deps.pool, athlete.id, input.activityId)))
      throw new BadInputError('activity_unknown', 'activityId: not an activity of this athlete');
    const coachId = currentUser(res).id;
    const note = await insertNote(deps.pool, {
      athleteId: athlete.id,
      authorUserId: coachId,
      coachUserId: coachId,
      body: input.body,
      day: input.day ?? null,
      activityId: input.activityId ?? null,
    });
    res.status(201).json({ ...note, replies: [] });
  });

  // The coach has read the athlete's replies (the roster's count of new replies goes to 0).
  router.post('/notes/read', async (_req, res) => {
    const athlete = await currentAthlete(deps.pool, res);
    const read = await markRepliesRead(deps.pool, athlete.id, currentUser(res).id, deps.now());
    res.json({ read });
  });
  return router;
}
