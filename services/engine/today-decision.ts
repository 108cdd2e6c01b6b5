// Today's decision: the one the last recompute stored, while no recompute is pending; otherwise
// computed live — the engine resumes from the stored state of the day before the first day still
// waiting for a recompute (yesterday when none is), or runs the whole history — so the answer is
// current even before the worker has written the rows: a red flag posted a minute ago holds today
// already.
import { runEngine, speakAll, type TodayDecision, type Voice } from '#shared/engine/index';
import { localDateOf } from '#shared/local-date';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { findCheckIn, type CheckInRow } from '#services/db/checkins.repository';
import { findCurrentToday } from '#services/db/today-decisions.repository';
import { clearancesOf, prepareEngineInput, profileOf, progressionOf } from './engine-input.ts';

/** The engine's decision for the athlete's today, its texts still in the engine's tokens. */
export async function computeToday(
  db: Queryable,
  athlete: Athlete,
  now: Date,
): Promise<TodayDecision> {
  const today = localDateOf(now, athlete.timezone);
  const current = await findCurrentToday(db, athlete.id, today);
  // The worker's decision of today stands while nothing changed since (no recompute pending).
  if ('decision' in current) return current.decision as TodayDecision;
  const pending = current.pendingFrom;
  const from = pending !== undefined && pending < today ? pending : today;
  const prepared = await prepareEngineInput(db, athlete, from, today, { refreshLoads: false });
  const input = prepared?.input ?? {
    profile: profileOf(athlete),
    runs: [],
    checkins: [],
    crossTraining: [],
    progression: await progressionOf(db, athlete),
    clearances: await clearancesOf(db, athlete.id),
    today,
  };
  return runEngine(input).today;
}

/** GET /api/today: the decision in the reader's voice, with today's check-in (or null). */
export async function computeTodayDecision(
  db: Queryable,
  athlete: Athlete,
  now: Date,
  voice: Voice,
): Promise<TodayDecision & { checkIn: CheckInRow | null }> {
  const decision = speakAll(await computeToday(db, athlete, now), voice);
  const checkIn = await findCheckIn(db, athlete.id, decision.date);
  return { ...decision, checkIn: checkIn ?? null };
}
