// Which day a score belongs to, and today's pain (science.md §3). "Pain this morning" logged on day
// D (painMorning) and "pain the morning after" logged about the run of D−1 (painNextMorning) are the
// same moment: the morning of D. A day with neither reads its pain at rest as its morning score, so
// check-ins from before painMorning existed keep their meaning.
import type { DaySymptoms, SessionSymptoms } from './merge-check-ins.ts';

/** The morning score of a day: the highest score about that morning, else its pain at rest. */
export function morningScoreOf(
  day: DaySymptoms | undefined,
  previousSession: SessionSymptoms | undefined,
): number | undefined {
  const a = day?.painMorning;
  const b = previousSession?.painNextMorning;
  if (a !== undefined || b !== undefined) return Math.max(a ?? 0, b ?? 0);
  return day?.painAtRest;
}

export interface TodayPain {
  value: number;
  /** Whether the highest score was this morning's or one at rest. */
  source: 'morning' | 'rest';
}

/** Today's pain: the higher of this morning's score and pain at rest (science.md §3 "Today's pain decides today"). */
export function todayPainOf(
  day: DaySymptoms | undefined,
  previousSession: SessionSymptoms | undefined,
): TodayPain | undefined {
  const morning = morningScoreOf(day, previousSession);
  const rest = day?.painAtRest;
  if (morning === undefined && rest === undefined) return undefined;
  if (rest !== undefined && (morning === undefined || rest > morning))
    return { value: rest, source: 'rest' };
  return { value: morning as number, source: 'morning' };
}
