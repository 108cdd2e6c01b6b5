// SQL of coaches' alerts (migration 032): the coaches who get alerts about an athlete, the alerts
// themselves (one row per coach, athlete and event), the coach's inbox, and the email claim that
// makes each alert mailed once.
import type { AlertSettings, InboxAlert } from '#shared/api/coaching';
import type { Queryable } from './database.ts';

export type AlertEmail = AlertSettings['email'];
export type { AlertSettings, InboxAlert };

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { missedCheckInDays: 3, email: 'each' };

export interface AlertTarget extends AlertSettings {
  coachUserId: string;
}

/** The coaches with a grant on the athlete who get alerts about them, with their settings. */
export async function listAlertTargets(db: Queryable, athleteId: string): Promise<AlertTarget[]> {
  const { rows } = await db.query<{
    coach_user_id: string;
    missed_check_in_days: number | null;
    email: AlertEmail | null;
  }>(
    `SELECT g.coach_user_id, s.missed_check_in_days, s.email
       FROM coach_athletes g LEFT JOIN coach_alert_settings s ON s.coach_user_id = g.coach_user_id
      WHERE g.athlete_id = $1 AND g.alerts`,
    [athleteId],
  );
  return rows.map((r) => ({
    coachUserId: r.coach_user_id,
    missedCheckInDays: r.missed_check_in_days ?? DEFAULT_ALERT_SETTINGS.missedCheckInDays,
    email: r.email ?? DEFAULT_ALERT_SETTINGS.email,
  }));
}

/** Stores the alert unless the same event is already stored for the coach; true when new. */
export async function insertAlert(
  db: Queryable,
  a: {
    coachUserId: string;
    athleteId: string;
    kind: string;
    eventKey: string;
    day: string;
    message: string;
  },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO coach_alerts (coach_user_id, athlete_id, kind, event_key, day, message)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (coach_user_id, athlete_id, kind, event_key) DO NOTHING`,
    [a.coachUserId, a.athleteId, a.kind, a.eventKey, a.day, a.message],
  );
  return (rowCount ?? 0) > 0;
}

export interface ClaimedAlert {
  id: string;
  coachUserId: string;
  coachEmail: string;
  athleteId: string;
  day: string;
  message: string;
}

/**
 * Claims the alerts not mailed yet of coaches whose email setting is `mode` (of one athlete, or of
 * every athlete): whoever claims a row sends it. A second worker's UPDATE waits for the first and
 * then finds emailed_at set, so two workers never mail the same alert.
 */
export async function claimUnsentAlerts(
  db: Queryable,
  mode: 'each' | 'digest',
  now: Date,
  athleteId?: string,
): Promise<ClaimedAlert[]> {
  const { rows } = await db.query<{
    id: string;
    coach_user_id: string;
    email: string;
    athlete_id: string;
    day: string;
    message: string;
  }>(
    `UPDATE coach_alerts a SET emailed_at = $2
       FROM users u
      WHERE u.id = a.coach_user_id AND a.emailed_at IS NULL
        AND ($3::uuid IS NULL OR a.athlete_id = $3::uuid)
        AND COALESCE((SELECT s.email FROM coach_alert_settings s
                       WHERE s.coach_user_id = a.coach_user_id), 'each') = $1
        -- A digest goes out at most once a day: the next one waits for 20 hours to pass.
        AND ($1 <> 'digest' OR NOT EXISTS (
              SELECT 1 FROM coach_alert_settings s WHERE s.coach_user_id = a.coach_user_id
                 AND s.digest_sent_at > $2::timestamptz - interval '20 hours'))
      RETURNING a.id, a.coach_user_id, u.email, a.athlete_id, a.day::text AS day, a.message`,
    [mode, now, athleteId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    coachUserId: r.coach_user_id,
    coachEmail: r.email,
    athleteId: r.athlete_id,
    day: r.day,
    message: r.message,
  }));
}

/** The coach's digest went out at `now`. */
export async function markDigestSent(db: Queryable, coachUserId: string, now: Date): Promise<void> {
  await db.query('UPDATE coach_alert_settings SET digest_sent_at = $2 WHERE coach_user_id = $1', [
    coachUserId,
    now,
  ]);
}

/** Gives claimed alerts back when their email could not be sent (the next try sends them). */
export async function releaseAlerts(db: Queryable, ids: readonly string[]): Promise<void> {
  await db.query('UPDATE coach_alerts SET emailed_at = NULL WHERE id = ANY($1::uuid[])', [ids]);
}

/**
 * The coach's inbox: unread first, then the most serious (a red flag, a very high spike, missed
 * check-ins), then the newest — so a red flag never sits below a reminder. Only alerts about
 * athletes who still grant access.
 */
export async function listInbox(db: Queryable, coachUserId: string): Promise<InboxAlert[]> {
  const { rows } = await db.query<{
    id: string;
    athlete_id: string;
    display_name: string | null;
    email: string;
    kind: string;
    day: string;
    message: string;
    created_at: Date;
    read_at: Date | null;
  }>(
    `SELECT a.id, a.athlete_id, u.display_name, u.email, a.kind, a.day::text AS day, a.message,
            a.created_at, a.read_at
       FROM coach_alerts a
       JOIN coach_athletes g ON g.coach_user_id = a.coach_user_id AND g.athlete_id = a.athlete_id
       JOIN athletes t ON t.id = a.athlete_id
       JOIN users u ON u.id = t.user_id
      WHERE a.coach_user_id = $1
      ORDER BY a.read_at IS NOT NULL,
               CASE a.kind WHEN 'red_flag' THEN 0 WHEN 'very_high_spike' THEN 1 ELSE 2 END,
               a.created_at DESC, a.id
      LIMIT 200`,
    [coachUserId],
  );
  return rows.map((r) => ({
    id: r.id,
    athleteId: r.athlete_id,
    athleteName: r.display_name,
    athleteEmail: r.email,
    kind: r.kind,
    day: r.day,
    message: r.message,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  }));
}

/** Marks one of the coach's alerts read (about an athlete who still grants access). */
export async function markAlertRead(
  db: Queryable,
  coachUserId: string,
  alertId: string,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE coach_alerts a SET read_at = COALESCE(a.read_at, $3)
      WHERE a.id = $2 AND a.coach_user_id = $1
        AND EXISTS (SELECT 1 FROM coach_athletes g
                     WHERE g.coach_user_id = a.coach_user_id AND g.athlete_id = a.athlete_id)`,
    [coachUserId, alertId, now],
  );
  return (rowCount ?? 0) > 0;
}

