// Today's decision of one athlete on the roster, in the coach's voice: the stored row when it is
// current, else the engine run live (a new athlete, or one with a recompute pending). The reason
// shown is the decision's first, as the athlete page lists it.
import {
  isSeverity,
  worstSeverity,
  speak,
  speakAll,
  type Action,
  type Flag,
  type Reason,
  type Severity,
  type Voice,
} from '#shared/engine/index';
import type { RosterEntry } from '#shared/api/coach-views';
import { NotFoundError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import type { RosterRow } from '#services/db/coaching.repository';
import { computeToday } from '#services/engine/today-decision';

export type RosterDecision = Pick<
  RosterEntry,
  'stage' | 'stageName' | 'action' | 'minutes' | 'summary' | 'reason' | 'worstSeverity' | 'flags'
>;

function flagsOf(value: unknown): Flag[] {
  if (!Array.isArray(value)) return [];
  return (value as Array<Partial<Flag>>).flatMap((f) =>
    typeof f.code === 'string' && isSeverity(f.severity)
      ? [{ code: f.code, severity: f.severity, message: f.message ?? '' }]
      : [],
  );
}

function firstReasonOf(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const first = (value as Array<Partial<Reason>>)[0];
  return typeof first?.message === 'string' ? first.message : null;
}

const worstOf = (flags: Flag[]): Severity | null => worstSeverity(flags);

/** Rows stored before stage 0's session was called "walk" said "run": the roster says walk. */
function rosterActionOf(action: string, stage: number): Action {
  return (
    stage === 0 && (action === 'run' || action === 'run_modified') ? 'walk' : action
  ) as Action;
}

export async function rosterDecisionOf(
  pool: Pool,
  r: RosterRow,
  now: Date,
  voice: Voice,
): Promise<RosterDecision> {
  if (r.stored && !r.pending) {
    const flags = speakAll(flagsOf(r.stored.flags), voice);
    const rec = r.stored.recommendation as {
      summary?: unknown;
      reasons?: unknown;
      minutes?: unknown;
    } | null;
    const reason = firstReasonOf(rec?.reasons);
    return {
      stage: r.stored.stage,
      stageName: r.stored.stageName ?? `Stage ${r.stored.stage}`,
      action: rosterActionOf(r.stored.action, r.stored.stage),
      minutes: typeof rec?.minutes === 'number' ? rec.minutes : null,
      summary: typeof rec?.summary === 'string' ? speak(rec.summary, voice) : '',
      reason: reason === null ? null : speak(reason, voice),
      worstSeverity: isSeverity(r.stored.worstSeverity) ? r.stored.worstSeverity : worstOf(flags),
      flags,
    };
  }
  const athlete = await findAthleteById(pool, r.athleteId);
  if (!athlete) throw new NotFoundError('no such athlete, or they have not given you access');
  const today = speakAll(await computeToday(pool, athlete, now), voice);
  const flags = flagsOf(today.flags);
  return {
    stage: today.stage,
    stageName: today.stageName,
    action: today.recommendation.action,
    minutes: today.recommendation.minutes,
    summary: today.recommendation.summary,
    reason: today.recommendation.reasons[0]?.message ?? null,
    worstSeverity: worstOf(flags),
    flags,
  };
}
