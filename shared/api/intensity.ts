// GET /api/metrics/intensity: the intensity line — per day and per Monday–Sunday week, the time
// above threshold, the time in fast bouts, strides and hill repeats (shared/engine/intensity-line.ts).
// Numbers only; the chart says in words what the threshold was.
import type { IntensityBasis, IntensityTotals } from '../engine/intensity-line.ts';

export type { IntensityBasis, IntensityTotals };

export interface IntensityMetrics {
  /** What `aboveThresholdS` measures: threshold pace, threshold heart rate, or fast bouts. */
  basis: IntensityBasis;
  /** The athlete's threshold pace, s/km (null when not set). */
  thresholdPaceSPerKm: number | null;
  /** The threshold heart rate used, bpm: 87 % of HRmax (null without HRmax). */
  thresholdHrBpm: number | null;
  /** Days with at least one run read, oldest first. */
  days: Array<IntensityTotals & { day: string }>;
  /** Weeks (Monday) with at least one run read, oldest first. */
  weeks: Array<IntensityTotals & { weekStart: string }>;
}
