// What the coach's pages read from the server: the roster (GET /api/coach/athletes). Used by the
// server's use case and by the dashboard, so that a changed answer fails the typecheck on both.
import type { Units } from './athlete.ts';
import type { Compliance } from '../coaching/compute-compliance.ts';
import type { Action, Flag, Severity } from '../engine/types.ts';

export interface RosterEntry {
  athleteId: string;
  email: string;
  /** The athlete's display name; null when they gave none (the coach then reads the email). */
  name: string | null;
  /** The athlete's distance units: the coach reads the athlete's distances and paces in them. */
  units: Units;
  stage: number;
  stageName: string;
  action: Action;
  /** Minutes of today's session, when it has a length. */
  minutes: number | null;
  summary: string;
  /** The first reason of today's decision, in the coach's voice, as the athlete page lists it. */
  reason: string | null;
  /** null when today has no flag (sorted after 'info'). */
  worstSeverity: Severity | null;
  flags: Flag[];
  /** Running distance per day over the last 28 days, in metres. */
  sparkline: Array<{ day: string; runDistanceM: number }>;
  lastActivityAt: string | null;
  /** The latest day with a check-in, and how many days before the athlete's today it was. */
  lastCheckIn: string | null;
  daysSinceCheckIn: number | null;
  /** True when the athlete has not checked in for the coach's number of days (default 3). */
  checkInOverdue: boolean;
  /** Sessions and minutes done against the plan over the last 7 days; null without days. */
  compliance: Compliance | null;
  /** The athlete's replies to this coach's notes that the coach has not read yet. */
  unreadReplies: number;
  /** The athlete shares each activity's details with the coach; false: derived load only. */
  shareActivityDetails: boolean;
}
