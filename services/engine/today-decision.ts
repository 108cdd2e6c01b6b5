// Today's decision: the one the last recompute stored, while no recompute is pending; otherwise
// computed live — the engine resumes from the stored state of the day before the first day still
// waiting for a recompute (yesterday when none is), or runs the whole history — so the answer is
// current even before the worker has written the rows: a red flag posted a minute ago holds today
// already.
import {
  runEngine,
  speakAll,
  type EngineOutput,
  type TodayDecision,
  type Voice,
} from '#shared/engine/index';
import { localDateOf } from '#shared/local-date';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { findCheckIn, type CheckInRow } from '#services/db/checkins.repository';
import { findStageOn } from '#services/db/daily-metrics.repository';
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
  return (await runLive(db, athlete, from, today)).today;
}

/** The engine run from `from` to `today` on what is stored now (no loads refreshed). */
async function runLive(
  db: Queryable,
  athlete: Athlete,
  from: string,
  today: string,
): Promise<EngineOutput> {
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
  return runEngine(input);
}

/**
 * The stage the athlete was at on `day`: the stored row's while no recompute pending covers that
 * day; otherwise computed live like today's decision, so a session uploaded right after a stage
 * was set is judged against that stage, not the one the rows held before (undefined: no data).
 */
export async function stageOn(
  db: Queryable,
  athlete: Athlete,
  day: string,
  now: Date,
): Promise<number | undefined> {
  const today = localDateOf(now, athlete.timezone);
  const current = await findCurrentToday(db, athlete.id, today);
  const pending = 'decision' in current ? undefined : current.pendingFrom;
  if (pending === undefined || pending > day || day > today)
    return findStageOn(db, athlete.id, day);
  return (await runLive(db, athlete, pending, today)).days.find((d) => d.date === day)?.stage;
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
