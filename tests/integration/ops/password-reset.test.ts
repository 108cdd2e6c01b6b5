// "Forgot password": a single-use link valid 30 minutes, mailed through the one mailer to a real
// SMTP server running in this test process (smtp-server), read from the delivered message. A used
// or expired link is refused without saying which. Without SMTP_URL mail is off, and the operator
// prints a link with `hipcheck user reset-link --email E`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '#services/mail/mailer';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { TestClient } from '../../support/http-client.ts';
import { eventually } from '../../support/pipeline.ts';
import { runCli } from '../../support/run-node.ts';
import { startTestSmtp, type DeliveredMail, type TestSmtp } from '../../support/smtp.ts';

const header = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(raw)?.[1]?.trim();

const tokenOf = (text: string) => /\/reset-password#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

let smtp: TestSmtp;
let db: TestDatabase;
let server: TestServer;
let mailer: Mailer;
const PUBLIC_URL = 'http://hipcheck.test';

beforeAll(async () => {
  smtp = await startTestSmtp();
  mailer = smtp.mailer();
  db = await createTestDatabase();
  server = await startTestServer({
    pool: db.pool,
    queue: noJobsQueue(),
    mailer,
    publicUrl: PUBLIC_URL,
  });
});

afterAll(async () => {
  await server.close();
  await mailer.close();
  await db.drop();
  await smtp.close();
});

const post = (c: TestClient, path: string, body: unknown) =>
  c.post<Record<string, unknown>>(path, body);
const inbox = () => smtp.inbox;

async function nextMail(count: number): Promise<DeliveredMail> {
  await eventually(async () => inbox().length >= count, 10_000, `mail number ${count}`);
  return inbox()[count - 1] as DeliveredMail;
}

