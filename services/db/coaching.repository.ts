// SQL of coaching: invite links, the grants athletes give coaches, and the roster's
// read model (today's stored row and a 28-day sparkline for every granted athlete, in two queries).
import type { Units } from '#shared/api/athlete';
import type { Queryable } from './database.ts';

export interface InviteRow {
  id: string;
  coachUserId: string;
  coachEmail: string;
  coachName: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  usedByAthleteId: string | null;
}

export async function insertInvite(
  db: Queryable,
  input: { tokenHash: Buffer; coachUserId: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO coach_invites (token_hash, coach_user_id, expires_at) VALUES ($1, $2, $3)',
    [input.tokenHash, input.coachUserId, input.expiresAt],
  );
}

/** The invite with this token hash (any state), locked when `forUpdate`. */
export async function findInvite(
  db: Queryable,
  tokenHash: Buffer,
  options: { forUpdate?: boolean } = {},
): Promise<InviteRow | undefined> {
  const { rows } = await db.query<{
    id: string;
    coach_user_id: string;
    email: string;
    display_name: string | null;
    expires_at: Date;
    used_at: Date | null;
    used_by_athlete_id: string | null;
  }>(
    `SELECT i.id, i.coach_user_id, u.email, u.display_name, i.expires_at, i.used_at, i.used_by_athlete_id
       FROM coach_invites i JOIN users u ON u.id = i.coach_user_id
      WHERE i.token_hash = $1${options.forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        coachUserId: r.coach_user_id,
        coachEmail: r.email,
        coachName: r.display_name,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
        usedByAthleteId: r.used_by_athlete_id,
      }
    : undefined;
}

export async function markInviteUsed(db: Queryable, id: string, athleteId: string): Promise<void> {
  await db.query(
    'UPDATE coach_invites SET used_at = now(), used_by_athlete_id = $2 WHERE id = $1 AND used_at IS NULL',
    [id, athleteId],
  );
}

export interface GrantRow {
  coachId: string;
  coachEmail: string;
  grantedAt: string;
  shareActivityDetails: boolean;
  /** The coach gets alerts about the athlete (the athlete can turn them off per coach). */
  alerts: boolean;
}

/** Grant the coach access (no change when the grant exists already). */
export async function insertGrant(
  db: Queryable,
  coachUserId: string,
  athleteId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO coach_athletes (coach_user_id, athlete_id) VALUES ($1, $2)
     ON CONFLICT (coach_user_id, athlete_id) DO NOTHING`,
    [coachUserId, athleteId],
  );
}

const toGrant = (r: {
  coach_user_id: string;
  email: string;
  granted_at: Date;
  share_activity_details: boolean;
  alerts: boolean;
}): GrantRow => ({
  coachId: r.coach_user_id,
  coachEmail: r.email,
  grantedAt: r.granted_at.toISOString(),
  shareActivityDetails: r.share_activity_details,
  alerts: r.alerts,
});

export async function listGrants(db: Queryable, athleteId: string): Promise<GrantRow[]> {
  const { rows } = await db.query<{
    coach_user_id: string;
    email: string;
    granted_at: Date;
    share_activity_details: boolean;
    alerts: boolean;
  }>(
    `SELECT g.coach_user_id, u.email, g.granted_at, g.share_activity_details, g.alerts
       FROM coach_athletes g JOIN users u ON u.id = g.coach_user_id
      WHERE g.athlete_id = $1 ORDER BY g.granted_at, u.email`,
    [athleteId],
  );
  return rows.map(toGrant);
}

export async function updateGrant(
  db: Queryable,
  athleteId: string,
  coachUserId: string,
  patch: { shareActivityDetails?: boolean | undefined; alerts?: boolean | undefined },
): Promise<GrantRow | undefined> {
  const { rows } = await db.query<{
    coach_user_id: string;
    email: string;
    granted_at: Date;
    share_activity_details: boolean;
    alerts: boolean;
  }>(
    `UPDATE coach_athletes g
        SET share_activity_details = COALESCE($3, g.share_activity_details),
            alerts = COALESCE($4, g.alerts)
       FROM users u
      WHERE g.athlete_id = $1 AND g.coach_user_id = $2 AND u.id = g.coach_user_id
      RETURNING g.coach_user_id, u.email, g.granted_at, g.share_activity_details, g.alerts`,
    [athleteId, coachUserId, patch.shareActivityDetails ?? null, patch.alerts ?? null],
  );
  return rows[0] ? toGrant(rows[0]) : undefined;
}

/** Revoke: the row goes, so the coach's next request finds no grant. True when one existed. */
export async function deleteGrant(
  db: Queryable,
  athleteId: string,
  coachUserId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'DELETE FROM coach_athletes WHERE athlete_id = $1 AND coach_user_id = $2',
    [athleteId, coachUserId],
  );
  return (rowCount ?? 0) > 0;
}

/** The coach's grant on this athlete, if any. */
export async function findGrant(
  db: Queryable,
  coachUserId: string,
  athleteId: string,
): Promise<{ shareActivityDetails: boolean } | undefined> {
  const { rows } = await db.query<{ share_activity_details: boolean }>(
    'SELECT share_activity_details FROM coach_athletes WHERE coach_user_id = $1 AND athlete_id = $2',
    [coachUserId, athleteId],
  );
  return rows[0] ? { shareActivityDetails: rows[0].share_activity_details } : undefined;
}

