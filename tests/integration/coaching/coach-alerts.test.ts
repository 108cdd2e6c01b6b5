// Alerts that reach a coach who is not looking (issue 12 item 8), on the real pipeline with a real
// SMTP server in this process: a red flag becomes one alert in the coach's inbox and one email,
// even when two workers recompute the athlete at once and a job is retried, and after a failed
// send the retry mails it once; a coach the athlete switched alerts off for gets nothing; a coach
// on the daily digest gets one email with the day's alerts; with mail off the inbox still fills.
// Every new route answers 404 to a coach without a grant on the alert's athlete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlert } from '#services/db/alerts.repository';
import { createMailer, type Mailer } from '#services/mail/mailer';
import { sendAlertDigests, type AlertDeps } from '#services/coaching/raise-alerts';
import { recomputeFrom } from '#services/engine/request-recompute';
import { createRecomputeProcessor } from '#workers/recompute.processor';
import { utcDay } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import { startTestSmtp, type TestSmtp } from '../../support/smtp.ts';
import type { TestClient } from '../../support/http-client.ts';

interface Inbox {
  unread: number;
  alerts: Array<{
    id: string;
    athleteId: string;
    kind: string;
    day: string;
    message: string;
    readAt: string | null;
  }>;
}

describe('coach alerts', () => {
  let p: Pipeline;
  let smtp: TestSmtp;
  let n = 0;

  beforeAll(async () => {
    p = await startPipeline({ workers: false });
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await p.close();
  });

  const deps = (mailer: Mailer): AlertDeps => ({
    pool: p.db.pool,
    mailer,
    now: () => new Date(),
    publicUrl: 'https://hipcheck.test',
  });

  async function coachOf(runner: TestClient, name: string): Promise<TestClient> {
    const coach = p.client();
    await coach.signup(`${name}-${n++}@example.com`, 'coach');
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    expect((await runner.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(201);
    return coach;
  }

  /** A runner who reports night pain today (a red flag), with their id. */
  async function flaggedRunner(): Promise<{ runner: TestClient; athleteId: string }> {
    const runner = p.client();
    await runner.signup(`flagged-${n++}@example.com`);
    const athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    await runner.put('/api/me/name', { name: 'Maja' });
    return { runner, athleteId };
  }
  async function reportNightPain(runner: TestClient): Promise<void> {
    expect(
      (await runner.post('/api/checkins', { date: utcDay(0), painAtRest: 1, nightPain: true }))
        .status,
    ).toBe(201);
  }
  const mailsTo = (email: string) => smtp.inbox.filter((m) => m.to.includes(email));

  it('a red flag: one inbox alert and one email, with two workers at once and a retry', async () => {
    const { runner, athleteId } = await flaggedRunner();
    const coach = await coachOf(runner, 'alert-coach');
    const quiet = await coachOf(runner, 'quiet-coach');
    const coachEmail = (await coach.get<{ email: string }>('/api/me')).body.email;
    const quietEmail = (await quiet.get<{ email: string }>('/api/me')).body.email;
    const quietId = (await quiet.get<{ id: string }>('/api/me')).body.id;
    // The athlete turns alerts off for the second coach, in settings.
    const patched = await runner.request<{ alerts: boolean }>('PATCH', `/api/grants/${quietId}`, {
      alerts: false,
    });
    expect(patched.body.alerts).toBe(false);
    await reportNightPain(runner);

    const recompute = createRecomputeProcessor({
      pool: p.db.pool,
      now: () => new Date(),
      alerts: deps(smtp.mailer()),
    });
    await recomputeFrom({ db: p.db.pool, queue: p.queue }, athleteId, utcDay(0));
    await Promise.all([
      recompute({ athleteId }, { attempt: 1 }),
      recompute({ athleteId }, { attempt: 1 }),
    ]);
    await recompute({ athleteId }, { attempt: 1 }); // a retry of the same job

    expect(mailsTo(quietEmail)).toEqual([]);
    const mails = mailsTo(coachEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toMatch(/Red flag for Maja: /);
    expect(mails[0]?.text).toContain(
      `https://hipcheck.test/coach/athletes/${athleteId}?day=${utcDay(0)}`,
    );
    const inbox = (await coach.get<Inbox>('/api/coach/alerts')).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.alerts).toEqual([
      expect.objectContaining({ athleteId, kind: 'red_flag', day: utcDay(0), readAt: null }),
    ]);
    expect((await quiet.get<Inbox>('/api/coach/alerts')).body).toEqual({ unread: 0, alerts: [] });

    // Another coach cannot read it (404), the coach can (then 0 unread).
    const stranger = p.client();
    await stranger.signup(`stranger-${n++}@example.com`, 'coach');
    const id = inbox.alerts[0]?.id ?? '';
    expect((await stranger.post(`/api/coach/alerts/${id}/read`)).status).toBe(404);
    expect((await stranger.get<Inbox>('/api/coach/alerts')).body.alerts).toEqual([]);
    expect((await runner.get('/api/coach/alerts')).status).toBe(403);
    expect((await coach.post(`/api/coach/alerts/${id}/read`)).status).toBe(200);
    expect((await coach.get<Inbox>('/api/coach/alerts')).body.unread).toBe(0);
    // Revoked: the alert leaves the inbox and reading it is a 404.
    const coachId = (await coach.get<{ id: string }>('/api/me')).body.id;
    expect((await runner.request('DELETE', `/api/grants/${coachId}`)).status).toBe(204);
    expect((await coach.get<Inbox>('/api/coach/alerts')).body.alerts).toEqual([]);
    expect((await coach.post(`/api/coach/alerts/${id}/read`)).status).toBe(404);
  });

  it('a failed send is mailed by the retry, once', async () => {
    const { runner, athleteId } = await flaggedRunner();
    const coach = await coachOf(runner, 'retry-coach');
    const coachEmail = (await coach.get<{ email: string }>('/api/me')).body.email;
    await reportNightPain(runner);
    const real = smtp.mailer();
    let fail = true;
    const flaky: Mailer = {
      enabled: true,
      send: async (mail) => {
        if (fail) {
          fail = false;
          throw new Error('SMTP 451: try again later');
        }
        return real.send(mail);
      },
      close: () => real.close(),
    };
    const recompute = createRecomputeProcessor({
      pool: p.db.pool,
      now: () => new Date(),
      alerts: deps(flaky),
    });
    await recomputeFrom({ db: p.db.pool, queue: p.queue }, athleteId, utcDay(0));
    await expect(recompute({ athleteId }, { attempt: 1 })).rejects.toThrow(/451/);
    expect(mailsTo(coachEmail)).toHaveLength(0);
    await recompute({ athleteId }, { attempt: 1 });
    await recompute({ athleteId }, { attempt: 1 });
    expect(mailsTo(coachEmail)).toHaveLength(1);
  });

  it('the daily digest: no email per alert, one email with the day’s alerts', async () => {
    const { runner, athleteId } = await flaggedRunner();
    const coach = await coachOf(runner, 'digest-coach');
    const coachEmail = (await coach.get<{ email: string }>('/api/me')).body.email;
    const put = await coach.put('/api/coach/alert-settings', {
      missedCheckInDays: 5,
      email: 'digest',
    });
    expect(put.status).toBe(200);
    expect((await coach.get('/api/coach/alert-settings')).body).toEqual({
      missedCheckInDays: 5,
      email: 'digest',
    });
    expect(
      (await coach.put('/api/coach/alert-settings', { missedCheckInDays: 0, email: 'x' })).status,
    ).toBe(400);
    await reportNightPain(runner);
    const recompute = createRecomputeProcessor({
      pool: p.db.pool,
      now: () => new Date(),
      alerts: deps(smtp.mailer()),
    });
    await recomputeFrom({ db: p.db.pool, queue: p.queue }, athleteId, utcDay(0));
    await recompute({ athleteId }, { attempt: 1 });
    expect(mailsTo(coachEmail)).toHaveLength(0);
    expect((await coach.get<Inbox>('/api/coach/alerts')).body.unread).toBe(1);
    expect(await sendAlertDigests(deps(smtp.mailer()))).toBeGreaterThanOrEqual(1);
    await sendAlertDigests(deps(smtp.mailer())); // nothing left, and not again within a day
    const mails = mailsTo(coachEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.raw).toMatch(/Subject: Hipcheck: 1 alert today/);
    expect(mails[0]?.text).toMatch(/- Red flag for Maja: /);
  });

  it('with mail off the alert stays in the inbox, and the log says mail is off', async () => {
    const lines: string[] = [];
    const off = createMailer({ smtpUrl: undefined, from: '', log: (m) => lines.push(m) });
    expect(lines.join('\n')).toMatch(/mail is off/);
    const { runner, athleteId } = await flaggedRunner();
    const coach = await coachOf(runner, 'inbox-coach');
    const coachEmail = (await coach.get<{ email: string }>('/api/me')).body.email;
    await reportNightPain(runner);
    const recompute = createRecomputeProcessor({
      pool: p.db.pool,
      now: () => new Date(),
      alerts: deps(off),
    });
    await recomputeFrom({ db: p.db.pool, queue: p.queue }, athleteId, utcDay(0));
    await recompute({ athleteId }, { attempt: 1 });
    expect(mailsTo(coachEmail)).toHaveLength(0);
    expect((await coach.get<Inbox>('/api/coach/alerts')).body.unread).toBe(1);
  });

  it('the inbox puts unread first, then a red flag before a spike before missed check-ins', async () => {
    const { runner, athleteId } = await flaggedRunner();
    const coach = await coachOf(runner, 'order-coach');
    const coachUserId = (await coach.get<{ id: string }>('/api/me')).body.id;
    // Raised in this order, oldest first: the red flag, then missed check-ins, then a spike.
    for (const kind of ['red_flag', 'missed_check_ins', 'very_high_spike'])
      await insertAlert(p.db.pool, {
        coachUserId,
        athleteId,
        kind,
        eventKey: kind,
        day: utcDay(0),
        message: `${kind} for Maja`,
      });
    const kinds = async () =>
      (await coach.get<Inbox>('/api/coach/alerts')).body.alerts.map((a) => a.kind);
    expect(await kinds()).toEqual(['red_flag', 'very_high_spike', 'missed_check_ins']);
    const redFlag = (await coach.get<Inbox>('/api/coach/alerts')).body.alerts[0]?.id ?? '';
    expect((await coach.post(`/api/coach/alerts/${redFlag}/read`)).status).toBe(200);
    expect(await kinds()).toEqual(['very_high_spike', 'missed_check_ins', 'red_flag']);
  });
});