describe('forgot password', () => {
  it('mails a link to the account’s address and answers the same for an unknown email', async () => {
    const runner = new TestClient(server.url);
    await runner.signup('forgetful@example.com');
    const before = inbox().length;
    const unknown = await post(new TestClient(server.url), '/api/auth/password-reset', {
      email: 'nobody@example.com',
    });
    const known = await post(new TestClient(server.url), '/api/auth/password-reset', {
      email: 'Forgetful@Example.com',
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const mail = await nextMail(before + 1);
    expect(mail.to).toEqual(['forgetful@example.com']);
    expect(mail.from).toBe('no-reply@hipcheck.test');
    expect(header(mail.raw, 'Subject')).toBe('Reset your Hipcheck password');
    const text = mail.text;
    expect(text).toContain(`${PUBLIC_URL}/reset-password#token=`);
    expect(text).toContain('30 minutes');
    // Only the known email got a message.
    await new Promise((r) => setTimeout(r, 200));
    expect(
      inbox()
        .slice(before)
        .map((m) => m.to[0]),
    ).toEqual(['forgetful@example.com']);
  });

  it('sets the new password once, signs in, ends the old sessions; the link then fails', async () => {
    const old = new TestClient(server.url);
    await old.signup('resetter@example.com');
    const before = inbox().length;
    await post(new TestClient(server.url), '/api/auth/password-reset', {
      email: 'resetter@example.com',
    });
    const token = tokenOf((await nextMail(before + 1)).text) ?? '';
    expect(token).not.toBe('');

    const browser = new TestClient(server.url);
    const done = await post(browser, '/api/auth/password-reset/confirm', {
      token,
      password: 'a brand new password',
    });
    expect(done.status).toBe(200);
    expect((await browser.get('/api/me')).status).toBe(200);
    expect((await old.get('/api/me')).status).toBe(401);
    const withOld = await post(new TestClient(server.url), '/api/auth/login', {
      email: 'resetter@example.com',
      password: 'correct horse battery',
    });
    expect(withOld.status).toBe(401);
    const withNew = await post(new TestClient(server.url), '/api/auth/login', {
      email: 'resetter@example.com',
      password: 'a brand new password',
    });
    expect(withNew.status).toBe(200);

    const again = await post(new TestClient(server.url), '/api/auth/password-reset/confirm', {
      token,
      password: 'yet another password',
    });
    expect(again.status).toBe(400);
  });

  it('refuses a used, an expired and an unknown link with one answer', async () => {
    const c = new TestClient(server.url);
    await c.signup('expiring@example.com');
    const before = inbox().length;
    for (let i = 0; i < 2; i++)
      await post(new TestClient(server.url), '/api/auth/password-reset', {
        email: 'expiring@example.com',
      });
    const [used, expired] = [
      tokenOf((await nextMail(before + 1)).text) ?? '',
      tokenOf((await nextMail(before + 2)).text) ?? '',
    ];
    expect(
      (
        await post(new TestClient(server.url), '/api/auth/password-reset/confirm', {
          token: used,
          password: 'first new password',
        })
      ).status,
    ).toBe(200);
    // The 30 minutes of the other link pass.
    await db.pool.query(`UPDATE password_resets SET expires_at = now() - interval '1 second'`);
    const answers = [];
    for (const token of [used, expired, 'x'.repeat(43)]) {
      const res = await post(new TestClient(server.url), '/api/auth/password-reset/confirm', {
        token,
        password: 'second new password',
      });
      answers.push({ status: res.status, error: (res.body.error as { message: string }).message });
    }
    expect(answers[0]).toEqual({
      status: 400,
      error: 'this reset link is unknown, used or expired; ask for a new one',
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('makes each link valid for 30 minutes', async () => {
    const c = new TestClient(server.url);
    await c.signup('thirty@example.com');
    await post(new TestClient(server.url), '/api/auth/password-reset', {
      email: 'thirty@example.com',
    });
    await eventually(
      async () =>
        (
          await db.pool.query(
            `SELECT 1 FROM password_resets r JOIN users u ON u.id = r.user_id
              WHERE u.email = 'thirty@example.com'`,
          )
        ).rows.length === 1,
      10_000,
      'the reset row',
    );
    const { rows } = await db.pool.query<{ minutes: number }>(
      `SELECT round(extract(epoch FROM r.expires_at - r.created_at) / 60)::int AS minutes
         FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = 'thirty@example.com'`,
    );
    expect(rows[0]?.minutes).toBe(30);
  });

  it('limits reset mails to 3 an hour per email (4th refused)', async () => {
    const c = new TestClient(server.url);
    await c.signup('spammed@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await post(new TestClient(server.url), '/api/auth/password-reset', {
            email: 'spammed@example.com',
          })
        ).status,
      );
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('with mail off', () => {
  it('says so once in the log, sends nothing and tells the user to ask the operator', async () => {
    const logged: string[] = [];
    const off = createMailer({ smtpUrl: undefined, from: 'x', log: (m) => logged.push(m) });
    const s = await startTestServer({ pool: db.pool, queue: noJobsQueue(), mailer: off });
    try {
      await new TestClient(s.url).signup('no-mail@example.com');
      const res = await post(new TestClient(s.url), '/api/auth/password-reset', {
        email: 'no-mail@example.com',
      });
      expect(res.status).toBe(503);
      expect((res.body.error as { message: string }).message).toBe(
        'this Hipcheck server does not send email; ask its operator for a reset link',
      );
      expect(logged).toEqual([
        "mail is off: set SMTP_URL (and MAIL_FROM) to send password-reset links and coaches' alerts by email",
      ]);
      // Nothing for this user: the shared inbox may still receive an earlier test's mail, so the
      // count of everything in it says nothing here.
      await new Promise((r) => setTimeout(r, 300));
      expect(inbox().filter((m) => m.to.includes('no-mail@example.com'))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('hipcheck user reset-link --email E prints a link that works once', async () => {
    const c = new TestClient(server.url);
    await c.signup('operator-helped@example.com');
    const env = { ...process.env, DATABASE_URL: db.url, PUBLIC_URL };
    const ran = await runCli(['user', 'reset-link', '--email', 'Operator-Helped@example.com'], env);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Password-reset link for operator-helped@example.com');
    const token = tokenOf(ran.stdout) ?? '';
    const done = await post(new TestClient(server.url), '/api/auth/password-reset/confirm', {
      token,
      password: 'operator given password',
    });
    expect(done.status).toBe(200);
    const unknown = await runCli(['user', 'reset-link', '--email', 'ghost@example.com'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no account has the email ghost@example.com');
  });
});
