// Which programme session each strength day of the week's plan holds (science.md §5 "The weekly
// view", §7): a day whose prescription is the mobility/pilates day is the mobility session; the
// other strength days alternate Strength A and B, starting from the one due next.
import type { SessionKey } from './session-templates.ts';

type StrengthKey = 'strength_a' | 'strength_b';

const other = (k: StrengthKey): StrengthKey => (k === 'strength_a' ? 'strength_b' : 'strength_a');

export interface WeekDayAction {
  action: string;
  prescription: string;
}

/**
 * `plan[0]` is today. `dueToday` is the strength session due today (the one not done last before
 * today); `loggedToday` the strength session already logged today, if any — after it, the other
 * one is due next.
 */
export function weekSessionKeysOf(
  plan: readonly WeekDayAction[],
  dueToday: StrengthKey,
  loggedToday: StrengthKey | null,
): Array<SessionKey | null> {
  let next = dueToday;
  return plan.map((d, i) => {
    let key: SessionKey | null = null;
    if (d.action === 'strength') {
      if (d.prescription.startsWith('Mobility')) key = 'mobility';
      else {
        key = next;
        next = other(next);
      }
    }
    if (i === 0 && loggedToday !== null) next = other(loggedToday);
    return key;
  });
}
