// A run's spike (against the 30 days before, or against the stage's session) as the engine keeps it
// for 72 h, and its one sentence, shared by the day's flag and the decision's reason.
import type { LocalDate } from '../local-date.ts';
import type { SpikeBand, SpikeResult } from './compute-spike.ts';
import { formatDay } from './format-day.ts';
import type { Flag, Severity } from './types.ts';

/** A high or very high spike (of either kind) of a run in the last 72 h. */
export interface RecentSpike {
  date: LocalDate;
  band: SpikeBand;
  value: number | null;
  reference: 'longest_30d' | 'stage_prescription';
  /** The stage whose prescription a stage-beyond spike was measured against. */
  stage: number;
  /** A walk-run run through its walk breaks, in words (judge-session.ts). */
  note?: string;
}

const SEVERITY_OF: Record<Exclude<SpikeBand, 'ok'>, Severity> = {
  caution: 'caution',
  high: 'high',
  very_high: 'very_high',
};

const pct = (v: number): number => Math.round(v * 100);

/** The sentence of a spike, the same for its flag and its reason. */
export function spikeMessageOf(s: RecentSpike): string {
  const on = formatDay(s.date);
  if (s.value === null) return `A run on ${on} at stage ${s.stage}, a walking stage.`;
  if (s.note) return `The run on ${on} ${s.note} (${pct(s.value)} % more running than prescribed).`;
  return s.reference === 'longest_30d'
    ? `The run on ${on} was ${pct(s.value)} % longer than the longest of the 30 days before.`
    : `The run on ${on} was ${pct(s.value)} % longer than the stage ${s.stage} session.`;
}

export function spikeCodeOf(s: Pick<RecentSpike, 'band' | 'reference'>): string {
  return `${s.reference === 'longest_30d' ? 'spike' : 'stage_beyond'}_${s.band}`;
}

export function spikeFlagOf(s: RecentSpike): Flag {
  return {
    code: spikeCodeOf(s),
    severity: SEVERITY_OF[s.band as Exclude<SpikeBand, 'ok'>],
    message: spikeMessageOf(s),
    ...(s.value !== null ? { value: s.value } : {}),
  };
}

export function spikeOfRun(date: LocalDate, stage: number, r: SpikeResult): RecentSpike {
  const s: RecentSpike = { date, band: r.band, value: r.value, reference: r.reference, stage };
  if (r.note && r.reference === 'stage_prescription' && r.value !== null) s.note = r.note;
  return s;
}
