// The flags of one day from that day's facts: red flags, stage events, the morning-after outcome,
// pain zones, spikes of the last 72 h, the metric cautions and runs against the day's rules. The
// decision's reasons are built from the same facts (metric-cautions.ts, recent-spikes.ts).
import type { LocalDate } from '../local-date.ts';
import type { SpikeResult } from './compute-spike.ts';
import { formatDay } from './format-day.ts';
import type { MetricCautions } from './metric-cautions.ts';
import type { TodayPain } from './morning-pain.ts';
import { painZoneOf, type PainZone } from './pain-model.ts';
import type { SessionEvaluation } from './progression.ts';
import { redFlagOf } from './detect-red-flags.ts';
import type { RedFlagHold } from './red-flag-hold.ts';
import { spikeCodeOf, spikeFlagOf, spikeOfRun, type RecentSpike } from './recent-spikes.ts';
import { sortBySeverity } from './severity-rank.ts';
import type { Flag, Severity, StageChange, Thresholds } from './types.ts';

export interface DayFlagFacts {
  date: LocalDate;
  stage: number;
  redFlagHold: RedFlagHold | null;
  surgeryHeld: boolean;
  changes: readonly StageChange[];
  evaluation: SessionEvaluation | null;
  /** Highest of pain during and after today's session. */
  sessionPain: number | undefined;
  todayPain: TodayPain | undefined;
  /** Today's run against the last 30 days (or the stage without a reference), and against the stage. */
  spike: SpikeResult | null;
  stageBeyond: SpikeResult | null;
  /** High and very high spikes of runs on the 3 days before. */
  recentSpikes: readonly RecentSpike[];
  cautions: MetricCautions;
  ranToday: boolean;
  /** Today's run broke the stage's spacing rule. */
  spacingBroken: boolean;
  pausedToday: boolean;
  clicking: boolean;
  /** Fast running in today's run at a stage whose prescription holds none (judge-session.ts). */
  intensity?: { words: string; surges: number; stageIntensity: string } | null;
}

const STAGE_EVENT_FLAGS: Partial<
  Record<StageChange['kind'], (c: StageChange) => Omit<Flag, 'value'>>
> = {
  drop: (c) => ({
    code: 'stage_dropped',
    severity: 'high',
    message: `Stage ${c.fromStage} → ${c.toStage}.`,
  }),
  repeat: (c) => ({
    code: 'stage_repeated',
    severity: 'caution',
    message: `Stage ${c.fromStage} repeats.`,
  }),
  advance: (c) => ({
    code: 'stage_advanced',
    severity: 'info',
    message: `Stage ${c.fromStage} → ${c.toStage}.`,
  }),
  manual: (c) => ({
    code: 'stage_set',
    severity: 'info',
    message: `Stage set to ${c.toStage} by the ${c.by}.`,
  }),
  break: (c) => ({
    code: 'stage_break',
    severity: 'caution',
    message: `Stage ${c.fromStage} → ${c.toStage} after a break from running.`,
  }),
  hold: (c) => ({
    code: 'stage_surgery',
    severity: 'info',
    message: `Stage ${c.fromStage} → ${c.toStage} after surgery.`,
  }),
  clearance: (c) => ({
    code: 'stage_cleared',
    severity: 'info',
    message: `Cleared by a clinician: restart at stage ${c.toStage}.`,
  }),
};

const ZONE_SEVERITY: Record<Exclude<PainZone, 'green'>, Severity> = {
  red: 'high',
  amber: 'caution',
};

/** Every flag of a day, most severe first (in the order they were found within one severity). */
export function detectDayFlags(f: DayFlagFacts, t: Thresholds): Flag[] {
  const flags: Flag[] = [];
  for (const rf of f.redFlagHold?.flags ?? []) flags.push(redFlagOf(rf.code, rf.date));
  for (const c of f.changes) {
    const make = STAGE_EVENT_FLAGS[c.kind];
    if (make) flags.push({ ...make(c), value: c.toStage });
  }
  const ev = f.evaluation;
  if (ev?.outcome === 'not_back_to_baseline') {
    const r = ev.reasons[0];
    flags.push({
      code: 'not_back_to_baseline',
      severity: 'high',
      message: r?.message ?? 'Not back to baseline the morning after.',
      ...(typeof r?.value === 'number' ? { value: r.value } : {}),
    });
  }
  if (f.sessionPain !== undefined) {
    const zone = painZoneOf(f.sessionPain, t);
    if (zone !== 'green')
      flags.push({
        code: `session_pain_${zone}`,
        severity: ZONE_SEVERITY[zone],
        message: `Pain ${f.sessionPain}/10 during or after the session on ${formatDay(f.date)}: ${zone} zone.`,
        value: f.sessionPain,
      });
  }
  if (f.todayPain) {
    const zone = painZoneOf(f.todayPain.value, t);
    if (zone !== 'green')
      flags.push({
        code: `${f.todayPain.source}_pain_${zone}`,
        severity: ZONE_SEVERITY[zone],
        message: `Pain ${f.todayPain.source === 'morning' ? 'on waking' : 'at rest'} ${f.todayPain.value}/10 on ${formatDay(f.date)}: ${zone} zone.`,
        value: f.todayPain.value,
      });
  }
  // One flag per spike code: the latest run of the 3 days before (the one today's reason names),
  // else today's own run.
  const runSpike = f.spike !== null && f.spike.band !== 'ok';
  const runBeyond = f.stageBeyond !== null && f.stageBeyond.band !== 'ok';
  if (f.recentSpikes.length > 0 || runSpike || runBeyond) {
    const spikes = [...f.recentSpikes].sort((a, b) => (a.date < b.date ? 1 : -1));
    for (const r of [f.spike, f.stageBeyond])
      if (r && r.band !== 'ok') spikes.push(spikeOfRun(f.date, f.stage, r));
    const seen = new Set<string>();
    for (const s of spikes) {
      const code = spikeCodeOf(s);
      if (seen.has(code)) continue;
      seen.add(code);
      flags.push(spikeFlagOf(s));
    }
  }
  flags.push(...f.cautions.flags);
  if (f.ranToday) {
    if (f.spacingBroken)
      flags.push({
        code: 'run_spacing_broken',
        severity: 'caution',
        message: `A run on ${formatDay(f.date)} against the stage ${f.stage} spacing of runs.`,
      });
    if (f.intensity)
      flags.push({
        code: 'intensity_beyond_stage',
        severity: 'caution',
        message: `The run on ${formatDay(f.date)} held ${f.intensity.words}; stage ${f.stage} is ${f.intensity.stageIntensity}.`,
        value: f.intensity.surges,
      });
    if (f.pausedToday)
      flags.push({
        code: 'ran_during_pause',
        severity: 'caution',
        message: `A run on ${formatDay(f.date)} during the pause after a stage drop.`,
      });
    if (f.redFlagHold)
      flags.push({
        code: 'ran_with_red_flag',
        severity: 'high',
        message: `A run on ${formatDay(f.date)} while a red flag stands.`,
      });
    if (f.surgeryHeld)
      flags.push({
        code: 'ran_before_clearance',
        severity: 'high',
        message: `A run on ${formatDay(f.date)} before the clearance after surgery.`,
      });
  }
  if (f.clicking)
    flags.push({
      code: 'clicking',
      severity: 'info',
      message: 'Clicking reported: on its own, not a reason to stop.',
    });
  return sortBySeverity(flags);
}
