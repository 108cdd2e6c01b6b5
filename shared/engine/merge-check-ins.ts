// Check-ins merged per day, independent of their order: scores take the highest value, yes/no
// answers are yes when any says yes. Run-linked scores go to the day of the run they describe.
import { BadInputError } from '../errors.ts';
import type { LocalDate } from '../local-date.ts';
import { isValidLocalDate } from './day-number.ts';
import type { CheckIn } from './types.ts';

/** What a day's check-ins say about the day itself. */
export interface DaySymptoms {
  /** Pain on waking on the day. */
  painMorning?: number;
  painAtRest?: number;
  stiffness?: number;
  clicking?: boolean;
  catchingOrLocking?: boolean;
  givingWay?: boolean;
  nightPain?: boolean;
  painWalking?: boolean;
  limp?: boolean;
  painHopping?: boolean;
  deepGroinPain?: boolean;
  readinessTestPassed?: boolean;
}

/** What check-ins say about the session (run or stage-0 walk) of a day. */
export interface SessionSymptoms {
  painDuring?: number;
  painAfter?: number;
  /** The morning after that session. */
  painNextMorning?: number;
  rpe?: number;
}

export interface MergedCheckIns {
  daily: Map<LocalDate, DaySymptoms>;
  session: Map<LocalDate, SessionSymptoms>;
  /** RPE given by a check-in that names its activity. */
  rpeByRunId: Map<string, number>;
}

const SCORES = [
  'painDuring',
  'painAfter',
  'painNextMorning',
  'painMorning',
  'painAtRest',
  'stiffness',
  'rpe',
] as const;
const DAY_BOOLEANS = [
  'clicking',
  'catchingOrLocking',
  'givingWay',
  'nightPain',
  'painWalking',
  'limp',
  'painHopping',
  'deepGroinPain',
  'readinessTestPassed',
] as const;

/** Throws BadInputError for a check-in the engine cannot read. */
export function validateCheckIn(c: CheckIn): void {
  if (!isValidLocalDate(c.date))
    throw new BadInputError('checkin_date_invalid', `invalid check-in date: ${c.date}`);
  for (const key of SCORES) {
    const v = c[key];
    if (v == null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 10) {
      throw new BadInputError(
        'checkin_score_invalid',
        `check-in ${c.date}: invalid ${key}: ${String(v)} (0–10)`,
      );
    }
  }
}

function maxOf(a: number | undefined, b: number | null | undefined): number | undefined {
  if (b == null) return a;
  return a === undefined || b > a ? b : a;
}

function orOf(a: boolean | undefined, b: boolean | null | undefined): boolean | undefined {
  if (b == null) return a;
  return a === true || b;
}

/**
 * `runDateById` maps activity ids to the local day of the run, to file run-linked scores; a
 * check-in without an activity id describes the session of its own day.
 */
export function mergeCheckIns(
  checkins: readonly CheckIn[],
  runDateById: ReadonlyMap<string, LocalDate>,
): MergedCheckIns {
  const daily = new Map<LocalDate, DaySymptoms>();
  const session = new Map<LocalDate, SessionSymptoms>();
  const rpeByRunId = new Map<string, number>();
  for (const c of checkins) {
    let d = daily.get(c.date);
    if (!d) daily.set(c.date, (d = {}));
    d.painMorning = maxOf(d.painMorning, c.painMorning);
    d.painAtRest = maxOf(d.painAtRest, c.painAtRest);
    d.stiffness = maxOf(d.stiffness, c.stiffness);
    for (const key of DAY_BOOLEANS) d[key] = orOf(d[key], c[key]);
    // A check-in naming an activity the engine was not given cannot be placed: its run-linked
    // scores are left out rather than guessed onto the check-in's own day.
    const sessionDate = c.activityId != null ? runDateById.get(c.activityId) : c.date;
    if (sessionDate === undefined) continue;
    if (c.painDuring != null || c.painAfter != null || c.painNextMorning != null || c.rpe != null) {
      let s = session.get(sessionDate);
      if (!s) session.set(sessionDate, (s = {}));
      s.painDuring = maxOf(s.painDuring, c.painDuring);
      s.painAfter = maxOf(s.painAfter, c.painAfter);
      s.painNextMorning = maxOf(s.painNextMorning, c.painNextMorning);
      if (c.activityId != null && c.rpe != null)
        rpeByRunId.set(c.activityId, maxOf(rpeByRunId.get(c.activityId), c.rpe) as number);
      else s.rpe = maxOf(s.rpe, c.rpe);
    }
  }
  return { daily, session, rpeByRunId };
}
