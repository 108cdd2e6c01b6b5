// The next 7 days sketched in the shape of a symptom-aware week (science.md §5): no-impact cardio,
// a strength and mobility day, short runs, a pilates/yoga-type day, a rest day — runs never on
// consecutive days while the stage says so. Future symptoms are unknown: the sketch assumes none.
import { addDays, daysBetween, type LocalDate } from '../local-date.ts';
import { fillerTextOf, modifiedSessionTextOf, sessionTextOf } from './prescriptions.ts';
import {
  dayKindOf,
  fillerActionOf,
  type DayContext,
  type DayKind,
  type Recommendation,
} from './recommend-today.ts';
import type { Action, StageDefinition, Thresholds } from './types.ts';

export interface PlanDay {
  date: LocalDate;
  action: Action;
  prescription: string;
  stage: number;
}

const isSession = (a: Action): boolean => a === 'run' || a === 'run_modified';

/** Day 0 is today's recommendation; days 1–6 follow the same rules with no new symptoms. */
export function recommendWeek(ctx: DayContext, today: Recommendation, t: Thresholds): PlanDay[] {
  const stage = ctx.plan[ctx.progression.stage] as StageDefinition;
  const clinician = today.action === 'see_clinician';
  const days: PlanDay[] = [
    { date: ctx.date, action: today.action, prescription: today.prescription, stage: stage.stage },
  ];
  const kinds: DayKind[] = [...ctx.recentDays, dayKindOf(today.action)];
  for (let k = 1; k < 7; k++) {
    const date = addDays(ctx.date, k);
    const yesterdaySession = kinds[kinds.length - 1] === 'session';
    const recent = kinds.slice(-6).filter((x) => x === 'session').length;
    const paused = ctx.progression.noRunBefore !== null && date < ctx.progression.noRunBefore;
    const spaced = stage.noConsecutiveDays && yesterdaySession;
    let action: Action;
    if (!clinician && !paused && !spaced && recent < stage.perWeek) {
      const spike = ctx.recentSpikes.filter((s) => daysBetween(s.date, date) <= t.spikeRecentDays);
      action = spike.some((s) => s.band === 'very_high')
        ? 'cross_train'
        : spike.length > 0
          ? 'run_modified'
          : 'run';
    } else {
      action = fillerActionOf(kinds, !spaced);
    }
    kinds.push(dayKindOf(action));
    days.push({ date, action, prescription: '', stage: stage.stage });
  }
  // One rest day a week: the last non-run day of the sketch, unless one is there already.
  if (!days.some((d) => d.action === 'rest')) {
    for (let k = 6; k >= 1; k--) {
      const d = days[k] as PlanDay;
      if (!isSession(d.action)) {
        d.action = 'rest';
        break;
      }
    }
  }
  let strengthDays = days[0]?.action === 'strength' ? 1 : 0;
  for (let k = 1; k < 7; k++) {
    const d = days[k] as PlanDay;
    if (d.action === 'run') d.prescription = sessionTextOf(stage);
    else if (d.action === 'run_modified') d.prescription = modifiedSessionTextOf(ctx.plan, stage);
    else {
      // The second strength day of the week becomes the pilates/yoga-type day.
      const mobility = d.action === 'strength' && ++strengthDays === 2;
      d.prescription =
        (clinician ? 'Only once a clinician has cleared you: ' : '') +
        fillerTextOf(d.action, mobility);
    }
  }
  return days;
}
