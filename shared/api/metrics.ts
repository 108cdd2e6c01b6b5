// The engine's answers: today's decision (GET /api/today) and the metrics of each day
// (GET /api/metrics/daily), as the engine stores them with each metric's method and caveat.
import type { PainSummary, TodayDecision as EngineTodayDecision } from '../engine/run-engine.ts';
import type { Action, Flag } from '../engine/types.ts';
import type { PlanSession } from '../rehab/programme-wire.ts';
import type { CheckInRow } from './checkins.ts';

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

/** One day of GET /api/metrics/daily. */
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
