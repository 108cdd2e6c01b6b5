// The engine's inputs, its rows and today's decision, and the carry from one day to the next: plain
// data, shared by the engine's steps and the server's and dashboard's readers.
import type { LocalDate } from '../local-date.ts';
import type { AcwrEwmaResult, AcwrRollingResult } from './compute-acwr.ts';
import type { DailyLoad } from './compute-daily-series.ts';
import type { AwaitingSession } from './evaluate-morning.ts';
import type { FirstMornings } from './engine-days.ts';
import type { FitnessResult } from './compute-fitness.ts';
import type { MonotonyResult } from './compute-monotony.ts';
import type { SpikeResult } from './compute-spike.ts';
import type { WeeklyChangeResult } from './compute-weekly-change.ts';
import type { RecentSpike } from './recent-spikes.ts';
import type { Baseline } from './morning-baseline.ts';
import type { BreakRef } from './morning-step.ts';
import type { PainZone } from './pain-model.ts';
import type { PainTrendResult } from './pain-trend.ts';
import type { SessionEvaluation } from './progression.ts';
import type { RedFlagHold } from './red-flag-hold.ts';
import type { Recommendation } from './recommend-today.ts';
import type { PlanDay } from './recommend-week.ts';
import type {
  Action,
  AthleteProfile,
  CheckIn,
  Clearance,
  CrossTraining,
  EngineRun,
  Flag,
  MetricInfo,
  ProgressionSettings,
  ProgressionState,
  Reason,
  StageChange,
} from './types.ts';

/** The state at the end of a day: enough to recompute from the next day on. Plain JSON. */
export interface EngineCarry {
  /** The day this state closes. */
  date: LocalDate;
  firstDate: LocalDate;
  ewmaAcute: number;
  ewmaChronic: number;
  ctl: number;
  atl: number;
  progression: ProgressionState;
  /** High and very high spikes still inside the 72-h window. */
  recentSpikes: RecentSpike[];
  painTrendRising: boolean;
  redFlagHold: RedFlagHold | null;
  /** After pain of 6 or more: no run until a morning back at baseline. */
  waitingForBaseline: { since: LocalDate; baseline: number | null } | null;
  breakRef: BreakRef;
  /** The first morning scores of the history (up to 3), for the early baseline. */
  firstMornings: FirstMornings;
  awaiting: AwaitingSession | null;
}

export interface EngineInput {
  profile: AthleteProfile;
  runs: readonly EngineRun[];
  checkins: readonly CheckIn[];
  crossTraining: readonly CrossTraining[];
  progression?: ProgressionSettings;
  /** Every clearance recorded (they are few; pass all of them, also when resuming). */
  clearances?: readonly Clearance[];
  /** The athlete's local today; days after it are ignored. */
  today: LocalDate;
  /**
   * Recompute from `from` on, starting from the carry of the day before (a stored row's `carry`).
   * The inputs must cover at least lookbackDaysOf(thresholds) days before `from` (34 with the
   * defaults), plus check-ins naming a kept activity; passing all of them is always right.
   */
  resume?: { from: LocalDate; carry: EngineCarry };
}

export interface PainSummary extends MetricInfo {
  /** This morning's score (pain on waking, else pain at rest). */
  morning: number | null;
  /** Zone of the day's session (highest of during and after). */
  zone: PainZone | null;
  painDuring: number | null;
  painAfter: number | null;
  /** The morning after this day's session. */
  painNextMorning: number | null;
  painMorning: number | null;
  painAtRest: number | null;
  stiffness: number | null;
  baselinePain: Baseline;
  baselineStiffness: Baseline;
  trend: PainTrendResult;
}

export interface ProgressionSummary {
  stage: number;
  stageName: string;
  completions: number;
  completionsNeeded: number;
  stageSince: LocalDate;
  noRunBefore: LocalDate | null;
  /** The session evaluated this morning. */
  evaluation: SessionEvaluation | null;
  changes: StageChange[];
  notes: Reason[];
}

export interface DailyMetricsRow {
  date: LocalDate;
  /** Days of history up to and including this day. */
  historyDays: number;
  load: DailyLoad;
  /** Spike of the day's longest run; null without a run. */
  spike: SpikeResult | null;
  /** The day's longest run against the stage's prescription, when the spike is not already that. */
  stageBeyond: SpikeResult | null;
  weeklyChange: WeeklyChangeResult;
  acwr: { rolling: AcwrRollingResult; ewma: AcwrEwmaResult };
  fitness: FitnessResult;
  monotony: MonotonyResult;
  pain: PainSummary;
  stage: number;
  progression: ProgressionSummary;
  /** Flags of the day's data, most severe first. */
  flags: Flag[];
  /** The morning decision for this day. */
  recommendation: Recommendation;
  carry: EngineCarry;
}

/** What stops running until someone acts, and what they must do (GET /api/today `hold`). */
export type Hold =
  | {
      kind: 'red_flag';
      since: LocalDate;
      flags: Array<{ code: string; message: string }>;
      howToClear: string;
    }
  | { kind: 'surgery'; surgeryDate: LocalDate; weeksSince: number; howToClear: string };

/** GET /api/today (design.md), extended with the stage name, the session and what holds running. */
export interface TodayDecision {
  date: LocalDate;
  stage: number;
  stageName: string;
  recommendation: {
    action: Action;
    summary: string;
    reasons: Reason[];
    prescription: string;
    minutes: number | null;
  };
  flags: Flag[];
  plan: PlanDay[];
  hold: Hold | null;
}

export interface EngineOutput {
  firstDate: LocalDate;
  /** One row per local day from the first day (or `resume.from`) to today. */
  days: DailyMetricsRow[];
  /** Stage events dated on the computed days, in date order. */
  stageChanges: StageChange[];
  today: TodayDecision;
}

export type { AwaitingSession };
