// The week's adherence to the programme: sessions logged of sessions planned, Monday to Sunday, so
// it sits beside the week's running on the home page and the coach's athlete page.
import { addDays, weekStartOf, type LocalDate } from '../local-date.ts';
import { PLANNED_PER_WEEK } from './session-templates.ts';

export interface Adherence {
  weekStart: LocalDate;
  /** Sessions the programme plans this week (two strength, one mobility). */
  planned: number;
  /** Days of the week with a logged strength or mobility session (several on one day count once). */
  done: number;
}

export function computeAdherence(
  sessionDates: readonly LocalDate[],
  date: LocalDate,
  planned = PLANNED_PER_WEEK,
): Adherence {
  const weekStart = weekStartOf(date);
  const weekEnd = addDays(weekStart, 6);
  const days = new Set(sessionDates.filter((d) => d >= weekStart && d <= weekEnd));
  return { weekStart, planned, done: days.size };
}
