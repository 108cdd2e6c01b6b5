// Today's decision, computed live: the engine resumes from the stored state of yesterday (or runs
// the whole history when there is none), so the answer is current even before the nightly row.
import { runEngine, type TodayDecision } from '#shared/engine/index';
import { localDateOf } from '#shared/local-date';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { prepareEngineInput, profileOf, progressionOf } from './engine-input.ts';

export async function computeTodayDecision(
  db: Queryable,
  athlete: Athlete,
  now: Date,
): Promise<TodayDecision> {
  const today = localDateOf(now, athlete.timezone);
  const prepared = await prepareEngineInput(db, athlete, today, today, { refreshLoads: false });
  const input = prepared?.input ?? {
    profile: profileOf(athlete),
    runs: [],
    checkins: [],
    crossTraining: [],
    progression: await progressionOf(db, athlete.id),
    today,
  };
  return runEngine(input).today;
}
