// One computed day of the engine: the morning (the last session evaluated, the progression and its
// holds), the day's metrics, its decision and flags from the same facts, and the carry for the next
// day. Pure: the same days, index and carry always give the same row.
import type { LocalDate } from '../local-date.ts';
import { computeAcwrEwma, computeAcwrRolling } from './compute-acwr.ts';
import type { DailyLoad } from './compute-daily-series.ts';
import { computeFitness } from './compute-fitness.ts';
import { computeMonotony } from './compute-monotony.ts';
import type { SpikeResult } from './compute-spike.ts';
import { computeWeeklyChange } from './compute-weekly-change.ts';
import { daysFromTo } from './day-number.ts';
import { stageAfterBreak } from './break-rule.ts';
import { detectDayFlags } from './detect-day-flags.ts';
import { redFlagsReportedOn } from './detect-red-flags.ts';
import type { EngineDays, FirstMornings } from './engine-days.ts';
import type { DailyMetricsRow, EngineCarry, PainSummary } from './engine-types.ts';
import { evaluateMorning } from './evaluate-morning.ts';
import { judgeSession } from './judge-session.ts';
import { metricCautionsOf } from './metric-cautions.ts';
import { METRIC_INFO } from './metric-info.ts';
import { isAtBaseline } from './morning-baseline.ts';
import { todayPainOf } from './morning-pain.ts';
import { stepMorning } from './morning-step.ts';
import { painZoneOf } from './pain-model.ts';
import { computePainTrend } from './pain-trend.ts';
import { spikeOfRun, type RecentSpike } from './recent-spikes.ts';
import { recentDayKinds } from './recent-day-kinds.ts';
import { clearanceOn } from './red-flag-hold.ts';
import { recommendToday, type DayContext, type Recommendation } from './recommend-today.ts';
import { runBandsOf, runHistoryAt } from './run-bands.ts';
import { spacingRuleOf } from './spacing.ts';
import { strengthPainReasonOf, withStrengthPain } from './strength-pain.ts';
import { surgeryStatusOn } from './surgery-hold.ts';
import type { Clearance, ManualStageSetting, StageDefinition, Thresholds } from './types.ts';

/** What holds for every day of one computation. */
export interface EngineRules {
  plan: readonly StageDefinition[];
  t: Thresholds;
  /** Clearances dated up to today. */
  clearances: readonly Clearance[];
  surgeryDate: LocalDate | null;
  /** Stages set by hand, by date. */
  manual: ReadonlyMap<LocalDate, ManualStageSetting>;
}

export interface DayStep {
  row: DailyMetricsRow;
  /** The facts today's decision and the week's plan were made from. */
  ctx: DayContext;
  recommendation: Recommendation;
}

// Shared by every row whose list is empty (rows are data: nobody mutates them).
const EMPTY = Object.freeze([]) as unknown as never[];
const orNull = (v: number | undefined): number | null => (v === undefined ? null : v);
const painInfo = METRIC_INFO.pain;

function withMorning(
  f: FirstMornings,
  pain: number | undefined,
  stiffness: number | undefined,
  min: number,
): FirstMornings {
  if (f.pain.length >= min && f.stiffness.length >= min) return f;
  const add = (xs: number[], v: number | undefined): number[] =>
    v !== undefined && xs.length < min ? [...xs, v] : xs;
  return { pain: add(f.pain, pain), stiffness: add(f.stiffness, stiffness) };
}

/** Fast running in the day's longest run at a stage without intensity (issue 18), for its flag. */
function intensityOf(
  day: DailyLoad,
  stage: StageDefinition,
  t: Thresholds,
): { words: string; surges: number; stageIntensity: string } | null {
  if (day.runCount === 0 || !day.longestRunShapes) return null;
  const found = judgeSession(day.longestRunShapes, stage, t)?.intensity;
  return found
    ? { words: found.words, surges: found.surges, stageIntensity: stage.intensity }
    : null;
}

