// When a recorded activity can have happened: not before 1990-01-01 (GPS watches and heart-rate
// straps came later; a FIT clock that was never set reads 1989-12-31) and not after tomorrow in the
// athlete's time zone (a watch set a day ahead is plausible, a year ahead is not). A timestamp
// outside that span is a broken clock or a broken file, never a run to count: it is refused with a
// reason, and the file's own readers name the line. shared/ has no clock, so "now" comes in.
import { BadInputError } from '../errors.ts';
import { addDays, localDateOf } from '../local-date.ts';
import type { Activity } from './activity.ts';

export const EARLIEST_ACTIVITY_DATE = '1990-01-01';
const EARLIEST_MS = Date.UTC(1990, 0, 1);

/** The zone whose tomorrow ends last (UTC+14), for callers that know no athlete. */
export const LATEST_TIME_ZONE = 'Pacific/Kiritimati';

export interface TimeRange {
  /** Earliest instant accepted, ms since the Unix epoch. */
  fromMs: number;
  /** First instant refused: the start of the day after tomorrow in `timeZone`. */
  toMs: number;
  /** The last local day accepted, for messages. */
  lastDay: string;
  timeZone: string;
}

/** The first instant whose local day in `timeZone` is `day` (time zones move by whole quarter hours). */
function startOfDay(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let lo = midnightUtc - 15 * 3_600_000;
  let hi = midnightUtc + 15 * 3_600_000;
  // localDateOf is monotonic in the instant: bisect to the minute.
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
    if (localDateOf(new Date(mid), timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Kiritimati has kept UTC+14 all year since 1995. */
const LATEST_OFFSET_MS = 14 * 3_600_000;

/** The span an activity recorded as of `nowMs` may fall in, for an athlete in `timeZone`. */
export function activityTimeRange(nowMs: number, timeZone: string = LATEST_TIME_ZONE): TimeRange {
  if (timeZone === LATEST_TIME_ZONE) {
    // Plain arithmetic for the fixed offset: the time-zone database would cost a command that
    // knows no athlete (`hipcheck inspect`) a tenth of a second to load.
    const today = new Date(nowMs + LATEST_OFFSET_MS).toISOString().slice(0, 10);
    return {
      fromMs: EARLIEST_MS,
      toMs: Date.parse(`${addDays(today, 2)}T00:00:00Z`) - LATEST_OFFSET_MS,
      lastDay: addDays(today, 1),
      timeZone,
    };
  }
  const today = localDateOf(new Date(nowMs), timeZone);
  const lastDay = addDays(today, 1);
  return {
    fromMs: EARLIEST_MS,
    toMs: startOfDay(addDays(today, 2), timeZone),
    lastDay,
    timeZone,
  };
}

const shown = (tMs: number) => new Date(tMs).toISOString().replace('.000Z', 'Z');

/**
 * Why `tMs` cannot be a recorded time ("before 1990-01-01: …", "after tomorrow (…): …"), or
 * undefined when it can.
 */
export function timeProblem(tMs: number, range: TimeRange): string | undefined {
  if (tMs < range.fromMs) {
    return `before ${EARLIEST_ACTIVITY_DATE}: the device's clock was not set`;
  }
  if (tMs >= range.toMs) {
    return `after tomorrow (${range.lastDay} in ${range.timeZone}): the device's clock is wrong`;
  }
  return undefined;
}

/**
 * Refuse an activity whose start or end falls outside `range` (for sources whose readers cannot
 * name a line: FIT, Apple Health workouts, Strava). `what` names the activity in the message.
 */
export function checkActivityTimes(
  activity: Activity,
  range: TimeRange,
  what = 'the activity',
): void {
  const startMs = activity.startAt.getTime();
  const c = activity.columns;
  const firstT = c === undefined ? activity.samples[0]?.t : c.length > 0 ? c.t[0] : undefined;
  const lastT =
    c === undefined ? activity.samples[activity.samples.length - 1]?.t : c.t[c.length - 1];
  const first = Math.min(startMs, firstT ?? startMs);
  const last = lastT ?? startMs;
  const endMs = Math.max(last, startMs + activity.summary.elapsedS * 1000);
  const early = timeProblem(first, range);
  if (early !== undefined) {
    throw new BadInputError('implausible_time', `${what} starts at ${shown(first)}, ${early}`);
  }
  const late = timeProblem(endMs, range);
  if (late !== undefined) {
    throw new BadInputError('implausible_time', `${what} ends at ${shown(endMs)}, ${late}`);
  }
}
