// Calendar arithmetic on 'YYYY-MM-DD' strings without Date objects, for the engine's hot loops
// (days from civil, H. Hinnant's algorithm). Same results as ../local-date.ts, about 20× faster.
import type { LocalDate } from '../local-date.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) n = n * 10 + (s.charCodeAt(k) - 48);
  return n;
}

function fromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of a LocalDate (not validated: see isValidLocalDate). */
export function dayNumberOf(date: LocalDate): number {
  return fromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** The LocalDate of a day number (days since 1970-01-01). */
export function localDateOfDayNumber(n: number): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Whether `s` is a real calendar day written 'YYYY-MM-DD'. */
export function isValidLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return false;
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return d <= 28 || localDateOfDayNumber(dayNumberOf(s)) === s;
}

/** Whole days from `a` to `b` (b − a), as ../local-date.ts daysBetween, without Date objects. */
export function daysFromTo(a: LocalDate, b: LocalDate): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

/** `date` plus `days`, as ../local-date.ts addDays, without Date objects. */
export function plusDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDayNumber(dayNumberOf(date) + days);
}
