// What a coach is alerted to (issue 12 item 8): a red flag, a very high spike, or check-ins missed
// for the coach's number of days. Each alert carries the event that makes it one: the flag and the
// day its message names (a red flag holds for days and is still one event), or the last check-in
// before the gap. Pure: the caller stores each event once per coach.
import { daysBetween, type LocalDate } from '../local-date.ts';
import { formatDay } from '../engine/format-day.ts';
import type { Flag } from '../engine/types.ts';

export type AlertKind = 'red_flag' | 'very_high_spike' | 'missed_check_ins';

export interface AlertEvent {
  kind: AlertKind;
  /** Same event, same key: the flag's code and message, or the last check-in. */
  eventKey: string;
  /** The athlete's day the alert links to. */
  day: LocalDate;
  /** In the coach's voice (flag messages already spoken with the athlete's name). */
  message: string;
}

export interface AlertFacts {
  today: LocalDate;
  /** Today's flags, in the coach's voice. */
  flags: readonly Flag[];
  lastCheckIn: LocalDate | null;
  /** The first day Hipcheck has for the athlete (null: nothing yet). */
  firstDay: LocalDate | null;
  missedCheckInDays: number;
  /** The athlete as the coach reads them ("Maja"). */
  name: string;
}

const isSpike = (f: Flag): boolean =>
  f.severity === 'very_high' && (f.code.startsWith('spike_') || f.code.startsWith('stage_beyond_'));

export function detectAlerts(f: AlertFacts): AlertEvent[] {
  const out: AlertEvent[] = [];
  for (const flag of f.flags) {
    if (flag.severity === 'red_flag')
      out.push({
        kind: 'red_flag',
        eventKey: `${flag.code}:${flag.message}`,
        day: f.today,
        message: `Red flag for ${f.name}: ${flag.message}`,
      });
    else if (isSpike(flag))
      out.push({
        kind: 'very_high_spike',
        eventKey: `${flag.code}:${flag.message}`,
        day: f.today,
        message: `Very high spike for ${f.name}: ${flag.message}`,
      });
  }
  // Days without a check-in, counted from the last one (or from the first day of data).
  const since = f.lastCheckIn ?? f.firstDay;
  if (since !== null) {
    const days = daysBetween(since, f.today);
    if (days >= f.missedCheckInDays)
      out.push({
        kind: 'missed_check_ins',
        eventKey: `missed:${f.lastCheckIn ?? 'never'}`,
        day: f.today,
        message:
          f.lastCheckIn === null
            ? `${f.name} has not checked in yet, ${days} days after starting.`
            : `${f.name} has not checked in for ${days} days (last check-in on ${formatDay(f.lastCheckIn)}).`,
      });
  }
  return out;
}
