// Today's decision (science.md §5): one action, the ranked reasons behind it and their numbers.
// It informs, flags and suggests; it never diagnoses.
import type { LocalDate } from '../local-date.ts';
import type { SpikeBand } from './compute-spike.ts';
import { painZoneOf } from './pain-model.ts';
import {
  CLINICIAN_TEXT,
  fillerTextOf,
  modifiedSessionTextOf,
  sessionTextOf,
} from './prescriptions.ts';
import type { SessionEvaluation } from './progression.ts';
import type {
  Action,
  Flag,
  ProgressionState,
  Reason,
  StageDefinition,
  Thresholds,
} from './types.ts';

export interface RecentSpike {
  date: LocalDate;
  band: SpikeBand;
  value: number | null;
}

/** Everything known on the morning of `date`: runs before today, check-ins up to today. */
export interface DayContext {
  date: LocalDate;
  plan: readonly StageDefinition[];
  /** Progression after this morning's evaluation and any stage set by hand. */
  progression: ProgressionState;
  /** Yesterday's session, evaluated this morning. */
  evaluation: SessionEvaluation | null;
  /** This morning's stage events' reasons and holds, shown after the main reason. */
  progressionReasons: Reason[];
  redFlags: readonly Flag[];
  painAtRest?: number;
  /** What t−6 … t−1 were (oldest first); days before the history count as rest. */
  recentDays: readonly DayKind[];
  /** High and very high spikes of runs in the last `spikeRecentDays` days before today. */
  recentSpikes: readonly RecentSpike[];
  /** Cautions that do not change the action (weekly change, pain trend, ACWR, monotony). */
  cautions: readonly Reason[];
}

export interface Recommendation {
  action: Action;
  summary: string;
  reasons: Reason[];
  /** What to do, in words. */
  prescription: string;
  /** The stage whose session it is, for run and run_modified. */
  stage: number;
}

const SUMMARY: Record<Action, string> = {
  run: 'Run as planned',
  run_modified: 'Run, modified: shorter, flat or treadmill, no intervals',
  cross_train: 'Cross-train today',
  strength: 'Strength & mobility today',
  rest: 'Rest today',
  see_clinician: 'See a clinician before running again',
};

/** A day as the week's shape sees it: a stage session (run, or walk at stage 0), cardio cross-training, strength, or rest. */
export type DayKind = 'session' | 'cardio' | 'strength' | 'rest';

export function dayKindOf(action: Action): DayKind {
  if (action === 'run' || action === 'run_modified') return 'session';
  if (action === 'cross_train') return 'cardio';
  if (action === 'strength') return 'strength';
  return 'rest';
}

/**
 * A day without running: a rest day when the last 6 days had none (and rest is allowed), strength
 * after a cardio day, else no-impact cardio — the shape of a symptom-aware week.
 */
export function fillerActionOf(recent: readonly DayKind[], allowRest: boolean): Action {
  const last6 = recent.slice(-6);
  if (allowRest && last6.length >= 6 && !last6.includes('rest')) return 'rest';
  return recent[recent.length - 1] === 'cardio' ? 'strength' : 'cross_train';
}

