// Red flags (science.md §5 rule 1): symptoms that send the runner to a clinician, whatever the load.
import type { DaySymptoms } from './merge-check-ins.ts';
import type { Flag } from './types.ts';

type RedFlagField =
  | 'nightPain'
  | 'painWalking'
  | 'limp'
  | 'painHopping'
  | 'deepGroinPain'
  | 'catchingOrLocking'
  | 'givingWay';

export const RED_FLAGS: ReadonlyArray<{ field: RedFlagField; code: string; message: string }> = [
  { field: 'nightPain', code: 'night_pain', message: 'Night pain reported.' },
  {
    field: 'painWalking',
    code: 'pain_walking',
    message: 'Pain when walking or bearing weight reported.',
  },
  { field: 'limp', code: 'limp', message: 'A limp reported.' },
  { field: 'painHopping', code: 'pain_hopping', message: 'Pain on hopping reported.' },
  {
    field: 'deepGroinPain',
    code: 'deep_groin_pain',
    message:
      'Deep groin pain that builds with running reported: a clinician should check for a bone stress injury.',
  },
  {
    field: 'catchingOrLocking',
    code: 'catching_or_locking',
    message: 'Catching or locking of the hip reported.',
  },
  { field: 'givingWay', code: 'giving_way', message: 'The hip giving way reported.' },
];

/**
 * Red flags active on day `to` of `days` (oldest first; the window is from..to): for each flag the
 * latest check-in that answered it decides, so a later "no" clears an earlier "yes".
 */
export function detectRedFlags(
  days: readonly (DaySymptoms | undefined)[],
  from = 0,
  to = days.length - 1,
): Flag[] {
  const flags: Flag[] = [];
  for (const rf of RED_FLAGS) {
    let answer: boolean | undefined;
    for (let k = from; k <= to; k++) {
      const v = days[k]?.[rf.field];
      if (v !== undefined) answer = v;
    }
    if (answer) flags.push({ code: rf.code, severity: 'red_flag', message: rf.message });
  }
  return flags;
}
