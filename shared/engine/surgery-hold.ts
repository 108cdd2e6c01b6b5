// After hip arthroscopy (science.md §4 "After surgery"): no running before the surgeon's clearance,
// and by default no jogging before about week 10. Until then the plan holds walking, cycling with a
// high saddle and the rehab programme. A clearance that names a stage is the clinician's own
// criteria-based decision and ends the hold even before week 10; a clearance without a stage ends
// it at week 10. Stateless: the hold of any day follows from the surgery date and the clearances.
import { addDays, daysBetween, type LocalDate } from '../local-date.ts';
import { formatDay } from './format-day.ts';
import type { Clearance, Reason, Thresholds } from './types.ts';

export interface SurgeryHold {
  surgeryDate: LocalDate;
  /** Whole weeks since the surgery ("week 6" is weeksSince 5). */
  weeksSince: number;
  /** The default first day of jogging (week 10). */
  noJogBefore: LocalDate;
  /** The latest clearance recorded since the surgery, if any (it did not end the hold yet). */
  clearedOn: LocalDate | null;
}

export interface SurgeryStatus {
  /** The hold standing on the day, or null. */
  hold: SurgeryHold | null;
  /** Set on the day the hold ends: the stage the clinician named, if any. */
  liftedToday: { stage: number | null } | null;
}

function holdOn(
  date: LocalDate,
  surgeryDate: LocalDate,
  clearances: readonly Clearance[],
  noJogBefore: LocalDate,
): { held: boolean; clearance: Clearance | undefined } {
  let latest: Clearance | undefined;
  for (const c of clearances) {
    if (c.date < surgeryDate || c.date > date) continue;
    if (c.stage != null) return { held: false, clearance: c };
    if (!latest || c.date > latest.date) latest = c;
  }
  if (latest && date >= noJogBefore) return { held: false, clearance: latest };
  return { held: true, clearance: latest };
}

const NO_SURGERY: SurgeryStatus = Object.freeze({ hold: null, liftedToday: null });

export function surgeryStatusOn(
  date: LocalDate,
  surgeryDate: LocalDate | null | undefined,
  clearances: readonly Clearance[],
  t: Pick<Thresholds, 'surgeryNoJogWeeks'>,
): SurgeryStatus {
  if (!surgeryDate || date < surgeryDate) return NO_SURGERY;
  const noJogBefore = addDays(surgeryDate, t.surgeryNoJogWeeks * 7);
  const today = holdOn(date, surgeryDate, clearances, noJogBefore);
  if (!today.held) {
    const yesterday =
      date > surgeryDate
        ? holdOn(addDays(date, -1), surgeryDate, clearances, noJogBefore)
        : { held: true };
    return {
      hold: null,
      liftedToday: yesterday.held ? { stage: today.clearance?.stage ?? null } : null,
    };
  }
  return {
    hold: {
      surgeryDate,
      weeksSince: Math.floor(daysBetween(surgeryDate, date) / 7),
      noJogBefore,
      clearedOn: today.clearance?.date ?? null,
    },
    liftedToday: null,
  };
}

/** "Week 6 after your surgery on Mon 2 Mar: …" — the reason every day of the hold carries. */
export function surgeryReasonOf(h: SurgeryHold): Reason {
  const week = `Week ${h.weeksSince + 1} after {your} surgery on ${formatDay(h.surgeryDate)}`;
  const jog = `${jogWeekOf(h)} (${formatDay(h.noJogBefore)})`;
  return {
    code: 'surgery_hold',
    message:
      h.clearedOn === null
        ? `${week}: walking, cycling with a high saddle and rehab, no jogging before ${jog} and a clinician's clearance.`
        : `${week}: cleared on ${formatDay(h.clearedOn)}, jogging from ${jog} unless the clinician names a stage to start at.`,
    value: h.weeksSince,
    rule: 'surgery',
  };
}

/** "week 10" by default: the week a coach's surgeryNoJogWeeks sets, not a fixed number. */
function jogWeekOf(h: SurgeryHold): string {
  return `week ${daysBetween(h.surgeryDate, h.noJogBefore) / 7}`;
}

/** What ends the hold, for the card. */
export function surgeryHowToClearOf(h: SurgeryHold): string {
  const jog = `${jogWeekOf(h)} (${formatDay(h.noJogBefore)})`;
  return h.clearedOn === null
    ? `Once {your} surgeon or physiotherapist has cleared running, record the clearance with its date; jogging starts at ${jog}, or earlier at the stage the clinician names.`
    : `Jogging starts at ${jog}; to start earlier, record the clearance again with the stage the clinician named.`;
}
