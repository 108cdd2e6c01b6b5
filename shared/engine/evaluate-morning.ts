// The morning's evaluation of the last session (science.md §3–§4): yesterday's session on this
// morning's scores, or, without a score this morning, kept waiting; a waiting session is decided by
// the first morning score within 3 days, else dropped unrated.
import type { LocalDate } from '../local-date.ts';
import type { DailyLoad } from './compute-daily-series.ts';
import type { SpikeBand } from './compute-spike.ts';
import { daysFromTo } from './day-number.ts';
import { NO_BASELINE } from './engine-days.ts';
import type { Baseline } from './morning-baseline.ts';
import {
  evaluateSession,
  hasSession,
  type SessionEvaluation,
  type SessionFacts,
} from './progression.ts';
import type { SessionSymptoms } from './merge-check-ins.ts';
import type { StageDefinition, Thresholds } from './types.ts';

/** A session whose morning-after score is still missing: the first morning score within 3 days decides it. */
export type AwaitingSession = Omit<
  SessionFacts,
  'stage' | 'nextMorningPain' | 'nextMorningStiffness'
> & {
  stage: number;
};

/** Mornings after a session in which a late morning score still decides it (science.md §3). */
export const AWAIT_MORNINGS = 3;

export interface MorningFacts {
  date: LocalDate;
  plan: readonly StageDefinition[];
  /** The stage the session was run at (yesterday's stage). */
  stage: StageDefinition;
  /** Yesterday's load; undefined on the history's first day. */
  yesterday: DailyLoad | undefined;
  yesterdaySession: SessionSymptoms | undefined;
  yesterdayLimp: boolean;
  /** Yesterday's longest run's bands (null without a run). */
  bands: { spikeBand: SpikeBand | null; beyondBand: SpikeBand | null } | null;
  morningPain: number | undefined;
  morningStiffness: number | undefined;
  /** The baselines up to yesterday. */
  baselinePain: Baseline;
  baselineStiffness: Baseline;
  awaiting: AwaitingSession | null;
}

/** This morning's evaluation (or null), and the session still waiting for a morning score. */
export function evaluateMorning(
  m: MorningFacts,
  t: Thresholds,
): { evaluation: SessionEvaluation | null; awaiting: AwaitingSession | null } {
  const awaiting = m.awaiting;
  const y = m.yesterday;
  if (!y) return { evaluation: null, awaiting };
  const facts: SessionFacts = {
    sessionDate: y.date,
    stage: m.stage,
    runCount: y.runCount,
    longestRunMovingS: y.longestRunMovingS,
    shapes: y.longestRunShapes,
    longestWalkMin: y.longestWalkMin,
    spikeBand: m.bands?.spikeBand ?? null,
    beyondBand: m.bands?.beyondBand ?? null,
    painDuring: m.yesterdaySession?.painDuring,
    painAfter: m.yesterdaySession?.painAfter,
    nextMorningPain: m.morningPain,
    nextMorningStiffness: m.morningStiffness,
    baselinePain: NO_BASELINE,
    baselineStiffness: NO_BASELINE,
    limp: m.yesterdayLimp,
  };
  const scored = m.morningPain !== undefined || m.morningStiffness !== undefined;
  if (hasSession(facts)) {
    facts.baselinePain = m.baselinePain;
    facts.baselineStiffness = m.baselineStiffness;
    const evaluation = evaluateSession(facts, t);
    if (scored) return { evaluation, awaiting: null };
    const { nextMorningPain: _p, nextMorningStiffness: _s, stage: _stage, ...rest } = facts;
    return { evaluation, awaiting: { ...rest, stage: m.stage.stage } };
  }
  if (!awaiting) return { evaluation: null, awaiting };
  if (daysFromTo(awaiting.sessionDate, m.date) > AWAIT_MORNINGS)
    return { evaluation: null, awaiting: null };
  if (!scored) return { evaluation: null, awaiting };
  const evaluation = evaluateSession(
    {
      ...awaiting,
      stage: m.plan[awaiting.stage] as StageDefinition,
      nextMorningPain: m.morningPain,
      nextMorningStiffness: m.morningStiffness,
    },
    t,
  );
  return { evaluation, awaiting: null };
}
