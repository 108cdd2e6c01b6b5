// Calendar days in requests: 'YYYY-MM-DD', and no earlier than 1990-01-01 nor later than tomorrow in
// the athlete's own time zone (a note for today's run may be logged late in the evening).
import { z } from 'zod';
import { BadInputError } from '#shared/errors';
import { addDays, isLocalDate, localDateOf } from '#shared/local-date';
import type { Athlete } from '#services/db/athletes.repository';

export const EARLIEST_DATE = '1990-01-01';

export const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');

/** Throws a 400 naming `field` when `date` is before 1990 or after tomorrow in the athlete's zone. */
export function checkLoggable(date: string, athlete: Athlete, now: Date, field = 'date'): void {
  const today = localDateOf(now, athlete.timezone);
  if (date > addDays(today, 1))
    throw new BadInputError(
      'date_in_future',
      `${field}: ${date} is in the future (today is ${today})`,
    );
  if (date < EARLIEST_DATE)
    throw new BadInputError('date_too_early', `${field}: ${date} is before ${EARLIEST_DATE}`);
}
