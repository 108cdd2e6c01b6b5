// A file warning as the runner reads it with the activity: where the warning points at a moment
// (a file that ends early), that moment on the clock of the athlete's own time zone — "the file
// ends early at 10:42" — which is how they remember the run, not "42:10 into the activity".
import type { ActivityWarning } from './activity.ts';
import { formatClock } from './format-clock.ts';

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(timeZone: string): Intl.DateTimeFormat {
  let f = clocks.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, f);
  }
  return f;
}

/** The local clock time ("10:42") `atS` seconds after `startAt`, in `timeZone`. */
export function localClockAt(startAt: Date, atS: number, timeZone: string): string {
  return clockIn(timeZone).format(new Date(startAt.getTime() + atS * 1000));
}

/** The warning's message for the runner, in the athlete's time zone where it names a moment. */
export function describeFileWarning(
  warning: ActivityWarning,
  startAt: Date,
  timeZone: string,
): string {
  if (warning.atS === undefined) return warning.message;
  const clock = localClockAt(startAt, warning.atS, timeZone);
  if (warning.code === 'fit_ends_early') {
    return `the file ends early at ${clock} (${formatClock(warning.atS)} into the activity): anything recorded after that is missing`;
  }
  return `${warning.message} (at ${clock})`;
}
