// Today's decision (science.md §5): one action, the ranked reasons behind it and their numbers, and
// the session with its minutes. It informs, flags and suggests; it never diagnoses.
import type { LocalDate } from '../local-date.ts';
import { plusDays } from './day-number.ts';
import { breakReasonOf } from './break-rule.ts';
import { dayKindOf, type DayKind } from './day-kind.ts';
import { spikeCodeOf, spikeMessageOf, type RecentSpike } from './recent-spikes.ts';
import { redFlagMessageOf } from './detect-red-flags.ts';
import { formatDay } from './format-day.ts';
import type { TodayPain } from './morning-pain.ts';
import { painZoneOf } from './pain-model.ts';
import {
  clinicianSession,
  fillerSessionOf,
  modifiedSessionOf,
  stageSessionOf,
  summaryOf,
  type RunHistory,
  type Session,
} from './prescriptions.ts';
import type { SessionEvaluation } from './progression.ts';
import type { RedFlagHold } from './red-flag-hold.ts';
import { spacingRuleOf } from './spacing.ts';
import { surgeryReasonOf, type SurgeryHold } from './surgery-hold.ts';
import type { Action, ProgressionState, Reason, StageDefinition, Thresholds } from './types.ts';

export { dayKindOf, type DayKind };

/** Everything known on the morning of `date`: runs before today, check-ins up to today. */
export interface DayContext {
  date: LocalDate;
  plan: readonly StageDefinition[];
  /** Progression after this morning's evaluation, holds, breaks and any stage set by hand. */
  progression: ProgressionState;
  /** The session evaluated this morning (usually yesterday's). */
  evaluation: SessionEvaluation | null;
  /** This morning's stage events' reasons and holds, shown after the main reason. */
  progressionReasons: readonly Reason[];
  redFlagHold: RedFlagHold | null;
  surgeryHold: SurgeryHold | null;
  /** The higher of this morning's score and pain at rest. */
  todayPain?: TodayPain;
  /** After pain of 6 or more: no run until a morning back at the runner's baseline. */
  waitingForBaseline: { since: LocalDate; baseline: number | null } | null;
  /** What t−6 … t−1 were (oldest first); days before the history count as rest. */
  recentDays: readonly DayKind[];
  /** High and very high spikes of runs on the 3 days before today. */
  recentSpikes: readonly RecentSpike[];
  /** Today's metric cautions (weekly change, ACWR, pain trend): they never change the action. */
  cautions: readonly Reason[];
  /** Running distance up more than 30 % on the week before. */
  weeklyRise: boolean;
  history: RunHistory;
  /** The last run (or stage set) and the stage then, for the break rule in the week's sketch. */
  breakRef: { date: LocalDate; stage: number };
  /** Days without a run while a break keeps the stage stepped back (null otherwise). */
  breakDays: number | null;
}

export interface Recommendation {
  action: Action;
  summary: string;
  reasons: Reason[];
  /** What to do and for how long, in words. */
  prescription: string;
  minutes: number | null;
  /** The stage whose session it is. */
  stage: number;
}

/**
 * A day without running, in the shape of a symptom-aware week (science.md §5): a rest day when the
 * last 6 days had none (and rest is allowed), strength and mobility while the last 6 days had fewer
 * than two, else no-impact cardio.
 */
export function fillerActionOf(
  recent: readonly DayKind[],
  allowRest: boolean,
): 'rest' | 'strength' | 'cross_train' {
  const last6 = recent.slice(-6);
  if (allowRest && last6.length >= 6 && !last6.includes('rest')) return 'rest';
  if (last6.filter((k) => k === 'strength').length < 2) return 'strength';
  return 'cross_train';
}

/** The spike that decides: very high before high, then the latest. */
export function worstSpike(spikes: readonly RecentSpike[]): RecentSpike | undefined {
  let worst: RecentSpike | undefined;
  for (const s of spikes) {
    if (
      !worst ||
      (s.band === 'very_high' && worst.band !== 'very_high') ||
      (s.band === worst.band && s.date > worst.date)
    )
      worst = s;
  }
  return worst;
}

