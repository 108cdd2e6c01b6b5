// A Strava connection's health in words, for the runner's Today page and the coach's roster: when
// Hipcheck last heard from Strava, a warning when syncing fails or has gone quiet (a decision
// computed on missing runs is wrong, and the reader must know), and the day a connection ended.
import { localDateOf, type LocalDate } from '#shared/local-date';
import type { StravaAccountStatus, StravaProblem } from '#services/db/strava-accounts.repository';

export interface SyncFacts {
  status: StravaAccountStatus;
  connectedAt: Date;
  lastSyncedAt: Date | null;
  syncFailingSince: Date | null;
  syncError: StravaProblem | null;
  endedAt: Date | null;
  lastError: StravaProblem | null;
}

export interface SyncDescription {
  /** "Strava last synced 12 minutes ago". */
  lastSynced: string;
  /** Set when runs may be missing from the decision; null when all is well. */
  warning: string | null;
  /** The connection ended (revoked on Strava, refused, or disconnected here). */
  disconnected: { on: LocalDate; reason: string; message: string } | null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** No word from Strava for this long is a warning even without an error. */
export const QUIET_WARNING_MS = 36 * HOUR_MS;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago". */
export function agoText(at: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - at.getTime());
  if (ms < MINUTE_MS) return 'just now';
  if (ms < HOUR_MS) return `${plural(Math.floor(ms / MINUTE_MS), 'minute')} ago`;
  if (ms < DAY_MS) return `${plural(Math.floor(ms / HOUR_MS), 'hour')} ago`;
  return `${plural(Math.floor(ms / DAY_MS), 'day')} ago`;
}

/** The named parts of an instant in a time zone, put together here so no ICU version decides. */
function partsOf(at: Date, timeZone: string, style: 'long' | 'short'): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: style,
    day: 'numeric',
    month: style,
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** "Tuesday 10 March 2026". */
function dayText(at: Date, timeZone: string): string {
  const p = partsOf(at, timeZone, 'long');
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "Tue 10 Mar, 14:05". */
function momentText(at: Date, timeZone: string): string {
  const p = partsOf(at, timeZone, 'short');
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}`;
}

const MISSING_RUNS =
  'Runs recorded since then may be missing here, so today’s decision may be computed without them.';

const ENDED_BECAUSE: Record<string, string> = {
  strava_deauthorized: 'Hipcheck’s access was removed on Strava',
  strava_access_revoked: 'Strava stopped accepting Hipcheck’s access',
  strava_scope_missing: 'Hipcheck was not allowed to read private activities',
};

/** The failure in a runner's words; the exact error stays in the status's `sync.error`. */
function causeOf(problem: StravaProblem | null): string {
  const code = problem?.code ?? 'internal';
  if (code === 'upstream_unavailable' || code === 'internal')
    return 'Strava is not answering as it should';
  return 'Strava refuses Hipcheck’s requests';
}

export function describeSync(facts: SyncFacts, timeZone: string, now: Date): SyncDescription {
  const lastSynced = facts.lastSyncedAt
    ? `Strava last synced ${agoText(facts.lastSyncedAt, now)}`
    : 'Strava not synced yet';
  if (facts.status !== 'connected') {
    const at = facts.endedAt ?? facts.connectedAt;
    const reason =
      facts.status === 'disconnected'
        ? 'you disconnected it here'
        : (ENDED_BECAUSE[facts.lastError?.code ?? ''] ?? 'Strava no longer accepts Hipcheck');
    return {
      lastSynced,
      warning: null,
      disconnected: {
        on: localDateOf(at, timeZone),
        reason,
        message:
          `Strava was disconnected on ${dayText(at, timeZone)} (${reason}). ` +
          'Runs recorded since then are not in Hipcheck, so today’s decision does not count them.',
      },
    };
  }
  let warning: string | null = null;
  if (facts.syncFailingSince) {
    const why = causeOf(facts.syncError);
    warning = `Strava sync has been failing since ${momentText(facts.syncFailingSince, timeZone)} (${why}). ${MISSING_RUNS}`;
  } else {
    const heard = facts.lastSyncedAt ?? facts.connectedAt;
    if (now.getTime() - heard.getTime() > QUIET_WARNING_MS) {
      warning = `Hipcheck has not heard from Strava since ${momentText(heard, timeZone)}. ${MISSING_RUNS}`;
    }
  }
  return { lastSynced, warning, disconnected: null };
}
