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
  pauseDaysAfterDrop: 3,
  baselineWindowDays: 28,
  baselineMinScores: 3,
  painTrendMinScores: 3,
  painTrendRise: 0,
  redFlagDays: 3,
  readinessValidDays: 7,
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
  'redFlagDays',
  'readinessValidDays',
];

/** Defaults merged with an athlete's overrides, validated once. */
export function resolveThresholds(overrides?: Partial<Thresholds>): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined || value === null) continue;
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
      t.redFlagDays,
    ) + 1
  );
}
