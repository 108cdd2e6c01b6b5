// Fitness (CTL), fatigue (ATL) and form, TrainingPeaks convention with time constants 42 and 7.
import { METRIC_INFO } from './metric-info.ts';
import type { MetricInfo, Thresholds } from './types.ts';

export interface FitnessResult extends MetricInfo {
  ctl: number;
  atl: number;
  /** CTL − ATL of the day before. */
  form: number;
}

/** previous = the CTL/ATL at the end of the day before (the starting values on day one). */
export function computeFitness(
  previous: { ctl: number; atl: number },
  load: number,
  t: Pick<Thresholds, 'ctlDays' | 'atlDays'>,
): FitnessResult {
  // Banister/Coggan: CTL_t = CTL_{t−1} + (L_t − CTL_{t−1})/42; ATL likewise with 7
  const ctl = previous.ctl + (load - previous.ctl) / t.ctlDays;
  const atl = previous.atl + (load - previous.atl) / t.atlDays;
  const { method, source, caveat } = METRIC_INFO.fitness;
  return { method, source, caveat, ctl, atl, form: previous.ctl - previous.atl };
}
