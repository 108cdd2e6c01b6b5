// The one way Hipcheck sends email (password-reset links; coaches' alerts): nodemailer over SMTP,
// configured by SMTP_URL (smtp://user:pass@host:587, or smtps:// for TLS from the first byte) and
// MAIL_FROM. Without SMTP_URL mail is off: the log says so once, at start-up, and send() answers
// false without sending, so callers can tell the user what to do instead.
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly enabled: boolean;
  /** True once the SMTP server took the message; false when mail is off. Throws when SMTP fails. */
  send(mail: Mail): Promise<boolean>;
  /** Waits for messages being handed over, then closes the SMTP connections. */
  close(): Promise<void>;
}

export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  log: (message: string) => void;
}): Mailer {
  if (!options.smtpUrl) {
    options.log(
      "mail is off: set SMTP_URL (and MAIL_FROM) to send password-reset links and coaches' alerts by email",
    );
    return { enabled: false, send: async () => false, close: async () => undefined };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  const inFlight = new Set<Promise<unknown>>();
  return {
    enabled: true,
    async send(mail) {
      const sending = transport.sendMail({ from: options.from, ...mail });
      inFlight.add(sending);
      try {
        await sending;
        return true;
      } finally {
        inFlight.delete(sending);
      }
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      transport.close();
    },
  };
}
