// The one entry of the engine: inputs in, one row per local day, the stage changes and today's
// decision out. Deterministic and replayable: a recompute from day d with the carry of day d−1
// gives exactly the rows of a full recompute (tests/unit/engine/run-engine.test.ts).
import { isRunningSport } from '../activity/activity.ts';
import { BadInputError } from '../errors.ts';
import { addDays, daysBetween, isTimeZone, localDateOf, type LocalDate } from '../local-date.ts';

import {
  computeAcwrEwma,
  computeAcwrRolling,
  type AcwrEwmaResult,
  type AcwrRollingResult,
} from './compute-acwr.ts';
import {
  computeDailySeries,
  isWalkingKind,
  type DailyLoad,
  type DatedRun,
} from './compute-daily-series.ts';
import { isValidLocalDate } from './day-number.ts';
import { computeFitness, type FitnessResult } from './compute-fitness.ts';
import { computeMonotony, type MonotonyResult } from './compute-monotony.ts';
import { computeSpike, computeSpikeVsStage, type SpikeResult } from './compute-spike.ts';
import { isRpe } from './compute-srpe.ts';
import { computeWeeklyChange, type WeeklyChangeResult } from './compute-weekly-change.ts';
import { detectRedFlags } from './detect-red-flags.ts';
import {
  mergeCheckIns,
  validateCheckIn,
  type DaySymptoms,
  type SessionSymptoms,
} from './merge-check-ins.ts';
import { METRIC_INFO } from './metric-info.ts';
import {
  baselineOf,
  computePainTrend,
  dailyPainScoreOf,
  painZoneOf,
  type Baseline,
  type PainTrendResult,
  type PainZone,
} from './pain-model.ts';
import {
  DEFAULT_PLAN,
  evaluateSession,
  type SessionFacts,
  hasSession,
  stepProgression,
  validatePlan,
  type SessionEvaluation,
} from './progression.ts';
import {
  recommendToday,
  type DayContext,
  type DayKind,
  type RecentSpike,
  type Recommendation,
} from './recommend-today.ts';
import { recommendWeek, type PlanDay } from './recommend-week.ts';
import { lookbackDaysOf, resolveThresholds } from './thresholds.ts';
import type {
  Action,
  AthleteProfile,
  CheckIn,
  CrossTraining,
  EngineRun,
  Flag,
  ManualStageSetting,
  MetricInfo,
  ProgressionSettings,
  ProgressionState,
  Reason,
  Severity,
  StageChange,
  StageDefinition,
} from './types.ts';

/** The state at the end of a day: enough to recompute from the next day on. Plain JSON. */
export interface EngineCarry {
  /** The day this state closes. */
  date: LocalDate;
  firstDate: LocalDate;
  ewmaAcute: number;
  ewmaChronic: number;
  ctl: number;
  atl: number;
  progression: ProgressionState;
  /** High and very high spikes still inside the 72-h window. */
  recentSpikes: RecentSpike[];
  /** Cautions known at the end of the day, read the next morning. */
  cautions: Reason[];
  painTrendRising: boolean;
}

export interface EngineInput {
  profile: AthleteProfile;
  runs: readonly EngineRun[];
  checkins: readonly CheckIn[];
  crossTraining: readonly CrossTraining[];
  progression?: ProgressionSettings;
  /** The athlete's local today; days after it are ignored. */
  today: LocalDate;
  /**
   * Recompute from `from` on, starting from the carry of the day before (a stored row's `carry`).
   * The inputs must cover at least lookbackDaysOf(thresholds) days before `from` (34 with the
   * defaults), plus check-ins naming a kept activity; passing all of them is always right.
   */
  resume?: { from: LocalDate; carry: EngineCarry };
}

export interface PainSummary extends MetricInfo {
  /** Highest score logged about the day (pain at rest, during/after its session, the morning after yesterday's). */
  score: number | null;
  /** Zone of the day's session (highest of during and after). */
  zone: PainZone | null;
  painDuring: number | null;
  painAfter: number | null;
  /** The morning after this day's session. */
  painNextMorning: number | null;
  painAtRest: number | null;
  stiffness: number | null;
  baselinePain: Baseline;
  baselineStiffness: Baseline;
  trend: PainTrendResult;
}

