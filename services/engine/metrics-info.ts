// GET /api/metrics/info: what each metric of GET /api/metrics/daily is — its name, its unit, and
// the engine's method, source and caveat — sent once instead of with every day.
import type { MetricsInfo } from '#shared/api/metrics';
import { METRIC_INFO, type MetricName } from '#shared/engine/index';

const NAMES: Record<MetricName, { name: string; unit: string }> = {
  trimp: { name: 'TRIMP (Banister)', unit: 'AU' },
  rtss: { name: 'Running training stress score', unit: 'rTSS' },
  srpe: { name: 'Session-RPE load', unit: 'AU (RPE × min)' },
  spike: { name: 'Single-run spike', unit: 'fraction of the 30-day longest run' },
  spikeVsStage: {
    name: 'Single-run spike against the stage',
    unit: 'fraction of the prescription',
  },
  weeklyChange: { name: 'Week-to-week change in running distance', unit: 'fraction' },
  acwrRolling: { name: 'Acute : chronic workload ratio (rolling)', unit: 'ratio' },
  acwrEwma: { name: 'Acute : chronic workload ratio (EWMA)', unit: 'ratio' },
  fitness: { name: 'Fitness (CTL), fatigue (ATL) and form', unit: 'AU per day' },
  monotony: { name: 'Training monotony', unit: 'ratio' },
  stageBeyond: { name: 'A run beyond the stage', unit: 'fraction of the prescription' },
  pain: { name: 'Hip pain', unit: 'score 0–10' },
  painTrend: { name: 'Hip pain, week over week', unit: 'points (0–10 scale)' },
};

export const METRICS_INFO: MetricsInfo = Object.fromEntries(
  (Object.keys(METRIC_INFO) as MetricName[]).map((key) => [
    key,
    { ...NAMES[key], ...METRIC_INFO[key] },
  ]),
) as MetricsInfo;
