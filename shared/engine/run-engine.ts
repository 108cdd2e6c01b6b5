// The one entry of the engine: inputs in, one row per local day, the stage changes and today's
// decision out. Deterministic and replayable: a recompute from day d with the carry of day d−1
// gives exactly the rows of a full recompute (tests/unit/engine/run-engine.test.ts).
import { isRunningSport } from '../activity/activity.ts';
import { BadInputError } from '../errors.ts';
import { addDays, daysBetween, localDateOf, type LocalDate } from '../local-date.ts';

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
import { computeFitness, type FitnessResult } from './compute-fitness.ts';
import { computeMonotony, type MonotonyResult } from './compute-monotony.ts';
import { computeSpike, computeSpikeVsStage, type SpikeResult } from './compute-spike.ts';
import { isRpe } from './compute-srpe.ts';
import { daysFromTo } from './day-number.ts';
import { stageAfterBreak } from './break-rule.ts';
import { computeWeeklyChange, type WeeklyChangeResult } from './compute-weekly-change.ts';
import type { DayKind } from './day-kind.ts';
import { flagsOfDay, metricCautionsOf, spikeOfRun, type RecentSpike } from './day-flags.ts';
import { redFlagsReportedOn, redFlagMessageOf } from './detect-red-flags.ts';
import { mergeCheckIns, type DaySymptoms, type SessionSymptoms } from './merge-check-ins.ts';
import { METRIC_INFO } from './metric-info.ts';
import { baselineOf, isAtBaseline, type Baseline } from './morning-baseline.ts';
import { morningScoreOf, todayPainOf } from './morning-pain.ts';
import { stepMorning, type BreakRef } from './morning-step.ts';
import { medianInPlace, painZoneOf, type PainZone } from './pain-model.ts';
import { computePainTrend, type PainTrendResult } from './pain-trend.ts';
import { DEFAULT_PLAN, evaluateSession, hasSession, validatePlan } from './progression.ts';
import type { SessionEvaluation, SessionFacts } from './progression.ts';
import type { RunHistory } from './prescriptions.ts';
import { RED_FLAG_HOW_TO_CLEAR, clearanceOn, type RedFlagHold } from './red-flag-hold.ts';
import { recommendToday, type DayContext, type Recommendation } from './recommend-today.ts';
import { recommendWeek, type PlanDay } from './recommend-week.ts';
import { spacingRuleOf } from './spacing.ts';
import { computeStageBeyond } from './stage-beyond.ts';
import { surgeryHowToClearOf, surgeryStatusOn } from './surgery-hold.ts';
import { lookbackDaysOf, resolveThresholds } from './thresholds.ts';
import { manualByDate, validateInput } from './validate-engine-input.ts';
import type {
  Action,
  AthleteProfile,
  CheckIn,
  Clearance,
  CrossTraining,
  EngineRun,
  Flag,
  MetricInfo,
  ProgressionSettings,
  ProgressionState,
  Reason,
  Severity,
  StageChange,
  StageDefinition,
} from './types.ts';

/** A session whose morning-after score is still missing: the first morning score within 3 days decides it. */
export type AwaitingSession = Omit<
  SessionFacts,
  'stage' | 'nextMorningPain' | 'nextMorningStiffness'
> & {
  stage: number;
};

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
  painTrendRising: boolean;
  redFlagHold: RedFlagHold | null;
  /** After pain of 6 or more: no run until a morning back at baseline. */
  waitingForBaseline: { since: LocalDate; baseline: number | null } | null;
  breakRef: BreakRef;
  /** The first morning scores of the history (up to 3), for the early baseline. */
  firstMornings: { pain: number[]; stiffness: number[] };
  awaiting: AwaitingSession | null;
}