export interface ProgressionSummary {
  stage: number;
  stageName: string;
  completions: number;
  completionsNeeded: number;
  stageSince: LocalDate;
  noRunBefore: LocalDate | null;
  /** Yesterday's session, evaluated this morning. */
  evaluation: SessionEvaluation | null;
  changes: StageChange[];
  notes: Reason[];
}

export type DailyLoadRow = DailyLoad;

export interface DailyMetricsRow {
  date: LocalDate;
  /** Days of history up to and including this day. */
  historyDays: number;
  load: DailyLoadRow;
  /** Spike of the day's longest run; null without a run. */
  spike: SpikeResult | null;
  weeklyChange: WeeklyChangeResult;
  acwr: { rolling: AcwrRollingResult; ewma: AcwrEwmaResult };
  fitness: FitnessResult;
  monotony: MonotonyResult;
  pain: PainSummary;
  stage: number;
  progression: ProgressionSummary;
  /** Flags of the day's data, most severe first. */
  flags: Flag[];
  /** The morning decision for this day. */
  recommendation: Recommendation;
  carry: EngineCarry;
}

/** GET /api/today (design.md), extended with the stage name, the prescription and flag messages. */
export interface TodayDecision {
  date: LocalDate;
  stage: number;
  stageName: string;
  recommendation: { action: Action; summary: string; reasons: Reason[]; prescription: string };
  flags: Flag[];
  plan: PlanDay[];
}

export interface EngineOutput {
  firstDate: LocalDate;
  /** One row per local day from the first day (or `resume.from`) to today. */
  days: DailyMetricsRow[];
  /** Stage events dated on the computed days, in date order. */
  stageChanges: StageChange[];
  today: TodayDecision;
}

const SEVERITY_RANK: Record<Severity, number> = {
  red_flag: 0,
  very_high: 1,
  high: 2,
  caution: 3,
  info: 4,
};

function fail(reason: string, message: string): never {
  throw new BadInputError(reason, message);
}

function validateInput(input: EngineInput, plan: readonly StageDefinition[]): void {
  const { profile, today } = input;
  if (!isValidLocalDate(today)) fail('today_invalid', `invalid today: ${today}`);
  if (!isTimeZone(profile.timezone))
    fail('timezone_invalid', `invalid timezone: ${profile.timezone}`);
  if (!['male', 'female', 'unknown'].includes(profile.sex))
    fail('sex_invalid', `invalid sex: ${String(profile.sex)}`);
  const ids = new Set<string>();
  for (const r of input.runs) {
    if (ids.has(r.id)) fail('run_duplicate', `duplicate run id: ${r.id}`);
    ids.add(r.id);
    if (!(r.startAt instanceof Date) || Number.isNaN(r.startAt.getTime()))
      fail('run_start_invalid', `run ${r.id}: invalid startAt`);
    if (
      !(r.distanceM >= 0) ||
      !(r.movingS >= 0) ||
      !Number.isFinite(r.distanceM) ||
      !Number.isFinite(r.movingS)
    ) {
      fail('run_numbers_invalid', `run ${r.id}: distanceM and movingS must be ≥ 0`);
    }
  }
  for (const c of input.checkins) validateCheckIn(c);
  for (const c of input.crossTraining) {
    if (!isValidLocalDate(c.date))
      fail('cross_training_date_invalid', `invalid cross-training date: ${c.date}`);
    if (!(c.minutes >= 0) || !Number.isFinite(c.minutes))
      fail(
        'cross_training_minutes_invalid',
        `cross-training ${c.date}: invalid minutes: ${c.minutes}`,
      );
  }
  const startStage = input.progression?.startStage ?? 0;
  const inPlan = (s: number): boolean => Number.isInteger(s) && s >= 0 && s < plan.length;
  if (!inPlan(startStage)) fail('stage_invalid', `invalid startStage: ${startStage}`);
  for (const m of input.progression?.manualStages ?? []) {
    if (!isValidLocalDate(m.date)) fail('stage_date_invalid', `invalid stage date: ${m.date}`);
    if (!inPlan(m.stage)) fail('stage_invalid', `invalid stage: ${m.stage} (0–${plan.length - 1})`);
  }
  if (input.resume) {
    const { from, carry } = input.resume;
    if (!isValidLocalDate(from) || from > today)
      fail('resume_invalid', `invalid resume.from: ${from}`);
    if (carry.date !== addDays(from, -1))
      fail('resume_invalid', `resume carry closes ${carry.date}, expected ${addDays(from, -1)}`);
    if (!inPlan(carry.progression.stage))
      fail('resume_invalid', `resume carry has stage ${carry.progression.stage}, not in the plan`);
  }
}

