// Who reads an athlete's decision: the runner themselves ("your"), or a coach reading about the
// athlete by name (their display name, else the local part of their email).
import type { Response } from 'express';
import { nameOfEmail, RUNNER_VOICE, type Voice } from '#shared/engine/index';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { findUserById } from '#services/db/users.repository';
import { actingRoleOf } from './session.ts';

export async function voiceOf(db: Queryable, res: Response, athlete: Athlete): Promise<Voice> {
  if (actingRoleOf(res) !== 'coach') return RUNNER_VOICE;
  return coachVoiceOf(db, athlete);
}

export async function coachVoiceOf(db: Queryable, athlete: Athlete): Promise<Voice> {
  const user = await findUserById(db, athlete.userId);
  return { reader: 'coach', name: user?.displayName ?? nameOfEmail(user?.email ?? 'the athlete') };
}
