// Dates a runner can really have logged: from 1990-01-01 (before GPS watches and before anyone
// using Hipcheck ran with a hip of today) to tomorrow in the athlete's own time zone (an evening
// note for the next morning's run). A date outside is a typo or a hostile request: accepted, a
// check-in dated 1000-01-01 asks the engine for a million days. One rule for every route and file.
import { BadInputError } from './errors.ts';
import { addDays, localDateOf, type LocalDate } from './local-date.ts';

export const EARLIEST_PLAUSIBLE_DATE: LocalDate = '1990-01-01';

/** What is wrong with `date` as a day of the athlete's log, or undefined when it is plausible. */
export function implausibleDateReason(date: LocalDate, today: LocalDate): string | undefined {
  if (date < EARLIEST_PLAUSIBLE_DATE)
    return `${date} is before ${EARLIEST_PLAUSIBLE_DATE}, the earliest date Hipcheck accepts`;
  const tomorrow = addDays(today, 1);
  if (date > tomorrow)
    return `${date} is in the future: after tomorrow (${tomorrow}) in your time zone`;
  return undefined;
}

/** Throws a 400 naming `field` unless `date` lies from 1990-01-01 to tomorrow (`today` + 1). */
export function checkPlausibleDate(field: string, date: LocalDate, today: LocalDate): void {
  const reason = implausibleDateReason(date, today);
  if (reason) throw new BadInputError('implausible_date', `${field}: ${reason}`);
}

/** The same rule for a moment (an activity's start): its local day in the athlete's time zone. */
export function checkPlausibleInstant(
  field: string,
  instant: Date,
  now: Date,
  timeZone: string,
): void {
  if (Number.isNaN(instant.getTime()))
    throw new BadInputError('implausible_date', `${field}: not a valid time`);
  const today = localDateOf(now, timeZone);
  // Far outside four-digit years the time zone cannot change the answer, and local formatting
  // would not give a YYYY-MM-DD string.
  const year = instant.getUTCFullYear();
  if (year < 1000) return checkPlausibleDate(field, instant.toISOString().slice(0, 10), today);
  if (year > 9999)
    throw new BadInputError(
      'implausible_date',
      `${field}: year ${year} is in the future: after tomorrow (${addDays(today, 1)}) in your time zone`,
    );
  checkPlausibleDate(field, localDateOf(instant, timeZone), today);
}