function initialCarry(
  firstDate: LocalDate,
  profile: AthleteProfile,
  startStage: number,
): EngineCarry {
  return {
    date: addDays(firstDate, -1),
    firstDate,
    ewmaAcute: 0,
    ewmaChronic: 0,
    ctl: profile.ctlStart ?? 0,
    atl: profile.atlStart ?? 0,
    progression: { stage: startStage, completions: 0, stageSince: firstDate, noRunBefore: null },
    recentSpikes: [],
    cautions: [],
    painTrendRising: false,
  };
}

function manualByDate(settings: readonly ManualStageSetting[]): Map<LocalDate, ManualStageSetting> {
  // Several settings on one day: a fixed order (by, stage, note) picks the last, whatever the input order.
  const sorted = [...settings].sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.by !== b.by
        ? a.by < b.by
          ? -1
          : 1
        : a.stage !== b.stage
          ? a.stage - b.stage
          : (a.note ?? '') < (b.note ?? '')
            ? -1
            : 1,
  );
  const m = new Map<LocalDate, ManualStageSetting>();
  for (const s of sorted) m.set(s.date, s);
  return m;
}

// Shared by every row whose list is empty (rows are data: nobody mutates them).
const EMPTY = Object.freeze([]) as unknown as never[];

function sortFlags(flags: Flag[]): Flag[] {
  if (flags.length < 2) return flags;
  return flags
    .map((f, k) => ({ f, k }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.k - b.k)
    .map((x) => x.f);
}

const orNull = (v: number | undefined): number | null => (v === undefined ? null : v);

/** Runs the whole engine for one athlete. Throws BadInputError on input it cannot use. */
export function runEngine(input: EngineInput): EngineOutput {
  const plan = input.progression?.plan ?? DEFAULT_PLAN;
  validatePlan(plan);
  validateInput(input, plan);
  const t = resolveThresholds(input.progression?.thresholds);
  const { profile, today } = input;

  // Place every activity on its local day (science.md §1).
  const runDateById = new Map<string, LocalDate>();
  const placed: { run: EngineRun; localDate: LocalDate }[] = [];
  for (const run of input.runs) {
    const localDate = localDateOf(run.startAt, profile.timezone);
    runDateById.set(run.id, localDate);
    if (localDate <= today) placed.push({ run, localDate });
  }
  const checkins = input.checkins.filter((c) => c.date <= today);
  const merged = mergeCheckIns(checkins, runDateById);
  const crossTraining = input.crossTraining.filter((c) => c.date <= today);
  const manual = manualByDate(
    (input.progression?.manualStages ?? []).filter((m) => m.date <= today),
  );

  let earliest: LocalDate = today;
  for (const p of placed) if (p.localDate < earliest) earliest = p.localDate;
  for (const c of checkins) if (c.date < earliest) earliest = c.date;
  for (const c of crossTraining) if (c.date < earliest) earliest = c.date;
  for (const d of manual.keys()) if (d < earliest) earliest = d;

  const startStage = input.progression?.startStage ?? 0;
  let carry: EngineCarry;
  let startDay: LocalDate;
  if (input.resume) {
    carry = input.resume.carry;
    startDay = input.resume.from;
    if (earliest < carry.firstDate)
      fail(
        'resume_before_history',
        `input on ${earliest} is before the first day ${carry.firstDate}: recompute from scratch`,
      );
  } else {
    carry = initialCarry(earliest, profile, startStage);
    startDay = earliest;
  }
  const firstDate = carry.firstDate;
  const lookback = lookbackDaysOf(t);
  const rangeStart =
    addDays(startDay, -lookback) > firstDate ? addDays(startDay, -lookback) : firstDate;

  const datedRuns: DatedRun[] = placed.map(({ run, localDate }) => {
    const sessionRpe = merged.session.get(localDate)?.rpe;
    const rpe = isRpe(run.rpe) ? run.rpe : (merged.rpeByRunId.get(run.id) ?? sessionRpe ?? null);
    return {
      id: run.id,
      localDate,
      running: isRunningSport(run.sport),
      walking: isWalkingKind(run.sport),
      kind: run.sport,
      distanceM: run.distanceM,
      movingS: run.movingS,
      trimp: run.trimp ?? null,
      rtss: run.rtss ?? null,
      rpe,
    };
  });
  const series = computeDailySeries(rangeStart, today, datedRuns, crossTraining, t);
  const n = series.length;
  const offset = daysBetween(rangeStart, startDay);

  const load = series.map((d) => d.totalLoad);
  const runDistance = series.map((d) => d.runDistanceM);
  const daily: (DaySymptoms | undefined)[] = series.map((d) => merged.daily.get(d.date));
  const session: (SessionSymptoms | undefined)[] = series.map((d) => merged.session.get(d.date));
  const painScores = series.map((_, i) =>
    dailyPainScoreOf(daily[i], session[i], i > 0 ? session[i - 1] : undefined),
  );
  // Days of history before index 0 of the series (0 unless resuming); index −historyBase is the first day.
  const historyBase = daysBetween(firstDate, rangeStart);
  const first = -historyBase;
  // The baseline of the window ending on day k is both that day's row baseline and the baseline
  // for evaluating day k's session the next morning: computed once.
  const W = t.baselineWindowDays;
  const baselineMemo = {
    painAtRest: [] as (Baseline | undefined)[],
    stiffness: [] as (Baseline | undefined)[],
  };
  const restScores: number[] = [];
  const allScores: number[] = [];
  const baselineAt = (field: 'painAtRest' | 'stiffness', k: number): Baseline => {
    const memo = baselineMemo[field];
    const hit = memo[k];
    if (hit) return hit;
    restScores.length = 0;
    allScores.length = 0;
    for (let j = Math.max(0, first, k - W + 1); j <= k; j++) {
      const v = daily[j]?.[field];
      if (v === undefined) continue;
      allScores.push(v);
      if (j === first || (series[j - 1] as DailyLoad).runCount === 0) restScores.push(v);
    }
    const b = baselineOf(restScores, allScores, t);
    memo[k] = b;
    return b;
  };

  const rows: DailyMetricsRow[] = [];
  const stageChanges: StageChange[] = [];
  if (!input.resume) {
    stageChanges.push({
      date: firstDate,
      fromStage: startStage,
      toStage: startStage,
      kind: 'start',
      by: 'engine',
      reasons: [
        { code: 'start', message: `History starts at stage ${startStage}.`, value: startStage },
      ],
    });
  }
  let lastDecisionContext: DayContext | undefined;
  let lastRecommendation: Recommendation | undefined;

  for (let i = offset; i < n; i++) {
    const day = series[i] as DailyLoad;
    const date = day.date;
    const historyDays = historyBase + i + 1;
    const yesterday = i > first ? series[i - 1] : undefined;

    // Morning: evaluate yesterday's session, then a stage set by hand for today.
    const stageBefore = plan[carry.progression.stage] as StageDefinition;
    let evaluation: SessionEvaluation | null = null;
    if (yesterday) {
      const ySession = session[i - 1];
      const facts: SessionFacts = {
        sessionDate: yesterday.date,
        stage: stageBefore,
        runCount: yesterday.runCount,
        longestRunMovingS: yesterday.longestRunMovingS,
        longestWalkMin: yesterday.longestWalkMin,
        spikeBand: yesterday.runCount > 0 ? spikeOf(i - 1, stageBefore).band : null,
        painDuring: ySession?.painDuring,
        painAfter: ySession?.painAfter,
        nextMorningPain: ySession?.painNextMorning ?? daily[i]?.painAtRest,
        nextMorningStiffness: daily[i]?.stiffness,
        baselinePain: 0,
        baselineStiffness: 0,
        limp: daily[i - 1]?.limp === true,
      };
      if (hasSession(facts)) {
        facts.baselinePain = baselineAt('painAtRest', i - 1).value;
        facts.baselineStiffness = baselineAt('stiffness', i - 1).value;
        evaluation = evaluateSession(facts, t);
      }
    }
    let readinessPassed = false;
    for (let k = Math.max(first, i - t.readinessValidDays + 1); k <= i; k++)
      if (daily[k]?.readinessTestPassed === true) readinessPassed = true;
    const step = stepProgression(
      carry.progression,
      date,
      evaluation,
      manual.get(date),
      { readinessPassed, painTrendRising: carry.painTrendRising },
      plan,
      t,
    );
    const progression = step.state;
    const stage = plan[progression.stage] as StageDefinition;
    stageChanges.push(...step.changes);

    // The day's metrics.
    const spike = day.runCount > 0 ? spikeOf(i, stage) : null;
    const weeklyChange = computeWeeklyChange(runDistance, i, historyDays, t);
    const rolling = computeAcwrRolling(load, i, historyDays, t);
    const ewma = computeAcwrEwma(
      { acute: carry.ewmaAcute, chronic: carry.ewmaChronic },
      day.totalLoad,
      historyDays,
      t,
    );
    const fitness = computeFitness({ ctl: carry.ctl, atl: carry.atl }, day.totalLoad, t);
    const monotony = computeMonotony(load, i, historyDays, t);
    const trend = computePainTrend(painScores, i, historyDays, t);
    const baselinePain = baselineAt('painAtRest', i);
    const baselineStiffness = baselineAt('stiffness', i);
    const todaySymptoms = daily[i];
    const todaySession = session[i];
    const during = todaySession?.painDuring;
    const after = todaySession?.painAfter;
    const sessionMax =
      during === undefined ? after : after === undefined ? during : Math.max(during, after);
    const zone = sessionMax === undefined ? null : painZoneOf(sessionMax, t);
    const painInfo = METRIC_INFO.pain;
    const pain: PainSummary = {
      method: painInfo.method,
      source: painInfo.source,
      caveat: painInfo.caveat,
      score: orNull(painScores[i]),
      zone,
      painDuring: orNull(todaySession?.painDuring),
      painAfter: orNull(todaySession?.painAfter),
      painNextMorning: orNull(todaySession?.painNextMorning),
      painAtRest: orNull(todaySymptoms?.painAtRest),
      stiffness: orNull(todaySymptoms?.stiffness),
      baselinePain,
      baselineStiffness,
      trend,
    };

    // Flags of the day.
    const redFlags = detectRedFlags(daily, Math.max(first, i - t.redFlagDays + 1, 0), i);
    const flags: Flag[] = [...redFlags];
    for (const ch of step.changes) {
      if (ch.kind === 'drop')
        flags.push({
          code: 'stage_dropped',
          severity: 'high',
          message: `Stage ${ch.fromStage} → ${ch.toStage}: ${ch.reasons[0]?.message ?? ''}`,
          value: ch.toStage,
        });
      else if (ch.kind === 'repeat')
        flags.push({
          code: 'stage_repeated',
          severity: 'caution',
          message: `Stage ${ch.fromStage} repeats: amber pain.`,
          value: ch.toStage,
        });
      else if (ch.kind === 'advance')
        flags.push({
          code: 'stage_advanced',
          severity: 'info',
          message: `Stage ${ch.fromStage} → ${ch.toStage}.`,
          value: ch.toStage,
        });
      else if (ch.kind === 'manual')
        flags.push({
          code: 'stage_set',
          severity: 'info',
          message: `Stage set to ${ch.toStage} by the ${ch.by}.`,
          value: ch.toStage,
        });
    }
    if (evaluation?.outcome === 'not_back_to_baseline') {
      flags.push({
        code: 'not_back_to_baseline',
        severity: 'high',
        message: evaluation.reasons[0]?.message ?? 'Not back to baseline.',
        value: evaluation.nextMorningPain,
      });
    }
    if (zone === 'red')
      flags.push({
        code: 'session_pain_red',
        severity: 'high',
        message: `Pain ${sessionMax as number}/10 during or after today's session: red zone.`,
        value: sessionMax as number,
      });
    else if (zone === 'amber')
      flags.push({
        code: 'session_pain_amber',
        severity: 'caution',
        message: `Pain ${sessionMax as number}/10 during or after today's session: amber, do not progress.`,
        value: sessionMax as number,
      });
    if (todaySymptoms?.painAtRest !== undefined) {
      const rz = painZoneOf(todaySymptoms.painAtRest, t);
      if (rz === 'red')
        flags.push({
          code: 'rest_pain_red',
          severity: 'high',
          message: `Pain at rest ${todaySymptoms.painAtRest}/10.`,
          value: todaySymptoms.painAtRest,
        });
      else if (rz === 'amber')
        flags.push({
          code: 'rest_pain_amber',
          severity: 'caution',
          message: `Pain at rest ${todaySymptoms.painAtRest}/10.`,
          value: todaySymptoms.painAtRest,
        });
    }
    if (spike && spike.band !== 'ok') {
      const sev: Severity =
        spike.band === 'caution' ? 'caution' : spike.band === 'high' ? 'high' : 'very_high';
      const what =
        spike.value === null
          ? (spike.note ?? 'run not in the plan')
          : `${Math.round(spike.value * 100)} % vs ${spike.reference === 'longest_30d' ? 'the longest run of the previous 30 days' : 'the stage prescription'}`;
      flags.push({
        code: `spike_${spike.band}`,
        severity: sev,
        message: `Single-run spike: ${what}.`,
        value: spike.value ?? undefined,
      });
    }
    if (weeklyChange.caution && weeklyChange.value !== null) {
      flags.push({
        code: 'weekly_change_high',
        severity: 'caution',
        message: `Running distance +${Math.round(weeklyChange.value * 100)} % on the previous 7 days (Nielsen 2014: >30 %).`,
        value: weeklyChange.value,
      });
    }
    const acwrPeak = Math.max(rolling.coupled ?? 0, ewma.ratio ?? 0);
    if (acwrPeak >= t.acwrDanger) {
      // Descriptive only: never a red flag, never the sole reason for one.
      flags.push({
        code: 'acwr_high',
        severity: 'caution',
        message: `ACWR ${acwrPeak.toFixed(2)} (≥${t.acwrDanger}); a descriptive trend from team sports, not a risk score.`,
        value: acwrPeak,
      });
    } else if (acwrPeak > t.acwrHigh) {
      flags.push({
        code: 'acwr_above_range',
        severity: 'info',
        message: `ACWR ${acwrPeak.toFixed(2)} above ${t.acwrLow}–${t.acwrHigh}; descriptive only.`,
        value: acwrPeak,
      });
    }
    if (monotony.high && monotony.monotony !== null)
      flags.push({
        code: 'monotony_high',
        severity: 'info',
        message: `Monotony ${monotony.monotony.toFixed(2)} (>2 is a heuristic, not a validated cut-off).`,
        value: monotony.monotony,
      });
    if (trend.rising && trend.change !== null)
      flags.push({
        code: 'pain_trend_rising',
        severity: 'caution',
        message: `7-day mean pain rose by ${trend.change.toFixed(1)} on the week before.`,
        value: trend.change,
      });
    if (day.runCount > 0) {
      if (stage.noConsecutiveDays && yesterday && yesterday.runCount > 0)
        flags.push({
          code: 'consecutive_run_days',
          severity: 'caution',
          message: `Runs on consecutive days at stage ${stage.stage}.`,
        });
      if (progression.noRunBefore !== null && date < progression.noRunBefore)
        flags.push({
          code: 'ran_during_pause',
          severity: 'caution',
          message: `A run during the pause after a stage drop (until ${progression.noRunBefore}).`,
        });
      if (redFlags.length > 0)
        flags.push({
          code: 'ran_with_red_flag',
          severity: 'high',
          message: 'A run while a red flag is open.',
        });
    }
    if (todaySymptoms?.clicking === true)
      flags.push({
        code: 'clicking',
        severity: 'info',
        message: 'Clicking reported: on its own, not a reason to stop.',
      });

    // The morning decision.
    const recentDays: DayKind[] = [];
    for (let k = i - 6; k < i; k++) {
      const d = k >= first && k >= 0 ? series[k] : undefined;
      if (!d) recentDays.push('rest');
      else if (d.runCount > 0 || (stage.mode === 'walk' && d.longestWalkMin >= stage.totalMin / 2))
        recentDays.push('session');
      else if (d.crossTrainingMin > d.strengthMin) recentDays.push('cardio');
      else if (d.strengthMin > 0) recentDays.push('strength');
      else recentDays.push('rest');
    }
    const progressionReasons: Reason[] = [
      ...step.changes.flatMap((c) =>
        c.kind === 'drop' || c.kind === 'manual' || c.kind === 'advance' ? c.reasons.slice(-1) : [],
      ),
      ...step.notes,
    ];
    const ctx: DayContext = {
      date,
      plan,
      progression,
      evaluation,
      progressionReasons,
      redFlags,
      painAtRest: todaySymptoms?.painAtRest,
      recentDays,
      recentSpikes: carry.recentSpikes,
      cautions: carry.cautions,
    };
    const recommendation = recommendToday(ctx, t);

    // End of day: the carry for tomorrow.
    const newSpike = spike !== null && (spike.band === 'high' || spike.band === 'very_high');
    let recentSpikes: RecentSpike[] = EMPTY;
    if (carry.recentSpikes.length > 0 || newSpike) {
      recentSpikes = carry.recentSpikes.filter(
        (s) => daysBetween(s.date, date) < t.spikeRecentDays,
      );
      if (spike && newSpike)
        recentSpikes.push({ date, band: spike.band as 'high' | 'very_high', value: spike.value });
    }
    const cautions: Reason[] = [];
    if (weeklyChange.caution && weeklyChange.value !== null)
      cautions.push({
        code: 'weekly_change_high',
        message: `Running distance up ${Math.round(weeklyChange.value * 100)} % week on week (>30 % is a caution, Nielsen 2014).`,
        value: weeklyChange.value,
      });
    if (trend.rising && trend.change !== null)
      cautions.push({
        code: 'pain_trend_rising',
        message: `Your 7-day mean pain is rising (+${trend.change.toFixed(1)}): a caution even when each score is green.`,
        value: trend.change,
      });
    if (acwrPeak >= t.acwrDanger)
      cautions.push({
        code: 'acwr_high',
        message: `ACWR ${acwrPeak.toFixed(2)}: load rose fast against the last 4 weeks (descriptive only).`,
        value: acwrPeak,
      });
    const nextCarry: EngineCarry = {
      date,
      firstDate,
      ewmaAcute: ewma.acute,
      ewmaChronic: ewma.chronic,
      ctl: fitness.ctl,
      atl: fitness.atl,
      progression,
      recentSpikes,
      cautions: cautions.length > 0 ? cautions : EMPTY,
      painTrendRising: trend.rising,
    };
    rows.push({
      date,
      historyDays,
      load: day,
      spike,
      weeklyChange,
      acwr: { rolling, ewma },
      fitness,
      monotony,
      pain,
      stage: progression.stage,
      progression: {
        stage: progression.stage,
        stageName: stage.name,
        completions: progression.completions,
        completionsNeeded: stage.minCompletions,
        stageSince: progression.stageSince,
        noRunBefore: progression.noRunBefore,
        evaluation,
        changes: step.changes,
        notes: step.notes,
      },
      flags: sortFlags(flags),
      recommendation,
      carry: nextCarry,
    });
    carry = nextCarry;
    lastDecisionContext = ctx;
    lastRecommendation = recommendation;
  }

  const lastRow = rows[rows.length - 1] as DailyMetricsRow;
  const ctx = lastDecisionContext as DayContext;
  const rec = lastRecommendation as Recommendation;
  return {
    firstDate,
    days: rows,
    stageChanges,
    today: {
      date: lastRow.date,
      stage: lastRow.stage,
      stageName: lastRow.progression.stageName,
      recommendation: {
        action: rec.action,
        summary: rec.summary,
        reasons: rec.reasons,
        prescription: rec.prescription,
      },
      flags: lastRow.flags,
      plan: recommendWeek(ctx, rec, t),
    },
  };

  /** Spike of the longest run of day `k` against the previous 30 days, else against the stage. */
  function spikeOf(k: number, stage: StageDefinition): SpikeResult {
    const d = series[k] as DailyLoad;
    let previousLongest = 0;
    for (let j = Math.max(0, first, k - t.spikeWindowDays); j < k; j++) {
      const l = (series[j] as DailyLoad).longestRunM;
      if (l > previousLongest) previousLongest = l;
    }
    return (
      computeSpike(d.longestRunM, previousLongest, t) ??
      computeSpikeVsStage(d.longestRunMovingS, stage, t)
    );
  }
}
