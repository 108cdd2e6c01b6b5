// The flags of a day and the cautions read with its decision, built once from the same facts so a
// reason and a flag about one measure always carry the same number (science.md §5: "where the same
// measure appears twice on one screen, it shows the same value").
import type { LocalDate } from '../local-date.ts';
import type { AcwrEwmaResult, AcwrRollingResult } from './compute-acwr.ts';
import type { MonotonyResult } from './compute-monotony.ts';
import type { SpikeBand, SpikeResult } from './compute-spike.ts';
import type { WeeklyChangeResult } from './compute-weekly-change.ts';
import { formatDay } from './format-day.ts';
import type { TodayPain } from './morning-pain.ts';
import { painZoneOf, type PainZone } from './pain-model.ts';
import type { PainTrendResult } from './pain-trend.ts';
import type { SessionEvaluation } from './progression.ts';
import { redFlagOf } from './detect-red-flags.ts';
import type { RedFlagHold } from './red-flag-hold.ts';
import type { Flag, Reason, Severity, StageChange, Thresholds } from './types.ts';

/** A high or very high spike (of either kind) of a run in the last 72 h. */
export interface RecentSpike {
  date: LocalDate;
  band: SpikeBand;
  value: number | null;
  reference: 'longest_30d' | 'stage_prescription';
  /** The stage whose prescription a stage-beyond spike was measured against. */
  stage: number;
}

const SEVERITY_OF: Record<Exclude<SpikeBand, 'ok'>, Severity> = {
  caution: 'caution',
  high: 'high',
  very_high: 'very_high',
};

const pct = (v: number): number => Math.round(v * 100);
const NONE = Object.freeze([]) as unknown as never[];

/** The sentence of a spike, the same for its flag and its reason. */
export function spikeMessageOf(s: RecentSpike): string {
  const on = formatDay(s.date);
  if (s.value === null) return `A run on ${on} at stage ${s.stage}, a walking stage.`;
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
  return { date, band: r.band, value: r.value, reference: r.reference, stage };
}

export interface MetricCautions {
  flags: readonly Flag[];
  /** The same measures as reasons, read with the day's decision. */
  reasons: readonly Reason[];
  /** The larger of the coupled rolling ACWR and the EWMA ratio. */
  acwrPeak: number;
}

const MOMENT_WORDS = {
  morning: 'morning pain',
  session: 'pain during and after sessions',
  rest: 'pain at rest',
} as const;

/** Weekly change, ACWR, monotony and the pain trend: flags and reasons from the same numbers. */
export function metricCautionsOf(
  m: {
    weeklyChange: WeeklyChangeResult;
    rolling: AcwrRollingResult;
    ewma: AcwrEwmaResult;
    monotony: MonotonyResult;
    trend: PainTrendResult;
  },
  t: Thresholds,
): MetricCautions {
  const acwrPeak = Math.max(m.rolling.coupled ?? 0, m.ewma.ratio ?? 0);
  if (!m.weeklyChange.caution && acwrPeak <= t.acwrHigh && !m.monotony.high && !m.trend.rising)
    return { flags: NONE, reasons: NONE, acwrPeak };
  const flags: Flag[] = [];
  const reasons: Reason[] = [];
  const wc = m.weeklyChange;
  if (wc.caution && wc.value !== null) {
    const message = `Running distance is up ${pct(wc.value)} % on the 7 days before.`;
    flags.push({ code: 'weekly_change_high', severity: 'caution', message, value: wc.value });
    reasons.push({ code: 'weekly_change_high', message, value: wc.value, rule: 'weekly-change' });
  }
  const acwr = Math.round(acwrPeak * 100) / 100;
  if (acwrPeak >= t.acwrDanger) {
    // Descriptive only: never a red flag, never the sole reason for one.
    const message = `The last 7 days' load is ${acwr.toFixed(2)} times the 4-week average: load rose fast.`;
    flags.push({ code: 'acwr_high', severity: 'caution', message, value: acwr });
    reasons.push({ code: 'acwr_high', message, value: acwr, rule: 'acwr' });
  } else if (acwrPeak > t.acwrHigh) {
    flags.push({
      code: 'acwr_above_range',
      severity: 'info',
      message: `The last 7 days' load is ${acwr.toFixed(2)} times the 4-week average.`,
      value: acwr,
    });
  }
  if (m.monotony.high && m.monotony.monotony !== null) {
    const v = Math.round(m.monotony.monotony * 100) / 100;
    flags.push({
      code: 'monotony_high',
      severity: 'info',
      message: `Training has varied little from day to day this week (monotony ${v.toFixed(2)}).`,
      value: v,
    });
  }
  const tr = m.trend;
  if (tr.rising && tr.change !== null && tr.moment !== null) {
    const change = Math.round(tr.change * 10) / 10;
    const message = `{Your} average ${MOMENT_WORDS[tr.moment]} rose by ${change.toFixed(1)} points on the week before (${(tr.meanPrevious7 as number).toFixed(1)} → ${(tr.mean7 as number).toFixed(1)}).`;
    flags.push({ code: 'pain_trend_rising', severity: 'caution', message, value: change });
    reasons.push({ code: 'pain_trend_rising', message, value: change, rule: 'pain-trend' });
  }
  return { flags, reasons, acwrPeak };
}

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

/** Every flag of a day (unsorted). */
export function flagsOfDay(f: DayFlagFacts, t: Thresholds): Flag[] {
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
  return flags;
}
