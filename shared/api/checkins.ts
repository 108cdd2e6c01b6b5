// The athlete's daily entries: hip check-ins (science.md §3), cross-training and wellness days.

/** One check-in per athlete and day, as stored and answered (GET/POST/PUT /api/checkins). */
export interface CheckInRow {
  id: string;
  date: string;
  loggedAt: string;
  updatedAt: string;
  painDuring: number | null;
  painAfter: number | null;
  /** Pain the morning after the session of `date`. */
  painNextMorning: number | null;
  /** Pain on waking on `date`. */
  painMorning: number | null;
  painAtRest: number | null;
  stiffness: number | null;
  clicking: boolean | null;
  catchingOrLocking: boolean | null;
  givingWay: boolean | null;
  nightPain: boolean | null;
  painWalking: boolean | null;
  limp: boolean | null;
  painHopping: boolean | null;
  deepGroinPain: boolean | null;
  readinessTestPassed: boolean | null;
  activityId: string | null;
  rpe: number | null;
  notes: string | null;
}

/** Everything a check-in says, without its identity and timestamps. */
export type CheckInFields = Omit<CheckInRow, 'id' | 'date' | 'loggedAt' | 'updatedAt'>;

/** POST /api/checkins and PUT /api/checkins/:date: every field but the date optional. */
export type CheckInInput = Partial<CheckInFields> & { date: string };

/** GET/POST /api/cross-training. */
export interface CrossTrainingRow {
  id: string;
  date: string;
  kind: string;
  minutes: number;
  rpe: number | null;
}

/** GET /api/wellness: one day of resting heart rate and HRV from an import. */
export interface WellnessDay {
  day: string;
  restingHrBpm: number | null;
  hrvSdnnMs: number | null;
  source: string;
}
