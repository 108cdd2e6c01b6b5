// Red flags (science.md §5 rule 1): symptoms that send the runner to a clinician, whatever the load.
// A "yes" starts a hold that only a clinician's clearance ends (red-flag-hold.ts); a later "no"
// never clears it.
import type { LocalDate } from '../local-date.ts';
import { formatDay } from './format-day.ts';
import type { DaySymptoms } from './merge-check-ins.ts';
import type { Flag } from './types.ts';

export type RedFlagField =
  | 'nightPain'
  | 'painWalking'
  | 'limp'
  | 'painHopping'
  | 'deepGroinPain'
  | 'catchingOrLocking'
  | 'givingWay';

/** Each red flag, with what the runner reported in plain words. */
export const RED_FLAGS: ReadonlyArray<{ field: RedFlagField; code: string; what: string }> = [
  { field: 'nightPain', code: 'night_pain', what: 'Night pain' },
  { field: 'painWalking', code: 'pain_walking', what: 'Pain when walking or bearing weight' },
  { field: 'limp', code: 'limp', what: 'A limp' },
  { field: 'painHopping', code: 'pain_hopping', what: 'Pain on hopping' },
  {
    field: 'deepGroinPain',
    code: 'deep_groin_pain',
    what: 'Deep groin pain that builds with running',
  },
  { field: 'catchingOrLocking', code: 'catching_or_locking', what: 'Catching or locking' },
  { field: 'givingWay', code: 'giving_way', what: 'The hip giving way' },
];

/** The codes of the red flags a day's check-in answered "yes". */
export function redFlagsReportedOn(day: DaySymptoms | undefined): readonly string[] {
  let codes: string[] | undefined;
  if (day) for (const rf of RED_FLAGS) if (day[rf.field] === true) (codes ??= []).push(rf.code);
  return codes ?? NONE;
}

const NONE: readonly string[] = Object.freeze([]);

/** "Night pain reported on Mon 2 Feb." */
export function redFlagMessageOf(code: string, date: LocalDate): string {
  const what = RED_FLAGS.find((rf) => rf.code === code)?.what ?? code;
  return `${what} reported on ${formatDay(date)}.`;
}

/** The flag of a red flag still standing, reported first on `date`. */
export function redFlagOf(code: string, date: LocalDate): Flag {
  return { code, severity: 'red_flag', message: redFlagMessageOf(code, date) };
}
