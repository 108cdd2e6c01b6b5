// What the benchmark scripts share: medians and percentiles, and a synthetic run without samples
// (summary numbers only) for seeding large histories fast.
import type { Activity } from '../shared/activity/activity.ts';
import type { insertCheckIn } from '../services/db/engine.repository.ts';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The nearest-rank percentile `p` (0–100). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** A `km` kilometre run at 6:00/km starting 07:00 UTC on `day`, without samples. */
export function syntheticRun(day: string, km: number): Activity {
  const movingS = km * 360;
  return {
    format: 'gpx',
    sport: 'run',
    startAt: new Date(`${day}T07:00:00Z`),
    samples: [],
    laps: [],
    intervals: [],
    summary: { distanceM: km * 1000, movingS, elapsedS: movingS, elevationGainM: 0 },
    warnings: [],
  };
}

type CheckInInput = Parameters<typeof insertCheckIn>[2];

/** A check-in on `date` with the given answers; every other question unanswered (null). */
export function checkInOn(date: string, answers: Partial<CheckInInput>): CheckInInput {
  return {
    date,
    painDuring: null,
    painAfter: null,
    painNextMorning: null,
    painAtRest: null,
    stiffness: null,
    clicking: null,
    catchingOrLocking: null,
    givingWay: null,
    nightPain: null,
    painWalking: null,
    limp: null,
    painHopping: null,
    deepGroinPain: null,
    readinessTestPassed: null,
    activityId: null,
    rpe: null,
    notes: null,
    ...answers,
  };
}