export async function findAlertSettings(
  db: Queryable,
  coachUserId: string,
): Promise<AlertSettings> {
  const { rows } = await db.query<{ missed_check_in_days: number; email: AlertEmail }>(
    'SELECT missed_check_in_days, email FROM coach_alert_settings WHERE coach_user_id = $1',
    [coachUserId],
  );
  const r = rows[0];
  return r ? { missedCheckInDays: r.missed_check_in_days, email: r.email } : DEFAULT_ALERT_SETTINGS;
}

export async function saveAlertSettings(
  db: Queryable,
  coachUserId: string,
  s: AlertSettings,
): Promise<void> {
  await db.query(
    `INSERT INTO coach_alert_settings (coach_user_id, missed_check_in_days, email)
     VALUES ($1, $2, $3)
     ON CONFLICT (coach_user_id) DO UPDATE SET missed_check_in_days = $2, email = $3`,
    [coachUserId, s.missedCheckInDays, s.email],
  );
}

/** The athlete's switch for one coach; false when that coach has no grant. */
export async function setGrantAlerts(
  db: Queryable,
  athleteId: string,
  coachUserId: string,
  alerts: boolean,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE coach_athletes SET alerts = $3 WHERE athlete_id = $1 AND coach_user_id = $2',
    [athleteId, coachUserId, alerts],
  );
  return (rowCount ?? 0) > 0;
}

export interface AthleteAlertRow {
  today: string;
  /** Today's stored flags (engine tokens not yet spoken); empty without a row. */
  flags: unknown;
  lastCheckIn: string | null;
  firstDay: string | null;
  email: string;
  displayName: string | null;
}

/** What the alerts are computed from: the athlete's stored today and their check-ins. */
export async function findAthleteAlertRow(
  db: Queryable,
  athleteId: string,
  now: Date,
): Promise<AthleteAlertRow | undefined> {
  const { rows } = await db.query<{
    today: string;
    flags: unknown;
    last_check_in: string | null;
    first_day: string | null;
    email: string;
    display_name: string | null;
  }>(
    `WITH a AS (
       SELECT t.id, u.email, u.display_name, ($2::timestamptz AT TIME ZONE t.timezone)::date AS today
         FROM athletes t JOIN users u ON u.id = t.user_id WHERE t.id = $1)
     SELECT a.today::text AS today, a.email, a.display_name,
            (SELECT d.metrics->'flags' FROM daily_metrics d
              WHERE d.athlete_id = a.id AND d.day = a.today) AS flags,
            (SELECT max(c.date)::text FROM checkins c
              WHERE c.athlete_id = a.id AND c.date <= a.today) AS last_check_in,
            (SELECT min(d.day)::text FROM daily_metrics d WHERE d.athlete_id = a.id) AS first_day
       FROM a`,
    [athleteId, now],
  );
  const r = rows[0];
  return r
    ? {
        today: r.today,
        flags: r.flags ?? [],
        lastCheckIn: r.last_check_in,
        firstDay: r.first_day,
        email: r.email,
        displayName: r.display_name,
      }
    : undefined;
}
