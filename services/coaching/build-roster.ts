// The roster a coach opens each morning: every athlete who granted access, riskiest first, with
// today's decision and its first reason, the last check-in (and whether it is overdue), compliance
// with the plan over 7 days, a 28-day sparkline, and unread replies. Two queries for all athletes;
// the engine runs live only for athletes without a current stored row.
import { computeCompliance } from '#shared/coaching/compute-compliance';
import {
  compareSeverity,
  DEFAULT_PLAN,
  nameOfEmail,
  type StageDefinition,
  type Voice,
} from '#shared/engine/index';
import type { RosterEntry } from '#shared/api/coach-views';
import { addDays, daysBetween } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { listRoster, listRosterDays, type RosterDay } from '#services/db/coaching.repository';
import { rosterDecisionOf } from './roster-decision.ts';

const SPARKLINE_DAYS = 28;
const COMPLIANCE_DAYS = 7;
/** Days without a check-in after which the roster marks an athlete (the coach's alert setting). */
export const DEFAULT_MISSED_CHECK_IN_DAYS = 3;

/** Worst severity first, then those sent to a clinician, then overdue check-ins, then by name. */
export function compareRoster(a: RosterEntry, b: RosterEntry): number {
  return (
    compareSeverity(a.worstSeverity, b.worstSeverity) ||
    Number(b.action === 'see_clinician') - Number(a.action === 'see_clinician') ||
    Number(b.checkInOverdue) - Number(a.checkInOverdue) ||
    (a.name ?? a.email).localeCompare(b.name ?? b.email)
  );
}

const planOf = (stored: unknown): readonly StageDefinition[] =>
  Array.isArray(stored) ? (stored as StageDefinition[]) : DEFAULT_PLAN;

export async function buildRoster(
  pool: Pool,
  coachUserId: string,
  now: Date,
  options: { missedCheckInDays?: number } = {},
): Promise<RosterEntry[]> {
  const missedDays = options.missedCheckInDays ?? DEFAULT_MISSED_CHECK_IN_DAYS;
  const [rows, days] = await Promise.all([
    listRoster(pool, coachUserId, now),
    listRosterDays(pool, coachUserId, now, SPARKLINE_DAYS),
  ]);
  const byAthlete = new Map<string, Map<string, RosterDay>>();
  for (const d of days) {
    const m = byAthlete.get(d.athleteId) ?? new Map<string, RosterDay>();
    m.set(d.day, d);
    byAthlete.set(d.athleteId, m);
  }
  const entries = await Promise.all(
    rows.map(async (r): Promise<RosterEntry> => {
      const voice: Voice = { reader: 'coach', name: r.displayName ?? nameOfEmail(r.email) };
      const decision = await rosterDecisionOf(pool, r, now, voice);
      const mine = byAthlete.get(r.athleteId);
      const recent = Array.from({ length: COMPLIANCE_DAYS }, (_, i) =>
        mine?.get(addDays(r.today, i - COMPLIANCE_DAYS + 1)),
      ).filter((d): d is RosterDay => d !== undefined);
      const daysSinceCheckIn = r.lastCheckIn === null ? null : daysBetween(r.lastCheckIn, r.today);
      return {
        athleteId: r.athleteId,
        email: r.email,
        name: r.displayName,
        units: r.units,
        ...decision,
        sparkline: Array.from({ length: SPARKLINE_DAYS }, (_, i) => {
          const day = addDays(r.today, i - SPARKLINE_DAYS + 1);
          return { day, runDistanceM: mine?.get(day)?.runDistanceM ?? 0 };
        }),
        lastActivityAt: r.lastActivityAt ? r.lastActivityAt.toISOString() : null,
        lastCheckIn: r.lastCheckIn,
        daysSinceCheckIn,
        checkInOverdue: daysSinceCheckIn === null || daysSinceCheckIn >= missedDays,
        compliance: computeCompliance(recent, planOf(r.plan)) ?? null,
        unreadReplies: r.unreadReplies,
        shareActivityDetails: r.shareActivityDetails,
      };
    }),
  );
  return entries.sort(compareRoster);
}
