// Calendar days in requests: 'YYYY-MM-DD', and no earlier than 1990-01-01 nor later than tomorrow in
// the athlete's own time zone (a note for today's run may be logged late in the evening). The rule
// itself is shared/plausible-date.ts, which file imports use for activity times too.
import { z } from 'zod';
import { isLocalDate, localDateOf } from '#shared/local-date';
import { checkPlausibleDate } from '#shared/plausible-date';
import type { Athlete } from '#services/db/athletes.repository';

export { EARLIEST_PLAUSIBLE_DATE as EARLIEST_DATE } from '#shared/plausible-date';

export const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');

/** Throws a 400 naming `field` when `date` is before 1990 or after tomorrow in the athlete's zone. */
export function checkLoggable(date: string, athlete: Athlete, now: Date, field = 'date'): void {
  checkPlausibleDate(field, date, localDateOf(now, athlete.timezone));
}
