// The daily load series on the athlete's local days, rest days as explicit zeros (science.md §1).
// Cross-training counts toward the total load, never toward running distance.
import type { LocalDate } from '../local-date.ts';
import { dayNumberOf, localDateOfDayNumber } from './day-number.ts';
import { isRpe } from './compute-srpe.ts';
import type { SessionShape } from './session-shape.ts';
import type { CrossTraining, LoadMeasure, Thresholds } from './types.ts';

/** An activity placed on its local day, with the RPE the engine settled on. */
export interface DatedRun {
  id: string;
  localDate: LocalDate;
  running: boolean;
  /** 'walk'/'hike' count as stage-0 walking sessions (and as cross-training). */
  walking: boolean;
  kind: string;
  distanceM: number;
  movingS: number;
  trimp: number | null;
  rtss: number | null;
  rpe: number | null;
  /** The run's shapes (session-shape.ts) when its speed stream was analysed, else null. */
  shapes?: SessionShape[] | null;
}

export interface DailyLoad {
  date: LocalDate;
  runCount: number;
  runDistanceM: number;
  runMovingS: number;
  longestRunM: number;
  /** Moving time of the day's longest run (by distance). */
  longestRunMovingS: number;
  /** The shapes of the day's longest run; null when it was not analysed (judged by time only). */
  longestRunShapes: SessionShape[] | null;
  /** Foster sRPE of the sessions that carry an RPE (runs and cross-training). */
  srpeLoad: number;
  ratedSessions: number;
  unratedSessions: number;
  trimp: number;
  trimpSessions: number;
  rtss: number;
  rtssSessions: number;
  crossTrainingMin: number;
  /** sRPE of rated cross-training sessions. */
  crossTrainingLoad: number;
  /** Part of crossTrainingMin that was strength or mobility work (kinds strength, yoga, pilates, mobility). */
  strengthMin: number;
  /** Longest stage-0 walk (walk/hike activity or cross-training of kind walk/hike), minutes. */
  longestWalkMin: number;
  /** The primary load for ACWR, CTL/ATL and monotony, in the units of `loadMeasure`. */
  totalLoad: number;
}

export function emptyDailyLoad(date: LocalDate): DailyLoad {
  return {
    date,
    runCount: 0,
    runDistanceM: 0,
    runMovingS: 0,
    longestRunM: 0,
    longestRunMovingS: 0,
    longestRunShapes: null,
    srpeLoad: 0,
    ratedSessions: 0,
    unratedSessions: 0,
    trimp: 0,
    trimpSessions: 0,
    rtss: 0,
    rtssSessions: 0,
    crossTrainingMin: 0,
    crossTrainingLoad: 0,
    strengthMin: 0,
    longestWalkMin: 0,
    totalLoad: 0,
  };
}

const WALKING = new Set(['walk', 'hike']);
const STRENGTH = new Set(['strength', 'yoga', 'pilates', 'mobility']);

export function isWalkingKind(kind: string): boolean {
  return WALKING.has(kind);
}

/** Strength and mobility work: part of cross-training, told apart for the shape of the week. */
export function isStrengthKind(kind: string): boolean {
  return STRENGTH.has(kind);
}

/** The day's primary load contribution of one session. */
function primaryLoadOf(
  measure: LoadMeasure,
  minutes: number,
  rpe: number | null,
  trimp: number | null,
  rtss: number | null,
  defaultRpe: number,
): number {
  switch (measure) {
    case 'srpe':
      // Foster 1998: RPE × minutes; unrated sessions at the default RPE (docs/engine.md)
      return (rpe ?? defaultRpe) * minutes;
    case 'trimp':
      return trimp ?? 0;
    case 'rtss':
      return rtss ?? 0;
    case 'minutes':
      return minutes;
  }
}

/**
 * One DailyLoad per local day from `from` to `to` inclusive. `runs` must already be placed on
 * their local day (runEngine does it from the instants and the time zone); entries outside the
 * range are ignored. Sums run in a fixed order (runs by date and id), so results do not depend on
 * the order of the inputs.
 */
export function computeDailySeries(
  from: LocalDate,
  to: LocalDate,
  runs: readonly DatedRun[],
  crossTraining: readonly CrossTraining[],
  t: Pick<Thresholds, 'loadMeasure' | 'defaultRpe'>,
): DailyLoad[] {
  const start = dayNumberOf(from);
  const n = dayNumberOf(to) - start + 1;
  const days: DailyLoad[] = new Array<DailyLoad>(Math.max(0, n));
  for (let i = 0; i < n; i++) days[i] = emptyDailyLoad(localDateOfDayNumber(start + i));
  const sortedRuns = [...runs].sort((a, b) =>
    a.localDate < b.localDate
      ? -1
      : a.localDate > b.localDate
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  for (const r of sortedRuns) {
    const d = days[dayNumberOf(r.localDate) - start];
    if (!d) continue;
    const minutes = r.movingS / 60;
    if (r.running) {
      d.runCount++;
      d.runDistanceM += r.distanceM;
      d.runMovingS += r.movingS;
      if (r.distanceM > d.longestRunM) {
        d.longestRunM = r.distanceM;
        d.longestRunMovingS = r.movingS;
        d.longestRunShapes = r.shapes ?? null;
      }
    } else {
      d.crossTrainingMin += minutes;
      if (r.rpe !== null) d.crossTrainingLoad += r.rpe * minutes;
      if (r.walking && minutes > d.longestWalkMin) d.longestWalkMin = minutes;
      if (isStrengthKind(r.kind)) d.strengthMin += minutes;
    }
    addSession(d, minutes, r.rpe, r.trimp, r.rtss, t);
  }
  const sortedCross = [...crossTraining].sort(compareCross);
  for (const c of sortedCross) {
    const d = days[dayNumberOf(c.date) - start];
    if (!d) continue;
    const rpe = isRpe(c.rpe) ? c.rpe : null;
    d.crossTrainingMin += c.minutes;
    if (rpe !== null) d.crossTrainingLoad += rpe * c.minutes;
    if (isWalkingKind(c.kind) && c.minutes > d.longestWalkMin) d.longestWalkMin = c.minutes;
    if (isStrengthKind(c.kind)) d.strengthMin += c.minutes;
    addSession(d, c.minutes, rpe, null, null, t);
  }
  return days;
}

function addSession(
  d: DailyLoad,
  minutes: number,
  rpe: number | null,
  trimp: number | null,
  rtss: number | null,
  t: Pick<Thresholds, 'loadMeasure' | 'defaultRpe'>,
): void {
  if (rpe !== null) {
    // Foster 1998: session-RPE load = RPE × minutes
    d.srpeLoad += rpe * minutes;
    d.ratedSessions++;
  } else d.unratedSessions++;
  if (trimp !== null) {
    d.trimp += trimp;
    d.trimpSessions++;
  }
  if (rtss !== null) {
    d.rtss += rtss;
    d.rtssSessions++;
  }
  d.totalLoad += primaryLoadOf(t.loadMeasure, minutes, rpe, trimp, rtss, t.defaultRpe);
}

function compareCross(a: CrossTraining, b: CrossTraining): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.minutes !== b.minutes) return a.minutes - b.minutes;
  return (a.rpe ?? -1) - (b.rpe ?? -1);
}
