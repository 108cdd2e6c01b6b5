// The engine's input and output types (science.md). Pure data: the worker maps database rows to
// these and stores the outputs; nothing here knows about SQL or HTTP.
import type { Interval, Lap, Sport } from '../activity/activity.ts';
import type { LocalDate } from '../local-date.ts';

export type Sex = 'male' | 'female' | 'unknown';
export type Units = 'metric' | 'imperial';

export interface AthleteProfile {
  /** IANA time zone; every day boundary is a local day in this zone (science.md §1). */
  timezone: string;
  sex: Sex;
  hrMaxBpm?: number | null;
  hrRestBpm?: number | null;
  thresholdPaceSPerKm?: number | null;
  units: Units;
  /** Starting fitness (CTL) for a new user, in the units of the primary load. Default 0. */
  ctlStart?: number | null;
  /** Starting fatigue (ATL), same units. Default 0. */
  atlStart?: number | null;
}

/**
 * One recorded activity. Running sports feed the run series; every other sport counts as
 * cross-training (load and minutes, never running distance). The engine derives the local day
 * from `startAt` and the profile's time zone.
 */
export interface EngineRun {
  id: string;
  startAt: Date;
  sport: Sport;
  distanceM: number;
  movingS: number;
  /** Banister TRIMP, computed from the samples (computeTrimp) when heart rate exists. */
  trimp?: number | null;
  /** rTSS, computed from the samples (computeRtss) when a threshold pace is set. */
  rtss?: number | null;
  /** CR-10 session RPE; a check-in linked to the run may carry it instead. */
  rpe?: number | null;
  /**
   * The run's detected work/rest intervals and its laps, when its speed stream was analysed; the
   * progression then judges the session by its shape (judge-session.ts). Left out: by time only.
   */
  intervals?: readonly Interval[];
  laps?: readonly Lap[];
  /** Strides found in the stream (shorter than the interval detection's bouts) and hill repeats. */
  strides?: readonly { startS: number; durationS: number; distanceM: number }[];
  hillRepeats?: number;
}

/** The daily hip check-in (design.md POST /api/checkins), 0–10 scores and yes/no symptoms. */
export interface CheckIn {
  date: LocalDate;
  /** Pain during / right after the run of `date` (or of `activityId`). */
  painDuring?: number | null;
  painAfter?: number | null;
  /** Pain on the morning after the run of `date` (or of `activityId`). */
  painNextMorning?: number | null;
  /**
   * Pain on waking on `date`: the next-morning score of the last run before `date`, and `date`'s
   * own pain (science.md §3 "Which day a score belongs to").
   */
  painMorning?: number | null;
  /** Pain at rest on `date` (read as the morning score when the day has no other). */
  painAtRest?: number | null;
  stiffness?: number | null;
  clicking?: boolean | null;
  catchingOrLocking?: boolean | null;
  givingWay?: boolean | null;
  nightPain?: boolean | null;
  painWalking?: boolean | null;
  limp?: boolean | null;
  painHopping?: boolean | null;
  /** Deep groin pain that builds with running. */
  deepGroinPain?: boolean | null;
  /** Stage-1 entry questions answered yes (science.md §4: pain-free 15-min walk, 10 single-leg squats, 10 lateral step-downs). */
  readinessTestPassed?: boolean | null;
  activityId?: string | null;
  rpe?: number | null;
  notes?: string | null;
}

export interface CrossTraining {
  date: LocalDate;
  /** 'ride', 'swim', 'pool_run', 'elliptical', 'walk', 'strength', ... */
  kind: string;
  minutes: number;
  rpe?: number | null;
  /**
   * Pain during a logged strength session, 0–10: above mild (the green zone) it counts like an
   * amber run the next morning (science.md §7).
   */
  pain?: number | null;
}

export type StageMode = 'walk' | 'walk_run' | 'continuous' | 'build_volume' | 'intensity';

/** One stage of a return-to-run plan (science.md §4). */
export interface StageDefinition {
  stage: number;
  name: string;
  mode: StageMode;
  /** Minutes of running per repeat (0 for walking only). */
  runMin: number;
  walkMin: number;
  repeats: number;
  /** Total session minutes; also the reference for a run with no run in the previous 30 days. */
  totalMin: number;
  /** Most sessions in any 7 days. */
  perWeek: number;
  /** At least one rest or cross-training day between run days. */
  noConsecutiveDays: boolean;
  /** Completed sessions (green, back to baseline) needed to advance; science.md says at least 2. */
  minCompletions: number;
  surface: string;
  intensity: string;
  /** The session in words, e.g. "10 × (run 1 min / walk 2 min)". */
  text: string;
}

export type ChangedBy = 'runner' | 'coach' | 'clinician';

/** A stage set by hand on a day; honoured from that day on. */
export interface ManualStageSetting {
  date: LocalDate;
  stage: number;
  by: ChangedBy;
  note?: string | null;
}