function worstSpike(spikes: readonly RecentSpike[]): RecentSpike | undefined {
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

function spikeReason(s: RecentSpike): Reason {
  const pct =
    s.value === null
      ? 'a run where the stage prescribes none'
      : `${Math.round(s.value * 100)} % longer than the reference`;
  return {
    code: s.band === 'very_high' ? 'spike_very_high' : 'spike_high',
    message: `A ${s.band === 'very_high' ? 'very high' : 'high'} spike on ${s.date} (${pct}) in the last 72 h (Frandsen 2025).`,
    value: s.value ?? undefined,
  };
}

/** Applies the order of precedence of science.md §5 to one morning. */
export function recommendToday(ctx: DayContext, t: Thresholds): Recommendation {
  const stage = ctx.plan[ctx.progression.stage] as StageDefinition;
  const ev = ctx.evaluation;
  const reasons: Reason[] = [];
  const restZone = ctx.painAtRest === undefined ? undefined : painZoneOf(ctx.painAtRest, t);
  const sessionYesterday = ctx.recentDays[ctx.recentDays.length - 1] === 'session';
  const sessionsLast6 = ctx.recentDays.slice(-6).filter((k) => k === 'session').length;
  let action: Action;

  if (ctx.redFlags.length > 0) {
    // Rule 1: red flags → see a clinician, no running.
    action = 'see_clinician';
    for (const f of ctx.redFlags) reasons.push({ code: f.code, message: f.message });
    reasons.push({
      code: 'no_running',
      message: 'No running until a clinician has assessed the hip.',
    });
  } else if (ev && (ev.outcome === 'red' || ev.outcome === 'not_back_to_baseline')) {
    // Rule 2: red pain or not back to baseline → rest or cross-train; the stage drops.
    action = restZone !== undefined && restZone !== 'green' ? 'rest' : 'cross_train';
    reasons.push(...ev.reasons);
  } else if (restZone === 'red') {
    action = 'rest';
    reasons.push({
      code: 'rest_pain_red',
      message: `Pain at rest ${ctx.painAtRest}/10 today: red zone.`,
      value: ctx.painAtRest as number,
    });
  } else if (ctx.progression.noRunBefore !== null && ctx.date < ctx.progression.noRunBefore) {
    action = 'cross_train';
    reasons.push({
      code: 'pause_running',
      message: `No running until ${ctx.progression.noRunBefore}, after the last stage drop: cross-train meanwhile.`,
      value: ctx.progression.noRunBefore,
    });
  } else if (stage.noConsecutiveDays && sessionYesterday) {
    // Rule 3: a run yesterday in stages with spacing → cross-train or strength.
    action = fillerActionOf(ctx.recentDays, false);
    reasons.push({
      code: 'no_consecutive_days',
      message: `You ran yesterday: stage ${stage.stage} keeps at least one rest or cross-training day between run days.`,
    });
  } else {
    const spike = worstSpike(ctx.recentSpikes);
    const amber = ev?.outcome === 'amber' || restZone === 'amber';
    if (sessionsLast6 >= stage.perWeek) {
      action = fillerActionOf(ctx.recentDays, true);
      reasons.push({
        code: 'weekly_sessions_done',
        message: `${sessionsLast6} sessions in the last 6 days: stage ${stage.stage} plans at most ${stage.perWeek} a week.`,
        value: sessionsLast6,
      });
    } else if (spike && spike.band === 'very_high') {
      // Rule 4: spike in the last 72 h or amber pain → run modified or cross-train.
      action = 'cross_train';
      reasons.push(spikeReason(spike));
    } else if (spike || amber) {
      action = 'run_modified';
      if (spike) reasons.push(spikeReason(spike));
      if (ev?.outcome === 'amber') reasons.push(...ev.reasons);
      if (restZone === 'amber')
        reasons.push({
          code: 'rest_pain_amber',
          message: `Pain at rest ${ctx.painAtRest}/10 today: amber zone.`,
          value: ctx.painAtRest as number,
        });
    } else {
      // Rule 5: the stage's prescription.
      action = 'run';
      const last = stage.stage === ctx.plan.length - 1;
      reasons.push({
        code: 'stage_prescription',
        message: `Stage ${stage.stage} (${stage.name}): ${stage.text}. ${
          last
            ? 'The last stage of the plan.'
            : `${ctx.progression.completions} of ${stage.minCompletions} completed sessions needed to advance.`
        }`,
        value: stage.stage,
      });
    }
  }
  for (const r of ctx.progressionReasons)
    if (!reasons.some((x) => x.code === r.code && x.message === r.message)) reasons.push(r);
  reasons.push(...ctx.cautions);

  const prescription =
    action === 'run'
      ? sessionTextOf(stage)
      : action === 'run_modified'
        ? modifiedSessionTextOf(ctx.plan, stage)
        : action === 'see_clinician'
          ? CLINICIAN_TEXT
          : fillerTextOf(action);
  const summary =
    action === 'run' && stage.mode === 'walk'
      ? `Walk as planned (stage 0): ${stage.text}`
      : action === 'run'
        ? `${SUMMARY.run} (stage ${stage.stage}): ${stage.text}`
        : SUMMARY[action];
  return { action, summary, reasons, prescription, stage: stage.stage };
}