export interface EngineInput {
  profile: AthleteProfile;
  runs: readonly EngineRun[];
  checkins: readonly CheckIn[];
  crossTraining: readonly CrossTraining[];
  progression?: ProgressionSettings;
  /** Every clearance recorded (they are few; pass all of them, also when resuming). */
  clearances?: readonly Clearance[];
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
  /** This morning's score (pain on waking, else pain at rest). */
  morning: number | null;
  /** Zone of the day's session (highest of during and after). */
  zone: PainZone | null;
  painDuring: number | null;
  painAfter: number | null;
  /** The morning after this day's session. */
  painNextMorning: number | null;
  painMorning: number | null;
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
  /** The session evaluated this morning. */
  evaluation: SessionEvaluation | null;
  changes: StageChange[];
  notes: Reason[];
}

export interface DailyMetricsRow {
  date: LocalDate;
  /** Days of history up to and including this day. */
  historyDays: number;
  load: DailyLoad;
  /** Spike of the day's longest run; null without a run. */
  spike: SpikeResult | null;
  /** The day's longest run against the stage's prescription, when the spike is not already that. */
  stageBeyond: SpikeResult | null;
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

/** What stops running until someone acts, and what they must do (GET /api/today `hold`). */
export type Hold =
  | {
      kind: 'red_flag';
      since: LocalDate;
      flags: Array<{ code: string; message: string }>;
      howToClear: string;
    }
  | { kind: 'surgery'; surgeryDate: LocalDate; weeksSince: number; howToClear: string };

/** GET /api/today (design.md), extended with the stage name, the session and what holds running. */
export interface TodayDecision {
  date: LocalDate;
  stage: number;
  stageName: string;
  recommendation: {
    action: Action;
    summary: string;
    reasons: Reason[];
    prescription: string;
    minutes: number | null;
  };
  flags: Flag[];
  plan: PlanDay[];
  hold: Hold | null;
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
    painTrendRising: false,
    redFlagHold: null,
    waitingForBaseline: null,
    breakRef: { date: addDays(firstDate, -1), stage: startStage },
    firstMornings: { pain: [], stiffness: [] },
    awaiting: null,
  };
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
const NO_BASELINE: Baseline = { value: null, basis: 'none', scores: 0 };
const NO_RUN_HISTORY: RunHistory = { longestRunMin30d: null, typicalRunMin30d: null };
/** Mornings after a session in which a late morning score still decides it (science.md §3). */
const AWAIT_MORNINGS = 3;
const painInfo = METRIC_INFO.pain;

/** Runs the whole engine for one athlete. Throws BadInputError on input it cannot use. */
export function runEngine(input: EngineInput): EngineOutput {
  const plan = input.progression?.plan ?? DEFAULT_PLAN;
  validatePlan(plan);
  validateInput(input, plan);
  const t = resolveThresholds(input.progression?.thresholds);
  const { profile, today } = input;
  const clearances = (input.clearances ?? []).filter((c) => c.date <= today);
  const surgeryDate = input.progression?.surgeryDate ?? null;

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
      throw new BadInputError(
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
  // Days of history before index 0 of the series (0 unless resuming); index −historyBase is the first day.
  const historyBase = daysBetween(firstDate, rangeStart);
  const first = -historyBase;
  // Each moment of the day on its own series (science.md §3: compare like with like).
  const mornings = series.map((_, i) =>
    morningScoreOf(daily[i], i > first ? session[i - 1] : undefined),
  );
  const sessionPain = session.map((s) =>
    s?.painDuring === undefined
      ? s?.painAfter
      : s.painAfter === undefined
        ? s.painDuring
        : Math.max(s.painDuring, s.painAfter),
  );
  const painSeries = {
    morning: mornings,
    session: sessionPain,
    rest: daily.map((d) => d?.painAtRest),
  };
  const stiffness = daily.map((d) => d?.stiffness);

  // The baseline of the window ending on day k is both that day's row baseline and the baseline for
  // evaluating day k's session the next morning: computed once. The first mornings come from the
  // carry of the day before the window's first computed day, so k must be offset−1 or later.
  const W = t.baselineWindowDays;
  const memo = { pain: [] as (Baseline | undefined)[], stiffness: [] as (Baseline | undefined)[] };
  const restScores: number[] = [];
  const runMinutes: number[] = [];
  let firstMornings = carry.firstMornings;
  const baselineAt = (field: 'pain' | 'stiffness', k: number): Baseline => {
    if (k < first) return NO_BASELINE;
    const hit = memo[field][k];
    if (hit) return hit;
    const scores = field === 'pain' ? mornings : stiffness;
    restScores.length = 0;
    for (let j = Math.max(0, first, k - W + 1); j <= k; j++) {
      const v = scores[j];
      if (v !== undefined && (j === first || (series[j - 1] as DailyLoad).runCount === 0))
        restScores.push(v);
    }
    const b = baselineOf(restScores, firstMornings[field], t);
    memo[field][k] = b;
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
        {
          code: 'start',
          message: `History starts at stage ${startStage}.`,
          value: startStage,
          rule: 'progression',
        },
      ],
    });
  }
  let lastContext: DayContext | undefined;
  let lastRecommendation: Recommendation | undefined;

  for (let i = offset; i < n; i++) {
    const day = series[i] as DailyLoad;
    const date = day.date;
    const historyDays = historyBase + i + 1;
    const yesterday = i > first ? series[i - 1] : undefined;
    const todaySymptoms = daily[i];
    // Yesterday's baselines, before today's morning joins the first mornings (resume-safe).
    const baselinePainBefore = baselineAt('pain', i - 1);
    const baselineStiffnessBefore = baselineAt('stiffness', i - 1);

    // Morning: evaluate the last session (yesterday's, or one still waiting for its morning score).
    const stageBefore = plan[carry.progression.stage] as StageDefinition;
    let evaluation: SessionEvaluation | null = null;
    let awaiting = carry.awaiting;
    const morningPain = mornings[i];
    const morningStiffness = stiffness[i];
    if (yesterday) {
      const ySession = session[i - 1];
      const bands = yesterday.runCount > 0 ? runBandsOf(i - 1, stageBefore) : null;
      const facts: SessionFacts = {
        sessionDate: yesterday.date,
        stage: stageBefore,
        runCount: yesterday.runCount,
        longestRunMovingS: yesterday.longestRunMovingS,
        longestWalkMin: yesterday.longestWalkMin,
        spikeBand: bands?.spike.reference === 'longest_30d' ? bands.spike.band : null,
        beyondBand: bands?.beyond?.band ?? null,
        painDuring: ySession?.painDuring,
        painAfter: ySession?.painAfter,
        nextMorningPain: morningPain,
        nextMorningStiffness: morningStiffness,
        baselinePain: NO_BASELINE,
        baselineStiffness: NO_BASELINE,
        limp: daily[i - 1]?.limp === true,
      };
      if (hasSession(facts)) {
        facts.baselinePain = baselinePainBefore;
        facts.baselineStiffness = baselineStiffnessBefore;
        evaluation = evaluateSession(facts, t);
        awaiting = null;
        if (morningPain === undefined && morningStiffness === undefined) {
          const { nextMorningPain: _p, nextMorningStiffness: _s, stage: _stage, ...rest } = facts;
          awaiting = { ...rest, stage: stageBefore.stage };
        }
      } else if (awaiting) {
        if (daysFromTo(awaiting.sessionDate, date) > AWAIT_MORNINGS) awaiting = null;
        else if (morningPain !== undefined || morningStiffness !== undefined) {
          evaluation = evaluateSession(
            {
              ...awaiting,
              stage: plan[awaiting.stage] as StageDefinition,
              nextMorningPain: morningPain,
              nextMorningStiffness: morningStiffness,
            },
            t,
          );
          awaiting = null;
        }
      }
    }
    let readinessPassed = false;
    for (let k = Math.max(first, i - t.readinessValidDays + 1); k <= i; k++)
      if (daily[k]?.readinessTestPassed === true) readinessPassed = true;
    const surgery = surgeryStatusOn(date, surgeryDate, clearances, t);
    const step = stepMorning(
      {
        date,
        plan,
        previous: carry.progression,
        evaluation,
        manual: manual.get(date),
        readinessPassed,
        painTrendRising: carry.painTrendRising,
        redFlagHold: carry.redFlagHold,
        reportedRedFlags: redFlagsReportedOn(todaySymptoms),
        clearance: clearanceOn(clearances, date),
        surgery,
        breakRef: carry.breakRef,
      },
      t,
    );
    const progression = step.state;
    const stage = plan[progression.stage] as StageDefinition;
    stageChanges.push(...step.changes);

    // Today's pain decides today; after 6 or more, the next run waits for a morning at baseline.
    const todayPain = todayPainOf(todaySymptoms, i > first ? session[i - 1] : undefined);
    let waiting = carry.waitingForBaseline;
    if (waiting && morningPain !== undefined && isAtBaseline(morningPain, baselinePainBefore, t))
      waiting = null;

    // The day's metrics.
    const bands = day.runCount > 0 ? runBandsOf(i, stage) : null;
    const spike = bands?.spike ?? null;
    const stageBeyond = bands && bands.spike.reference === 'longest_30d' ? bands.beyond : null;
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
    const trend = computePainTrend(painSeries, i, historyDays, t);
    if (
      firstMornings.pain.length < t.baselineMinScores ||
      firstMornings.stiffness.length < t.baselineMinScores
    ) {
      const add = (xs: number[], v: number | undefined): number[] =>
        v !== undefined && xs.length < t.baselineMinScores ? [...xs, v] : xs;
      firstMornings = {
        pain: add(firstMornings.pain, morningPain),
        stiffness: add(firstMornings.stiffness, morningStiffness),
      };
    }
    const baselinePain = baselineAt('pain', i);
    const baselineStiffness = baselineAt('stiffness', i);
    const todaySession = session[i];
    const zone = sessionPain[i] === undefined ? null : painZoneOf(sessionPain[i] as number, t);
    // Fields written out (no spread): one object shape for every day's row, which V8 keeps fast.
    const pain: PainSummary = {
      method: painInfo.method,
      source: painInfo.source,
      caveat: painInfo.caveat,
      morning: orNull(morningPain),
      zone,
      painDuring: orNull(todaySession?.painDuring),
      painAfter: orNull(todaySession?.painAfter),
      painNextMorning: orNull(todaySession?.painNextMorning),
      painMorning: orNull(todaySymptoms?.painMorning),
      painAtRest: orNull(todaySymptoms?.painAtRest),
      stiffness: orNull(todaySymptoms?.stiffness),
      baselinePain,
      baselineStiffness,
      trend,
    };

    // The morning decision, its flags and cautions, all from this day's facts.
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
    const cautions = metricCautionsOf({ weeklyChange, rolling, ewma, monotony, trend }, t);
    const gap = daysFromTo(step.breakRef.date, date) - 1;
    const onBreak =
      !step.redFlagHold &&
      !surgery.hold &&
      stageAfterBreak(step.breakRef.stage, gap, t) < step.breakRef.stage;
    const ctx: DayContext = {
      date,
      plan,
      progression,
      evaluation,
      progressionReasons:
        step.changes.length === 0 && step.notes.length === 0
          ? EMPTY
          : [
              ...step.changes.flatMap((c) => (c.kind === 'repeat' ? [] : c.reasons.slice(-1))),
              ...step.notes,
            ],
      redFlagHold: step.redFlagHold,
      surgeryHold: surgery.hold,
      ...(todayPain ? { todayPain } : {}),
      waitingForBaseline: waiting,
      recentDays,
      recentSpikes: carry.recentSpikes,
      cautions: cautions.reasons,
      weeklyRise: weeklyChange.caution,
      history: runHistoryAt(i),
      breakRef: step.breakRef,
      breakDays: onBreak ? gap : null,
    };
    const recommendation = recommendToday(ctx, t);
    const flags = flagsOfDay(
      {
        date,
        stage: stage.stage,
        redFlagHold: step.redFlagHold,
        surgeryHeld: surgery.hold !== null,
        changes: step.changes,
        evaluation,
        sessionPain: sessionPain[i],
        todayPain,
        spike,
        stageBeyond,
        recentSpikes: carry.recentSpikes,
        cautions,
        ranToday: day.runCount > 0,
        spacingBroken: spacingRuleOf(stage, recentDays, weeklyChange.caution)?.effect === 'no_run',
        pausedToday: progression.noRunBefore !== null && date < progression.noRunBefore,
        clicking: todaySymptoms?.clicking === true,
      },
      t,
    );

    // End of day: the carry for tomorrow.
    let recentSpikes: RecentSpike[] = EMPTY;
    const newSpikes = [spike, stageBeyond].filter(
      (r): r is SpikeResult => r !== null && (r.band === 'high' || r.band === 'very_high'),
    );
    if (carry.recentSpikes.length > 0 || newSpikes.length > 0) {
      recentSpikes = carry.recentSpikes.filter((s) => daysFromTo(s.date, date) < t.spikeRecentDays);
      for (const r of newSpikes) recentSpikes.push(spikeOfRun(date, stage.stage, r));
    }
    if (todayPain && painZoneOf(todayPain.value, t) === 'red')
      waiting = { since: date, baseline: baselinePainBefore.value };
    const nextCarry: EngineCarry = {
      date,
      firstDate,
      ewmaAcute: ewma.acute,
      ewmaChronic: ewma.chronic,
      ctl: fitness.ctl,
      atl: fitness.atl,
      progression,
      recentSpikes,
      painTrendRising: trend.rising,
      redFlagHold: step.redFlagHold,
      waitingForBaseline: waiting,
      breakRef: day.runCount > 0 ? { date, stage: progression.stage } : step.breakRef,
      firstMornings,
      awaiting,
    };
    rows.push({
      date,
      historyDays,
      load: day,
      spike,
      stageBeyond,
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
    lastContext = ctx;
    lastRecommendation = recommendation;
  }

  const lastRow = rows[rows.length - 1] as DailyMetricsRow;
  const ctx = lastContext as DayContext;
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
        minutes: rec.minutes,
      },
      flags: lastRow.flags,
      plan: recommendWeek(ctx, rec, t),
      hold: holdOf(ctx),
    },
  };

  /** The longest run of day `k` against the previous 30 days (else the stage), and against the stage. */
  function runBandsOf(
    k: number,
    stage: StageDefinition,
  ): { spike: SpikeResult; beyond: SpikeResult | null } {
    const d = series[k] as DailyLoad;
    let previousLongest = 0;
    for (let j = Math.max(0, first, k - t.spikeWindowDays); j < k; j++) {
      const l = (series[j] as DailyLoad).longestRunM;
      if (l > previousLongest) previousLongest = l;
    }
    const vs30 = computeSpike(d.longestRunM, previousLongest, t);
    if (vs30) return { spike: vs30, beyond: computeStageBeyond(d.longestRunMovingS, stage, t) };
    const vsStage = computeSpikeVsStage(d.longestRunMovingS, stage, t);
    return { spike: vsStage, beyond: vsStage };
  }

  /** The runs of the 30 days before day `i`, in moving minutes. */
  function runHistoryAt(i: number): RunHistory {
    runMinutes.length = 0;
    let longest = 0;
    for (let j = Math.max(0, first, i - t.spikeWindowDays); j < i; j++) {
      const d = series[j] as DailyLoad;
      if (d.runCount === 0) continue;
      const m = d.longestRunMovingS / 60;
      runMinutes.push(m);
      if (m > longest) longest = m;
    }
    if (runMinutes.length === 0) return NO_RUN_HISTORY;
    return { longestRunMin30d: longest, typicalRunMin30d: medianInPlace(runMinutes) };
  }
}

function holdOf(ctx: DayContext): Hold | null {
  if (ctx.redFlagHold)
    return {
      kind: 'red_flag',
      since: ctx.redFlagHold.since,
      flags: ctx.redFlagHold.flags.map((f) => ({
        code: f.code,
        message: redFlagMessageOf(f.code, f.date),
      })),
      howToClear: RED_FLAG_HOW_TO_CLEAR,
    };
  if (ctx.surgeryHold)
    return {
      kind: 'surgery',
      surgeryDate: ctx.surgeryHold.surgeryDate,
      weeksSince: ctx.surgeryHold.weeksSince,
      howToClear: surgeryHowToClearOf(ctx.surgeryHold),
    };
  return null;
}
