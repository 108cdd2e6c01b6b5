// The next 7 days sketched in the shape of a symptom-aware week (science.md §5): short flat runs
// spaced by the stage's rules, no-impact cardio, two strength and mobility days (one of them
// pilates-type), a rest day. Future symptoms are unknown: the sketch assumes none, keeps every hold
// and pause that stands today, and no run the day after pain of 6 or more.
import { addDays, daysBetween, type LocalDate } from '../local-date.ts';
import { stageAfterBreak } from './break-rule.ts';
import { dayKindOf, type DayKind } from './day-kind.ts';
import { painZoneOf } from './pain-model.ts';
import {
  fillerSessionOf,
  modifiedSessionOf,
  stageSessionOf,
  type Session,
} from './prescriptions.ts';
import type { DayContext, Recommendation } from './recommend-today.ts';
import { shapeWeek } from './shape-week.ts';
import { spacingRuleOf } from './spacing.ts';
import type { Action, StageDefinition, Thresholds } from './types.ts';

export interface PlanDay {
  date: LocalDate;
  action: Action;
  prescription: string;
  minutes: number | null;
  stage: number;
}

/** Day 0 is today's recommendation; days 1–6 follow the same rules with no new symptoms. */
export function recommendWeek(ctx: DayContext, today: Recommendation, t: Thresholds): PlanDay[] {
  const stage = ctx.plan[ctx.progression.stage] as StageDefinition;
  const clinician = ctx.redFlagHold !== null;
  const kinds: DayKind[] = [...ctx.recentDays, dayKindOf(today.action)];
  const slots: Array<'run' | 'modified' | 'filler'> = [];
  const stages: number[] = [];
  let lastRun = kinds[kinds.length - 1] === 'session' ? ctx.date : ctx.breakRef.date;
  let runStage = stage.stage;
  for (let k = 1; k < 7; k++) {
    const date = addDays(ctx.date, k);
    const paused = ctx.progression.noRunBefore !== null && date < ctx.progression.noRunBefore;
    const waiting =
      k === 1 &&
      (ctx.waitingForBaseline !== null ||
        (ctx.todayPain !== undefined && painZoneOf(ctx.todayPain.value, t) === 'red'));
    // The stage a run that day would be at: a break that would have begun by then takes its step
    // back on that day, and a stage stepped back stays back (one run does not complete it). That
    // stage's rules decide whether it runs at all: stepped back below 7, no two days in a row.
    const gap = daysBetween(lastRun, date) - 1;
    const runAt = Math.min(runStage, stageAfterBreak(ctx.breakRef.stage, gap, t));
    const runDef = ctx.plan[runAt] as StageDefinition;
    const spacing = spacingRuleOf(runDef, kinds, ctx.weeklyRise);
    const sessions = kinds.slice(-6).filter((x) => x === 'session').length;
    const spikes = ctx.recentSpikes.filter((s) => daysBetween(s.date, date) <= t.spikeRecentDays);
    let slot: 'run' | 'modified' | 'filler' = 'run';
    if (
      clinician ||
      paused ||
      waiting ||
      (ctx.surgeryHold !== null && runDef.mode !== 'walk') ||
      spacing?.effect === 'no_run' ||
      sessions >= runDef.perWeek ||
      spikes.some((s) => s.band === 'very_high')
    )
      slot = 'filler';
    else if (spacing?.effect === 'easy_only' || spikes.length > 0) slot = 'modified';
    let s = stage.stage;
    if (slot !== 'filler') {
      s = runStage = runAt;
      lastRun = date;
    }
    slots.push(slot);
    stages.push(s);
    kinds.push(slot === 'filler' ? 'cardio' : 'session');
  }
  const shaped = shapeWeek(
    { action: today.action, mobility: today.prescription.startsWith('Mobility') },
    slots,
  );
  const days: PlanDay[] = [
    {
      date: ctx.date,
      action: today.action,
      prescription: today.prescription,
      minutes: today.minutes,
      stage: today.stage,
    },
  ];
  shaped.forEach((slot, j) => {
    const date = addDays(ctx.date, j + 1);
    const dayStage = ctx.plan[stages[j] as number] as StageDefinition;
    let action: Action;
    let session: Session;
    if (slot === 'run' || slot === 'modified') {
      action = dayStage.mode === 'walk' ? 'walk' : slot === 'run' ? 'run' : 'run_modified';
      session =
        slot === 'run'
          ? stageSessionOf(dayStage, ctx.history)
          : modifiedSessionOf(ctx.plan, dayStage);
    } else {
      action = slot === 'mobility' ? 'strength' : slot;
      const surgery =
        ctx.surgeryHold !== null &&
        (ctx.surgeryHold.clearedOn === null || date < ctx.surgeryHold.noJogBefore);
      session = fillerSessionOf(slot, { surgery, clinician });
    }
    days.push({ date, action, ...session, stage: dayStage.stage });
  });
  return days;
}
