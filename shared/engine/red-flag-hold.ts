// A red flag holds until it is cleared (science.md §5 rule 1): a "yes" on day D holds every day
// from D on until a clearance dated on or after D; it never lapses by itself, and a later "no" does
// not end it. After the clearance the runner restarts at the stage the clinician named, else one
// stage below the stage before the flag (floor 1 when they were running, 0 when walking).
import type { LocalDate } from '../local-date.ts';
import type { Clearance } from './types.ts';

export interface RedFlagHold {
  /** The first day of the hold (the first red flag it holds). */
  since: LocalDate;
  /** Each red flag reported during the hold, with the first day it was reported. */
  flags: Array<{ code: string; date: LocalDate }>;
  /** Where the runner restarts when a clearance names no stage. */
  restartStage: number;
}

export interface RedFlagStep {
  hold: RedFlagHold | null;
  /** Set on the day a clearance ends the hold: the stage to restart at. */
  cleared: { clearance: Clearance; stage: number } | null;
}

/** One stage below the stage before the flag; floor 1 when running, 0 when walking. */
export function restartStageOf(stageBefore: number): number {
  return stageBefore >= 1 ? Math.max(1, stageBefore - 1) : 0;
}

/**
 * The clearance of a day when several were recorded: one that names a stage wins, the lowest
 * stage first (the cautious reading); the input order never matters.
 */
export function clearanceOn(
  clearances: readonly Clearance[],
  date: LocalDate,
): Clearance | undefined {
  let pick: Clearance | undefined;
  for (const c of clearances) {
    if (c.date !== date) continue;
    if (!pick) pick = c;
    else {
      const a = c.stage ?? Infinity;
      const b = pick.stage ?? Infinity;
      if (a < b || (a === b && c.by < pick.by)) pick = c;
    }
  }
  return pick;
}

/**
 * The morning of `date`: red flags reported today join the hold (or start one at the stage before
 * the flag), then a clearance dated today ends it.
 */
export function stepRedFlagHold(
  hold: RedFlagHold | null,
  date: LocalDate,
  reported: readonly string[],
  stage: number,
  clearance: Clearance | undefined,
): RedFlagStep {
  let next = hold;
  if (reported.length > 0) {
    const flags = next ? [...next.flags] : [];
    for (const code of reported)
      if (!flags.some((f) => f.code === code)) flags.push({ code, date });
    next = next ? { ...next, flags } : { since: date, flags, restartStage: restartStageOf(stage) };
  }
  if (next && clearance) {
    return { hold: null, cleared: { clearance, stage: clearance.stage ?? next.restartStage } };
  }
  return { hold: next, cleared: null };
}

/** What ends a red-flag hold, for the card. */
export const RED_FLAG_HOW_TO_CLEAR =
  'Once a clinician has seen {your} hip and cleared running, record the clearance with the date of the visit and, if the clinician named one, the stage to restart at.';