export type LoadMeasure = 'srpe' | 'trimp' | 'rtss' | 'minutes';

/** Every number the rules use; defaults in DEFAULT_THRESHOLDS, overridable per athlete. */
export interface Thresholds {
  /** Spike bands (Frandsen 2025): ≤ caution ok, ≤ high caution, ≤ veryHigh high, above very high. */
  spikeCaution: number;
  spikeHigh: number;
  spikeVeryHigh: number;
  spikeWindowDays: number;
  /** Days a high or very high spike keeps modifying the advice (science.md §5: 72 h). */
  spikeRecentDays: number;
  weeklyChangeCaution: number;
  painGreenMax: number;
  painAmberMax: number;
  acwrLow: number;
  acwrHigh: number;
  acwrDanger: number;
  acwrMinHistoryDays: number;
  ewmaAcuteDays: number;
  ewmaChronicDays: number;
  ctlDays: number;
  atlDays: number;
  monotonyHigh: number;
  /** A session counts as completed when it lasted at least this fraction of the prescription. */
  completionFraction: number;
  /** A walk-run bout matches the prescription within this fraction of its minutes (±). */
  boutTolerance: number;
  /** A break this long or shorter in a continuous run is a stop, not a walk break (seconds). */
  stopMaxS: number;
  pauseDaysAfterDrop: number;
  baselineWindowDays: number;
  baselineMinScores: number;
  painTrendMinScores: number;
  /** The 7-day mean pain of one moment of the day must rise by at least this to be "rising". */
  painTrendRise: number;
  /** Days without a run that take one stage back, two stages back, and back to stage 1 (science.md §4 "After a break"). */
  breakOneStageDays: number;
  breakTwoStagesDays: number;
  breakRestartDays: number;
  /** After hip arthroscopy, no jogging before about this many weeks (science.md §4). */
  surgeryNoJogWeeks: number;
  readinessValidDays: number;
  loadMeasure: LoadMeasure;
  /** RPE assumed for a session logged without one, for the primary load only. */
  defaultRpe: number;
}

/** A clinician has seen the hip and cleared running (science.md §5 rule 1, §4 "After surgery"). */
export interface Clearance {
  date: LocalDate;
  /** The stage to restart at, when the clinician named one. */
  stage?: number | null;
  by: 'runner' | 'coach';
}

export interface ProgressionSettings {
  /** Stage on the first day of history. Default 0. */
  startStage?: number;
  /** Hip arthroscopy: no jogging before a clearance and about week 10 (science.md §4). */
  surgeryDate?: LocalDate | null;
  /** Default DEFAULT_PLAN. Stages must be numbered 0..n-1 in order. */
  plan?: readonly StageDefinition[];
  thresholds?: Partial<Thresholds>;
  manualStages?: readonly ManualStageSetting[];
}

/** Progression state at the end of a day. */
export interface ProgressionState {
  stage: number;
  /** Completed sessions at this stage since it began (or since the last amber). */
  completions: number;
  stageSince: LocalDate;
  /** No running before this day (after a drop). */
  noRunBefore: LocalDate | null;
}

export type StageChangeKind =
  'start' | 'advance' | 'repeat' | 'drop' | 'manual' | 'break' | 'hold' | 'clearance';

/**
 * The section of the dashboard's "How is this decided?" page that explains a reason: its sources
 * and formulas live there, never in the reason's own words.
 */
export type RuleId =
  | 'red-flags'
  | 'clearance'
  | 'pain-zones'
  | 'morning-pain'
  | 'baseline'
  | 'pain-trend'
  | 'spacing'
  | 'spike'
  | 'weekly-change'
  | 'acwr'
  | 'stage-beyond'
  | 'progression'
  | 'break'
  | 'surgery'
  | 'week-shape'
  | 'monotony'
  | 'fitness';

/**
 * One reason: a single sentence in the reader's voice (written with the {you}/{your} tokens of
 * voice.ts), carrying the number that decided it.
 */
export interface Reason {
  code: string;
  message: string;
  value?: number | string;
  rule: RuleId;
}

/** A stage event: 'repeat' keeps the stage but is recorded because it is the visible reason. */
export interface StageChange {
  date: LocalDate;
  fromStage: number;
  toStage: number;
  kind: StageChangeKind;
  by: 'engine' | ChangedBy;
  reasons: Reason[];
}

/** 'walk' is stage 0's session (and its shorter, modified form). */
export type Action =
  'run' | 'run_modified' | 'walk' | 'cross_train' | 'strength' | 'rest' | 'see_clinician';
export type Severity = 'info' | 'caution' | 'high' | 'very_high' | 'red_flag';

export interface Flag {
  code: string;
  severity: Severity;
  message: string;
  value?: number;
}

/** A metric with the method it used, its source and its caveat, for the dashboard's "why". */
export interface MetricInfo {
  method: string;
  source: string;
  caveat: string;
}