function spikeReasonOf(s: RecentSpike): Reason {
  const until = formatDay(plusDays(s.date, 3));
  const effect =
    s.band === 'very_high' ? `no running until ${until}` : `shorter, flat runs until ${until}`;
  return {
    code: spikeCodeOf(s),
    message: `${spikeMessageOf(s).slice(0, -1)}: ${effect}.`,
    ...(s.value !== null ? { value: s.value } : {}),
    rule: s.reference === 'longest_30d' ? 'spike' : 'stage-beyond',
  };
}

function todayPainReasonOf(p: TodayPain, red: boolean): Reason {
  const what = p.source === 'morning' ? '{Your} pain this morning' : '{Your} pain at rest';
  return {
    code: `${p.source}_pain_${red ? 'red' : 'amber'}`,
    message: red
      ? `${what} is ${p.value}/10: rest today, and the next run waits for a morning back at {your} usual level.`
      : `${what} is ${p.value}/10: no running today.`,
    value: p.value,
    rule: 'morning-pain',
  };
}

/** Applies the order of precedence of science.md §5 to one morning. */
export function recommendToday(ctx: DayContext, t: Thresholds): Recommendation {
  const stage = ctx.plan[ctx.progression.stage] as StageDefinition;
  const reasons: Reason[] = [];
  const add = (r: Reason): void => {
    if (!reasons.some((x) => x.code === r.code)) reasons.push(r);
  };
  let action: Action;
  let session: Session;

  if (ctx.redFlagHold) {
    // Rule 1: a red flag holds until a clinician clears running.
    for (const f of ctx.redFlagHold.flags)
      add({ code: f.code, message: redFlagMessageOf(f.code, f.date), rule: 'red-flags' });
    add({
      code: 'clearance_needed',
      message: 'No running until a clinician has seen {your} hip and the clearance is recorded.',
      rule: 'clearance',
    });
    action = 'see_clinician';
    session = clinicianSession;
  } else {
    if (ctx.surgeryHold) add(surgeryReasonOf(ctx.surgeryHold));
    // What today is instead of a run: the most specific rule wins — rest over cross-training over
    // "cross-train or strength".
    const RANK = { rest: 0, cross_train: 1, filler: 2 } as const;
    let dayOff: keyof typeof RANK | null = null;
    const off = (kind: keyof typeof RANK): void => {
      if (dayOff === null || RANK[kind] < RANK[dayOff]) dayOff = kind;
    };
    let modified = false;
    const ev = ctx.evaluation;
    const pain = ctx.todayPain;
    const painZone = pain ? painZoneOf(pain.value, t) : 'green';
    if (ev && (ev.outcome === 'red' || ev.outcome === 'not_back_to_baseline')) {
      // Rule 2: red pain or not back to baseline → rest or cross-train; the stage drops.
      ev.reasons.forEach(add);
      off(painZone !== 'green' ? 'rest' : 'cross_train');
    }
    if (pain && painZone === 'red') {
      // Today's pain decides today (science.md §3): 6 or more means rest.
      add(todayPainReasonOf(pain, true));
      off('rest');
    } else if (ctx.waitingForBaseline) {
      const b = ctx.waitingForBaseline.baseline;
      add({
        code: 'waiting_for_baseline',
        message: `No running until a morning back at {your} usual level (${b === null ? 'green, 0–2' : `${b}/10`}) after the pain of ${formatDay(ctx.waitingForBaseline.since)}.`,
        ...(b !== null ? { value: b } : {}),
        rule: 'morning-pain',
      });
      off('filler');
    }
    if (ctx.progression.noRunBefore !== null && ctx.date < ctx.progression.noRunBefore) {
      add({
        code: 'pause_running',
        message: `No running until ${formatDay(ctx.progression.noRunBefore)}, 3 days after the last stage drop.`,
        value: ctx.progression.noRunBefore,
        rule: 'progression',
      });
      off('cross_train'); // science.md §4: "cross-train meanwhile"
    }
    // This morning's amber score already spoken for by "not back to baseline" is not said twice.
    const sameMorning =
      ev?.outcome === 'not_back_to_baseline' &&
      pain?.source === 'morning' &&
      ev.nextMorningPain === pain.value;
    if (pain && painZone === 'amber') {
      if (!sameMorning) add(todayPainReasonOf(pain, false));
      off('filler');
    }
    if (ev?.outcome === 'amber' && ev.sessionDate === plusDays(ctx.date, -1)) {
      // Amber during or after yesterday's run: no run today; the next run repeats the stage.
      ev.reasons.forEach(add);
      off('filler');
    }
    if (ctx.surgeryHold && stage.mode !== 'walk') off('filler'); // no jogging before the clearance
    // Spacing and the weekly count speak only when nothing above already keeps today free of runs.
    const spacing = spacingRuleOf(stage, ctx.recentDays, ctx.weeklyRise);
    if (spacing?.effect === 'no_run' && dayOff === null) {
      add(spacing.reason);
      off('filler');
    } else if (spacing?.effect === 'easy_only') {
      add(spacing.reason);
      modified = true;
    }
    const sessionsLast6 = ctx.recentDays.slice(-6).filter((k) => k === 'session').length;
    if (sessionsLast6 >= stage.perWeek && dayOff === null) {
      add({
        code: 'weekly_sessions_done',
        message: `${sessionsLast6} sessions in the last 6 days: stage ${stage.stage} plans at most ${stage.perWeek} a week.`,
        value: sessionsLast6,
        rule: 'spacing',
      });
      off('filler');
    }
    if (!ctx.recentDays.slice(-6).includes('rest')) {
      // science.md §5 "The weekly view": at least one full rest day in every week.
      add({
        code: 'rest_day',
        message: 'No rest day in the last 6 days: rest today.',
        rule: 'week-shape',
      });
      off('rest');
    }
    const spike = worstSpike(ctx.recentSpikes);
    if (spike) {
      // Rule 4: a high or very high spike in the last 72 h → run modified or cross-train.
      add(spikeReasonOf(spike));
      if (spike.band === 'very_high') off('cross_train');
      else modified = true;
    }
    if (dayOff !== null) {
      // Cross-train or strength where the rule allows either; the week's one full rest day
      // (science.md §5 "The weekly view") still comes when 6 days went by without one.
      const chosen: 'rest' | 'cross_train' | 'filler' = dayOff;
      const filler = chosen === 'filler' ? fillerActionOf(ctx.recentDays, true) : chosen;
      action = filler;
      session = fillerSessionOf(filler, { surgery: ctx.surgeryHold !== null });
    } else {
      // Rule 5: the stage's prescription (stage 0: a walk).
      const walking = stage.mode === 'walk';
      action = walking ? 'walk' : modified ? 'run_modified' : 'run';
      session = modified ? modifiedSessionOf(ctx.plan, stage) : stageSessionOf(stage, ctx.history);
      const last = stage.stage === ctx.plan.length - 1;
      add({
        code: 'stage_prescription',
        message: last
          ? `Stage ${stage.stage} (${stage.name.toLowerCase()}), the last stage of the plan.`
          : `Stage ${stage.stage} (${stage.name.toLowerCase()}): ${ctx.progression.completions} of ${stage.minCompletions} completed sessions needed to move on.`,
        value: stage.stage,
        rule: 'progression',
      });
    }
  }
  // The break is named on the card as long as it lasts (science.md §4 "After a break").
  if (ctx.breakDays !== null && !ctx.redFlagHold) add(breakReasonOf(ctx.breakDays, stage.stage, t));
  for (const r of ctx.progressionReasons) add(r);
  // What this morning made of the session by its shape, in the words of its activity page.
  const judged = ctx.evaluation;
  if (judged?.verdict && (judged.outcome === 'not_as_prescribed' || judged.outcome === 'completed'))
    judged.reasons.forEach(add);
  const heldByTrend = reasons.some((r) => r.code === 'hold_pain_trend');
  for (const r of ctx.cautions) if (!(heldByTrend && r.code === 'pain_trend_rising')) add(r);
  return {
    action,
    summary: summaryOf(action, stage, session),
    reasons,
    prescription: session.prescription,
    minutes: session.minutes,
    stage: stage.stage,
  };
}
