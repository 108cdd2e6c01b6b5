// Alerts that reach a coach who is not looking (issue 12 item 8): after each recompute of an
// athlete, today's red flags, very high spikes and missed check-ins become alerts in the inbox of
// every coach who gets alerts about them (once per event: the database's unique key), and each
// alert is emailed once through the one mailer — at once, or in the coach's daily digest. With mail
// off (no SMTP_URL) alerts stay in the inbox; the mailer says so in the log at start-up.
import { speak, nameOfEmail, type Flag } from '#shared/engine/index';
import { detectAlerts } from '#shared/coaching/detect-alerts';
import type { Pool } from '#services/db/database';
import {
  claimUnsentAlerts,
  findAthleteAlertRow,
  insertAlert,
  listAlertTargets,
  markDigestSent,
  releaseAlerts,
  type ClaimedAlert,
} from '#services/db/alerts.repository';
import type { Mailer } from '#services/mail/mailer';

export interface AlertDeps {
  pool: Pool;
  mailer: Mailer;
  now: () => Date;
  /** The dashboard's address, for the link to the athlete's day. */
  publicUrl: string;
}

const linkOf = (deps: AlertDeps, a: Pick<ClaimedAlert, 'athleteId' | 'day'>): string =>
  `${deps.publicUrl.replace(/\/+$/, '')}/coach/athletes/${a.athleteId}?day=${a.day}`;

/** Stores today's alerts of one athlete; answers how many were new. Then mails the new ones. */
export async function raiseAlerts(deps: AlertDeps, athleteId: string): Promise<number> {
  const row = await findAthleteAlertRow(deps.pool, athleteId, deps.now());
  if (!row) return 0;
  const targets = await listAlertTargets(deps.pool, athleteId);
  if (targets.length === 0) return 0;
  const name = row.displayName ?? nameOfEmail(row.email);
  const flags = (Array.isArray(row.flags) ? (row.flags as Flag[]) : []).map((f) => ({
    ...f,
    message: speak(f.message, { reader: 'coach', name }),
  }));
  let created = 0;
  for (const t of targets) {
    const events = detectAlerts({
      today: row.today,
      flags,
      lastCheckIn: row.lastCheckIn,
      firstDay: row.firstDay,
      missedCheckInDays: t.missedCheckInDays,
      name,
    });
    for (const e of events)
      if (await insertAlert(deps.pool, { coachUserId: t.coachUserId, athleteId, ...e })) created++;
  }
  await sendAlertMails(deps, athleteId);
  return created;
}

/** Mails every unsent alert of coaches who want each one at once (of one athlete, or all). */
export async function sendAlertMails(deps: AlertDeps, athleteId?: string): Promise<number> {
  if (!deps.mailer.enabled) return 0;
  const claimed = await claimUnsentAlerts(deps.pool, 'each', deps.now(), athleteId);
  for (let i = 0; i < claimed.length; i++) {
    const a = claimed[i] as ClaimedAlert;
    try {
      await deps.mailer.send({
        to: a.coachEmail,
        subject: `Hipcheck alert: ${a.message.slice(0, 80)}`,
        text: `${a.message}\n\nOpen the athlete's day: ${linkOf(deps, a)}\n\nHipcheck informs; it does not diagnose.`,
      });
    } catch (err) {
      // Not sent: give this one and the rest back, so a retry mails them (and only them).
      await releaseAlerts(
        deps.pool,
        claimed.slice(i).map((x) => x.id),
      );
      throw err;
    }
  }
  return claimed.length;
}

/** One email per coach with the alerts not mailed yet, for coaches who chose the daily digest. */
export async function sendAlertDigests(deps: AlertDeps): Promise<number> {
  if (!deps.mailer.enabled) return 0;
  const claimed = await claimUnsentAlerts(deps.pool, 'digest', deps.now());
  const byCoach = new Map<string, ClaimedAlert[]>();
  for (const a of claimed) byCoach.set(a.coachUserId, [...(byCoach.get(a.coachUserId) ?? []), a]);
  const coaches = [...byCoach];
  let sent = 0;
  for (let i = 0; i < coaches.length; i++) {
    const [coachUserId, alerts] = coaches[i] as [string, ClaimedAlert[]];
    try {
      await deps.mailer.send({
        to: (alerts[0] as ClaimedAlert).coachEmail,
        subject: `Hipcheck: ${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'} today`,
        text: [
          ...alerts.map((a) => `- ${a.message}\n  ${linkOf(deps, a)}`),
          '',
          'Hipcheck informs; it does not diagnose.',
        ].join('\n'),
      });
      await markDigestSent(deps.pool, coachUserId, deps.now());
      sent++;
    } catch (err) {
      // This digest and the ones not sent yet go back, for the next tick.
      await releaseAlerts(
        deps.pool,
        coaches.slice(i).flatMap(([, xs]) => xs.map((a) => a.id)),
      );
      throw err;
    }
  }
  return sent;
}
