// Default numbers of science.md, overridable per athlete by a coach or clinician.
import { BadInputError } from '../errors.ts';
import type { Thresholds } from './types.ts';

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  spikeCaution: 0.1, // Frandsen 2025 BJSM doi:10.1136/bjsports-2024-109380
  spikeHigh: 0.3,
  spikeVeryHigh: 1.0,
  spikeWindowDays: 30,
  spikeRecentDays: 3, // "the last 72 h" (science.md §5)
  weeklyChangeCaution: 0.3, // Nielsen 2014 JOSPT 44:739
  painGreenMax: 2, // Silbernagel 2007 AJSM 35:897, hip-cautious variant
  painAmberMax: 5,
  acwrLow: 0.8, // Gabbett 2016 BJSM 50:273 (team sports, coupled form)
  acwrHigh: 1.3,
  acwrDanger: 1.5,
  acwrMinHistoryDays: 28,
  ewmaAcuteDays: 7, // Williams 2017 BJSM 51:209
  ewmaChronicDays: 28,
  ctlDays: 42,
  atlDays: 7,
  monotonyHigh: 2, // Foster 1998 MSSE 30:1164, a heuristic
  completionFraction: 0.9,
  boutTolerance: 0.2, // each run bout within ±20 % of the prescription (docs/engine.md)
  stopMaxS: 60, // a stop in a continuous run, shorter than every walk break of the plan
  pauseDaysAfterDrop: 3,
  baselineWindowDays: 28,
  baselineMinScores: 3,
  painTrendMinScores: 3,
  painTrendRise: 1.5, // a 7-day mean, above the 1 point of noise (science.md §3; Farrar 2001 MCID ~2)
  readinessValidDays: 7,
  breakOneStageDays: 7, // science.md §4 "After a break" (Daniels)
  breakTwoStagesDays: 14,
  breakRestartDays: 28,
  surgeryNoJogWeeks: 10, // post-arthroscopy RCT protocol, Trials 2016 (science.md §4)
  loadMeasure: 'srpe',
  defaultRpe: 3,
});

const POSITIVE_INTEGERS: ReadonlyArray<keyof Thresholds> = [
  'spikeWindowDays',
  'spikeRecentDays',
  'acwrMinHistoryDays',
  'ewmaAcuteDays',
  'ewmaChronicDays',
  'ctlDays',
  'atlDays',
  'pauseDaysAfterDrop',
  'baselineWindowDays',
  'baselineMinScores',
  'painTrendMinScores',
  'readinessValidDays',
  'breakOneStageDays',
  'breakTwoStagesDays',
  'breakRestartDays',
  'surgeryNoJogWeeks',
  'stopMaxS',
];

/**
 * Thresholds that no longer exist: an override stored before is ignored, never an error.
 * `redFlagDays` let a red flag lapse; a red flag now holds until a clinician's clearance.
 */
export const RETIRED_THRESHOLDS: readonly string[] = ['redFlagDays'];

/** Defaults merged with an athlete's overrides, validated once. */
export function resolveThresholds(overrides?: Partial<Thresholds>): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined || value === null || RETIRED_THRESHOLDS.includes(key)) continue;
    if (!(key in DEFAULT_THRESHOLDS))
      throw new BadInputError('threshold_unknown', `unknown threshold: ${key}`);
    (t as unknown as Record<string, unknown>)[key] = value;
  }
  for (const [key, value] of Object.entries(t)) {
    if (key === 'loadMeasure') continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new BadInputError('threshold_invalid', `invalid threshold ${key}: ${String(value)}`);
    }
  }
  for (const key of POSITIVE_INTEGERS) {
    const v = t[key] as number;
    if (!Number.isInteger(v) || v < 1)
      throw new BadInputError('threshold_invalid', `invalid threshold ${key}: ${v}`);
  }
  if (!['srpe', 'trimp', 'rtss', 'minutes'].includes(t.loadMeasure)) {
    throw new BadInputError(
      'threshold_invalid',
      `invalid threshold loadMeasure: ${String(t.loadMeasure)}`,
    );
  }
  if (!(t.spikeCaution <= t.spikeHigh && t.spikeHigh <= t.spikeVeryHigh)) {
    throw new BadInputError(
      'threshold_invalid',
      'spike bands must rise: spikeCaution ≤ spikeHigh ≤ spikeVeryHigh',
    );
  }
  if (!(
    t.breakOneStageDays <= t.breakTwoStagesDays && t.breakTwoStagesDays <= t.breakRestartDays
  )) {
    throw new BadInputError(
      'threshold_invalid',
      'break steps must rise: breakOneStageDays ≤ breakTwoStagesDays ≤ breakRestartDays',
    );
  }
  if (!(t.boutTolerance < 1)) {
    throw new BadInputError(
      'threshold_invalid',
      `invalid threshold boutTolerance: ${t.boutTolerance}`,
    );
  }
  if (!(t.painGreenMax < t.painAmberMax)) {
    throw new BadInputError('threshold_invalid', 'painGreenMax must be below painAmberMax');
  }
  return t;
}

/** Days of input before `from` that an incremental recompute must be given (longest window). */
export function lookbackDaysOf(t: Thresholds): number {
  return (
    Math.max(
      t.spikeWindowDays + t.spikeRecentDays,
      t.acwrMinHistoryDays,
      t.ewmaChronicDays,
      14,
      t.baselineWindowDays + 2,
      t.readinessValidDays,
    ) + 1
  );
}