export interface RosterRow {
  athleteId: string;
  userId: string;
  email: string;
  displayName: string | null;
  timezone: string;
  /** The athlete's distance units: a coach reads an athlete's runs as the athlete does. */
  units: Units;
  /** The athlete's local today at `now`. */
  today: string;
  lastActivityAt: Date | null;
  lastCheckIn: string | null;
  /** The custom plan, when the athlete has one (else the default plan). */
  plan: unknown;
  /** Replies by the athlete to this coach's notes, not read by the coach yet. */
  unreadReplies: number;
  /** The athlete shares each activity's details (not only derived load) with this coach. */
  shareActivityDetails: boolean;
  /** True when metrics are waiting for a recompute that touches today: the stored row is stale. */
  pending: boolean;
  /** Today's stored engine row; undefined when there is none. */
  stored:
    | {
        stage: number;
        stageName: string | null;
        action: string;
        worstSeverity: string | null;
        recommendation: unknown;
        flags: unknown;
      }
    | undefined;
}

/**
 * Every athlete who granted the coach access, with today's stored decision (one indexed lookup per
 * athlete: daily_metrics' primary key), the start of their latest activity and their latest
 * check-in.
 */
export async function listRoster(
  db: Queryable,
  coachUserId: string,
  now: Date,
): Promise<RosterRow[]> {
  const { rows } = await db.query<{
    athlete_id: string;
    user_id: string;
    email: string;
    display_name: string | null;
    timezone: string;
    units: Units;
    today: string;
    last_activity_at: Date | null;
    last_check_in: string | null;
    plan: unknown;
    unread_replies: number;
    share_activity_details: boolean;
    pending: boolean;
    has_row: boolean;
    stage: number | null;
    stage_name: string | null;
    action: string | null;
    worst_severity: string | null;
    recommendation: unknown;
    flags: unknown;
  }>(
    `WITH roster AS (
       SELECT g.athlete_id, g.share_activity_details, a.user_id, u.email, u.display_name, a.timezone,
              a.units, ($2::timestamptz AT TIME ZONE a.timezone)::date AS today
         FROM coach_athletes g
         JOIN athletes a ON a.id = g.athlete_id
         JOIN users u ON u.id = a.user_id
        WHERE g.coach_user_id = $1)
     SELECT r.athlete_id, r.share_activity_details, r.user_id, r.email, r.display_name, r.timezone,
            r.units, r.today,
            (SELECT max(x.start_at) FROM activities x WHERE x.athlete_id = r.athlete_id) AS last_activity_at,
            (SELECT max(c.date) FROM checkins c
              WHERE c.athlete_id = r.athlete_id AND c.date <= r.today)::text AS last_check_in,
            (SELECT p.plan FROM progression_settings p WHERE p.athlete_id = r.athlete_id) AS plan,
            (SELECT count(*)::int FROM coach_notes n
              WHERE n.athlete_id = r.athlete_id AND n.coach_user_id = $1
                AND n.reply_to IS NOT NULL AND n.read_at IS NULL
                AND n.author_user_id IS DISTINCT FROM $1) AS unread_replies,
            COALESCE(q.pending_from <= r.today, false) AS pending,
            d.day IS NOT NULL AS has_row, d.stage, d.metrics->'progression'->>'stageName' AS stage_name,
            d.action, d.worst_severity, d.metrics->'recommendation' AS recommendation,
            d.metrics->'flags' AS flags
       FROM roster r
       LEFT JOIN daily_metrics d ON d.athlete_id = r.athlete_id AND d.day = r.today
       LEFT JOIN recompute_requests q ON q.athlete_id = r.athlete_id`,
    [coachUserId, now],
  );
  return rows.map((r) => ({
    athleteId: r.athlete_id,
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    timezone: r.timezone,
    units: r.units,
    today: r.today,
    lastActivityAt: r.last_activity_at,
    lastCheckIn: r.last_check_in,
    plan: r.plan,
    unreadReplies: r.unread_replies,
    shareActivityDetails: r.share_activity_details,
    pending: r.pending,
    stored:
      r.has_row && r.stage !== null && r.action !== null
        ? {
            stage: r.stage,
            stageName: r.stage_name,
            action: r.action,
            worstSeverity: r.worst_severity,
            recommendation: r.recommendation,
            flags: r.flags,
          }
        : undefined,
  }));
}

export interface RosterDay {
  athleteId: string;
  day: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
  stage: number;
}

/** The daily rows of the coach's athletes over the `days` days up to each one's today. */
export async function listRosterDays(
  db: Queryable,
  coachUserId: string,
  now: Date,
  days: number,
): Promise<RosterDay[]> {
  const { rows } = await db.query<{
    athlete_id: string;
    day: string;
    run_distance_m: number;
    run_moving_s: number;
    run_count: number;
    stage: number;
  }>(
    `SELECT d.athlete_id, d.day, d.run_distance_m, d.run_moving_s, d.run_count, d.stage
       FROM coach_athletes g
       JOIN athletes a ON a.id = g.athlete_id
       JOIN daily_metrics d ON d.athlete_id = g.athlete_id
        AND d.day > ($2::timestamptz AT TIME ZONE a.timezone)::date - $3::int
        AND d.day <= ($2::timestamptz AT TIME ZONE a.timezone)::date
      WHERE g.coach_user_id = $1
      ORDER BY d.athlete_id, d.day`,
    [coachUserId, now, days],
  );
  return rows.map((r) => ({
    athleteId: r.athlete_id,
    day: r.day,
    runDistanceM: r.run_distance_m,
    runMovingS: r.run_moving_s,
    runCount: r.run_count,
    stage: r.stage,
  }));
}
