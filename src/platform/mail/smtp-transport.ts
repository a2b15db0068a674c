import { createTransport } from 'nodemailer';
import type { Logger } from '../log.ts';
import type { SmtpSettings } from './config.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';

/** Bounded waits, so a dead relay fails the attempt (and the message is retried) instead of hanging the dispatcher. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** SMTP through nodemailer: one connection per message (notifications are few). */
export function createSmtpMailer(opts: { smtp: SmtpSettings; from: string; log: Logger }): Mailer {
  const s = opts.smtp;
  const transport = createTransport(
    'url' in s
      ? { url: s.url, ...TIMEOUTS }
      : {
          host: s.host,
          port: s.port,
          secure: s.secure,
          auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
          ...TIMEOUTS,
        },
    { from: opts.from },
  );
  const domain = /@([^>\s]+)>?\s*$/.exec(opts.from)?.[1] ?? 'localhost';
  return {
    kind: 'smtp',
    async send(m: OutgoingMail) {
      const info = await transport.sendMail({
        to: [...m.to],
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        messageId: `<${m.id}@${domain}>`,
        headers: { 'Content-Language': m.lang },
        // nodemailer sends it as an alternative text/calendar; method=… part and as an invite.ics attachment.
        icalEvent: m.calendar ? { method: m.calendar.method, filename: 'invite.ics', content: m.calendar.content } : undefined,
      });
      if (info.rejected.length) {
        opts.log.warn('mail: the SMTP server refused some recipients', { outboxId: m.id, rejected: info.rejected.length, accepted: info.accepted.length });
      }
      opts.log.info('mail sent', { outboxId: m.id, recipients: info.accepted.length, subject: m.subject });
    },
    close() {
      transport.close();
    },
  };
}