/** Day `i` of `days` from the carry of the day before. */
export function stepDay(
  days: EngineDays,
  i: number,
  carry: EngineCarry,
  rules: EngineRules,
): DayStep {
  const { plan, t, clearances } = rules;
  const { series, daily, session, first } = days;
  const day = series[i] as DailyLoad;
  const date = day.date;
  const historyDays = days.historyBase + i + 1;
  const yesterday = i > first ? series[i - 1] : undefined;
  const todaySymptoms = daily[i];
  // Yesterday's baselines, before today's morning joins the first mornings (resume-safe).
  const baselinePainBefore = days.baselineAt('pain', i - 1);
  const baselineStiffnessBefore = days.baselineAt('stiffness', i - 1);

  // Morning: evaluate the last session (yesterday's, or one still waiting for its morning score).
  const stageBefore = plan[carry.progression.stage] as StageDefinition;
  const morningPain = days.mornings[i];
  const morningStiffness = days.stiffness[i];
  const yBands =
    yesterday && yesterday.runCount > 0 ? runBandsOf(series, i - 1, first, stageBefore, t) : null;
  const morning = evaluateMorning(
    {
      date,
      plan,
      stage: stageBefore,
      yesterday,
      yesterdaySession: yesterday ? session[i - 1] : undefined,
      yesterdayLimp: yesterday ? daily[i - 1]?.limp === true : false,
      bands: yBands && {
        spikeBand: yBands.spike.reference === 'longest_30d' ? yBands.spike.band : null,
        beyondBand: yBands.beyond?.band ?? null,
      },
      morningPain,
      morningStiffness,
      baselinePain: baselinePainBefore,
      baselineStiffness: baselineStiffnessBefore,
      awaiting: carry.awaiting,
    },
    t,
  );
  const awaiting = morning.awaiting;
  // A strength session yesterday with pain above mild counts like an amber run (science.md §7).
  const evaluation = yesterday
    ? withStrengthPain(
        morning.evaluation,
        strengthPainReasonOf(yesterday.date, days.strengthPain[i - 1], stageBefore, t),
        yesterday.date,
      )
    : morning.evaluation;
  let readinessPassed = false;
  for (let k = Math.max(first, i - t.readinessValidDays + 1); k <= i; k++)
    if (daily[k]?.readinessTestPassed === true) readinessPassed = true;
  const surgery = surgeryStatusOn(date, rules.surgeryDate, clearances, t);
  const step = stepMorning(
    {
      date,
      plan,
      previous: carry.progression,
      evaluation,
      manual: rules.manual.get(date),
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
  // A stage set by hand (onboarding, "Use stage N", a coach) replaces the prescription earlier runs
  // were measured against: their beyond-the-stage spikes end here. Spikes against the runner's own
  // 30 days stay (science.md §4 "Where a runner starts": the choice is made from those runs).
  const priorSpikes = step.changes.some((c) => c.kind === 'manual')
    ? carry.recentSpikes.filter((s) => s.reference === 'longest_30d')
    : carry.recentSpikes;

  // Today's pain decides today; after 6 or more, the next run waits for a morning at baseline.
  const todayPain = todayPainOf(todaySymptoms, i > first ? session[i - 1] : undefined);
  let waiting = carry.waitingForBaseline;
  if (waiting && morningPain !== undefined && isAtBaseline(morningPain, baselinePainBefore, t))
    waiting = null;

  // The day's metrics.
  const bands = day.runCount > 0 ? runBandsOf(series, i, first, stage, t) : null;
  const spike = bands?.spike ?? null;
  const stageBeyond = bands && bands.spike.reference === 'longest_30d' ? bands.beyond : null;
  const weeklyChange = computeWeeklyChange(days.runDistance, i, historyDays, t);
  const rolling = computeAcwrRolling(days.load, i, historyDays, t);
  const ewma = computeAcwrEwma(
    { acute: carry.ewmaAcute, chronic: carry.ewmaChronic },
    day.totalLoad,
    historyDays,
    t,
  );
  const fitness = computeFitness({ ctl: carry.ctl, atl: carry.atl }, day.totalLoad, t);
  const monotony = computeMonotony(days.load, i, historyDays, t);
  const trend = computePainTrend(days.painSeries, i, historyDays, t);
  days.firstMornings = withMorning(
    days.firstMornings,
    morningPain,
    morningStiffness,
    t.baselineMinScores,
  );
  const firstMornings = days.firstMornings;
  const baselinePain = days.baselineAt('pain', i);
  const baselineStiffness = days.baselineAt('stiffness', i);
  const todaySession = session[i];
  const sessionPain = days.sessionPain[i];
  // Fields written out (no spread): one object shape for every day's row, which V8 keeps fast.
  const pain: PainSummary = {
    method: painInfo.method,
    source: painInfo.source,
    caveat: painInfo.caveat,
    morning: orNull(morningPain),
    zone: sessionPain === undefined ? null : painZoneOf(sessionPain, t),
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
  const recentDays = recentDayKinds(series, i, first, stage);
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
    recentSpikes: priorSpikes,
    cautions: cautions.reasons,
    weeklyRise: weeklyChange.caution,
    history: runHistoryAt(series, i, first, t),
    breakRef: step.breakRef,
    breakDays: onBreak ? gap : null,
  };
  const recommendation = recommendToday(ctx, t);
  const flags = detectDayFlags(
    {
      date,
      stage: stage.stage,
      redFlagHold: step.redFlagHold,
      surgeryHeld: surgery.hold !== null,
      changes: step.changes,
      evaluation,
      sessionPain,
      todayPain,
      spike,
      stageBeyond,
      recentSpikes: priorSpikes,
      cautions,
      ranToday: day.runCount > 0,
      spacingBroken: spacingRuleOf(stage, recentDays, weeklyChange.caution)?.effect === 'no_run',
      pausedToday: progression.noRunBefore !== null && date < progression.noRunBefore,
      clicking: todaySymptoms?.clicking === true,
      intensity: intensityOf(day, stage, t),
    },
    t,
  );

  // End of day: the carry for tomorrow.
  let recentSpikes: RecentSpike[] = EMPTY;
  const newSpikes = [spike, stageBeyond].filter(
    (r): r is SpikeResult => r !== null && (r.band === 'high' || r.band === 'very_high'),
  );
  if (priorSpikes.length > 0 || newSpikes.length > 0) {
    recentSpikes = priorSpikes.filter((s) => daysFromTo(s.date, date) < t.spikeRecentDays);
    for (const r of newSpikes) recentSpikes.push(spikeOfRun(date, stage.stage, r));
  }
  if (todayPain && painZoneOf(todayPain.value, t) === 'red')
    waiting = { since: date, baseline: baselinePainBefore.value };
  const nextCarry: EngineCarry = {
    date,
    firstDate: carry.firstDate,
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
  const row: DailyMetricsRow = {
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
    flags,
    recommendation,
    carry: nextCarry,
  };
  return { row, ctx, recommendation };
}
