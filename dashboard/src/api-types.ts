// The answers of the server as the dashboard reads them: one type per JSON shape. Requests live in
// api.ts (the one door to the server), which re-exports these.
import type { Interval, Lap, Sample } from '../../shared/activity/activity.ts';
import type {
  TodayDecision as EngineTodayDecision,
  PainSummary,
} from '../../shared/engine/run-engine.ts';
import type { Action, CheckIn, Flag, StageDefinition } from '../../shared/engine/types.ts';
import type { PlanSession } from '../../shared/rehab/programme-wire.ts';

// --- who is signed in -------------------------------------------------------------------------

export type Units = 'km' | 'mi';
export type Sex = 'male' | 'female' | 'unknown';

export interface AthleteProfile {
  id: string;
  timezone: string;
  sex: Sex;
  hrMaxBpm: number | null;
  hrRestBpm: number | null;
  thresholdPaceSPerKm: number | null;
  units: Units;
  metricsPending: boolean;
  /** The day of hip surgery (arthroscopy), if any: before the surgeon's clearance, no running. */
  surgeryDate?: string | null;
}

export interface Me {
  id: string;
  email: string;
  /** The display name others read; null until given. */
  name: string | null;
  role: 'runner' | 'coach';
  athlete: AthleteProfile | null;
}

export type AthleteSettings = Partial<Omit<AthleteProfile, 'id' | 'metricsPending'>>;

// --- the engine's answers ---------------------------------------------------------------------

// The engine's own wire types (type-only: nothing of shared/ is bundled).
export type { Action, Flag, Reason, RuleId, Severity } from '../../shared/engine/types.ts';
export type { Hold } from '../../shared/engine/run-engine.ts';
export type { PlanDay } from '../../shared/engine/recommend-week.ts';

/** GET /api/today: the engine's decision in the reader's voice, with today's check-in. */
export interface TodayDecision extends EngineTodayDecision {
  /** The week's plan; strength and mobility days name the programme's session. */
  plan: Array<EngineTodayDecision['plan'][number] & { session?: PlanSession | null }>;
  /** Today's check-in, or null before the runner has checked in. */
  checkIn: CheckInRow | null;
}

export interface MetricInfo {
  method: string;
  source: string;
  caveat: string;
}

export type SpikeBand = 'ok' | 'caution' | 'high' | 'very_high';
export type PainZone = 'green' | 'amber' | 'red';

export interface DailyMetrics {
  day: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
  /** Absent while a day's metrics are still being computed. */
  load?: {
    longestRunM: number;
    longestRunMovingS: number;
    crossTrainingMin: number;
    strengthMin: number;
    totalLoad: number;
  };
  spike?: {
    value: number | null;
    band: SpikeBand;
    reference: 'longest_30d' | 'stage_prescription';
    referenceValue: number;
    note?: string;
  } & MetricInfo;
  weeklyChange?: { value: number | null; caution: boolean } & MetricInfo;
  acwr?: {
    rolling: { coupled: number | null; uncoupled: number | null; note?: string } & MetricInfo;
    ewma: { ratio: number | null; acute: number; chronic: number; note?: string } & MetricInfo;
  };
  fitness?: { ctl: number; atl: number; form: number } & MetricInfo;
  monotony?: { monotony: number | null; high: boolean; note?: string } & MetricInfo;
  /** The day's scores, baselines and trend, as the engine stores them. */
  pain?: PainSummary;
  stage?: number;
  progression?: {
    stage: number;
    stageName: string;
    completions: number;
    completionsNeeded: number;
  };
  flags?: Flag[];
  recommendation?: { action: Action; summary: string };
}

export interface WeeklyRow {
  weekStart: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}

export interface ActivityRow {
  id: string;
  source: 'file' | 'strava';
  sport: string;
  name: string | null;
  startAt: string;
  localDate: string;
  distanceM: number;
  movingS: number;
  elapsedS: number;
  elevationGainM: number;
  avgHrBpm: number | null;
  maxHrBpm: number | null;
}

// The wire types the server shares with the pure domain code (type-only: nothing of shared/ is
// bundled).
export type { Interval, Lap, Sample } from '../../shared/activity/activity.ts';

export interface ActivityDetail extends ActivityRow {
  laps: Lap[];
  intervals: Interval[];
  /** What cleaning changed or doubted. */
  warnings: string[];
  /** How the file was read (damage recovered from, points skipped), in the athlete's local time. */
  fileWarnings?: FileWarning[];
  samples: Sample[];
}

