// The engine's answers: today's decision (GET /api/today), the numbers of each day
// (GET /api/metrics/daily), and what each metric is, once (GET /api/metrics/info).
import type { TodayDecision as EngineTodayDecision } from '../engine/run-engine.ts';
import type { MetricName } from '../engine/metric-info.ts';
import type { Flag } from '../engine/types.ts';
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

/** GET /api/metrics/info: each metric's name and unit, with its method, source and caveat. */
export type MetricsInfo = Record<MetricName, MetricInfo & { name: string; unit: string }>;

export type SpikeBand = 'ok' | 'caution' | 'high' | 'very_high';
export type PainZone = 'green' | 'amber' | 'red';

/**
 * One day of GET /api/metrics/daily: numbers and codes only. The texts that explain each metric
 * are the same every day and come once from GET /api/metrics/info; the sentences of a day's
 * reasons come with GET /api/today.
 */
export interface DailyMetrics {
  day: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
  /** Absent while a day's metrics are still being computed. */
  load?: {
    longestRunM: number;
    crossTrainingMin: number;
    strengthMin: number;
    /** Session-RPE load of the day (RPE × minutes, Foster 1998). */
    srpeLoad: number;
    totalLoad: number;
  };
  /** Null on a day without a run. */
  spike?: {
    value: number | null;
    band: SpikeBand;
    reference: 'longest_30d' | 'stage_prescription';
    referenceValue: number;
    note?: string;
  } | null;
  weeklyChange?: { value: number | null; caution: boolean };
  acwr?: {
    rolling: { coupled: number | null; uncoupled: number | null; note?: string };
    ewma: { ratio: number | null; acute: number; chronic: number; note?: string };
  };
  fitness?: { ctl: number; atl: number; form: number };
  monotony?: { monotony: number | null; high: boolean; note?: string };
  /**
   * The day's scores (0–10) as logged — a score not given is absent — the zone of its session, and
   * whether pain is rising week over week.
   */
  pain?: {
    /** This morning's score (pain on waking, else pain at rest). */
    morning?: number;
    zone?: PainZone;
    painDuring?: number;
    painAfter?: number;
    /** The morning after this day's session. */
    painNextMorning?: number;
    painMorning?: number;
    painAtRest?: number;
    stiffness?: number;
    /** Present (true) when a moment's 7-day mean rose by 1.5 points or more. */
    rising?: true;
  };
  stage?: number;
  progression?: {
    stageName: string;
    completions: number;
    completionsNeeded: number;
    /** The session evaluated this morning, when there was one. */
    evaluation?: {
      sessionDate: string;
      outcome: string;
      verdict: { completion: 'completed' | 'partly_done'; reason: string | null } | null;
    };
  };
  /** The day's flags by code, most severe first (their sentences: GET /api/today). */
  flags?: Array<Pick<Flag, 'code' | 'severity' | 'value'>>;
}
