// A real SMTP server in the test process (smtp-server), to read what the mailer delivers.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '#services/mail/mailer';

export interface DeliveredMail {
  /** The envelope's sender and recipients. */
  from: string;
  to: string[];
  /** The message as sent, headers and all. */
  raw: string;
  /** The body, with quoted-printable soft breaks and escapes decoded. */
  text: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  inbox: DeliveredMail[];
  /** The app's mailer, sending to this server from no-reply@hipcheck.test. */
  mailer(): Mailer;
  close(): Promise<void>;
}

function textOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const inbox: DeliveredMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString()));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: textOf(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    mailer: () =>
      createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Hipcheck <no-reply@hipcheck.test>',
        log: () => undefined,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