/**
 * POST /api/checkins and PUT /api/checkins/:date: the engine's check-in, every field but the date
 * optional. `painMorning` is pain on waking on `date` (`painNextMorning` is the morning after it).
 */
export type CheckInInput = Partial<Omit<CheckIn, 'date' | 'activityId'>> & {
  date: string;
  painMorning?: number | null;
  activityId?: string | null;
};

/** One check-in per athlete and day. */
export interface CheckInRow extends CheckInInput {
  id: string;
  loggedAt: string;
  updatedAt?: string;
}

export interface CrossTrainingRow {
  id: string;
  date: string;
  kind: string;
  minutes: number;
  rpe: number | null;
}

/** A stage of the plan, as the engine defines it (shared/engine/types.ts). */
export type { StageDefinition } from '../../shared/engine/types.ts';

export interface Progression {
  startStage: number;
  plan: StageDefinition[];
  customPlan: boolean;
  thresholds: Record<string, number | string>;
  /** True once the runner answered the starting questions, chose a stage, or a coach set one. */
  stageChosen?: boolean;
  /** A starting stage read from the last 4 weeks, while the runner has not chosen one. */
  proposedStage?: { stage: number; reason: string } | null;
  surgeryDate?: string | null;
  manualStages?: Array<{ date: string; stage: number; by: string; note: string | null }>;
  history?: Array<{ date: string; fromStage: number; toStage: number; kind: string; by: string }>;
}

// --- uploads and Strava -----------------------------------------------------------------------

export type UploadStatus = 'queued' | 'processing' | 'done' | 'duplicate' | 'failed';

export interface FileWarning {
  code: string;
  message: string;
}

export interface UploadRow {
  id: string;
  filename: string;
  /** 'file': an activity file; 'export': an export ZIP; 'item': a workout of an Apple export. */
  kind?: 'file' | 'export' | 'item';
  status: UploadStatus;
  activityIds?: string[];
  error?: { code: string; message: string } | null;
  warnings?: FileWarning[];
}

export interface UploadResponse {
  uploads: UploadRow[];
  /** One per export ZIP: its files and workouts join the batch as a worker reads it. */
  batches: Array<{ id: string; filename: string; uploadId: string }>;
}

export interface ImportBatch {
  id: string;
  filename: string;
  /** strava, apple_health, garmin or activity_files, once read. */
  kind: string | null;
  /** reading: a worker is reading the export; failed: the ZIP was refused (see error). */
  state: 'reading' | 'done' | 'failed';
  error: { code: string; message: string } | null;
  total: number;
  finished: number;
  counts: Record<UploadStatus, number>;
  warnings: string[];
  wellnessDays: number;
  files: UploadRow[];
}

export interface WellnessDay {
  day: string;
  restingHrBpm: number | null;
  hrvSdnnMs: number | null;
  source: string;
}

export interface StravaStatus {
  connected: boolean;
  status: string;
  backfill: {
    state: 'listing' | 'fetching' | 'done' | null;
    done: number;
    total: number;
    nextBatchAt: string | null;
    progress: string | null;
  };
  lastError: string | null;
}

// --- coaching ---------------------------------------------------------------------------------

export interface Invite {
  token: string;
  url: string;
  expiresAt: string;
}

/** GET /api/invites/:token: who invites, until when. */
export interface InviteView {
  coachEmail: string;
  coachName: string | null;
  expiresAt: string;
}

export interface Grant {
  coachId: string;
  coachEmail: string;
  grantedAt: string;
  shareActivityDetails: boolean;
}

/** One athlete on the coach's roster (GET /api/coach/athletes). */
export type { RosterEntry as RosterRow } from '../../shared/api/coach-views.ts';
export type { Compliance } from '../../shared/coaching/compute-compliance.ts';

export interface Note {
  id: string;
  authorEmail: string;
  body: string;
  createdAt: string;
}

// --- where a runner starts, and a clinician's clearance ---------------------------------------

export type Situation = 'after_surgery' | 'after_break' | 'symptoms_now' | 'running_well';

export interface OnboardingInput {
  situation: Situation;
  surgeryDate?: string;
  lastRunDate?: string;
  typicalRunMin?: number;
  typicalRunKm?: number;
  runsPerWeek?: number;
  painDuringRun?: number;
  /** Already runs strides, intervals or hills now. */
  intensityNow?: boolean;
}

export interface OnboardingResult {
  stage: number;
  reason: string;
  stageChosen: true;
}

export interface ClearanceInput {
  date: string;
  stage?: number;
  note?: string;
}

export interface Clearance {
  id: string;
  date: string;
  stage: number | null;
  note: string | null;
  by: 'runner' | 'coach';
  createdAt: string;
}
