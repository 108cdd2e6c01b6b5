// A calendar day as a reason says it: "Mon 2 Feb". Pure: the weekday comes from the date itself.
import type { LocalDate } from '../local-date.ts';
import { dayNumberOf } from './day-number.ts';

const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']; // 1970-01-01 was a Thursday
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDay(date: LocalDate): string {
  const weekday = WEEKDAYS[((dayNumberOf(date) % 7) + 7) % 7] as string;
  const month = MONTHS[Number(date.slice(5, 7)) - 1] as string;
  return `${weekday} ${Number(date.slice(8, 10))} ${month}`;
}
