import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';

/**
 * The transport when SMTP is not configured (development, demo, a machine without a relay): every message is
 * appended as one JSON line to `file` (DATA_DIR/mail.log), and a short line without the body goes to the log.
 * The file holds whole messages, personal data included: rotate and delete it like the server's logs.
 */
export function createLogMailer(opts: { file: string; from: string; log: Logger }): Mailer {
  let dirReady: Promise<unknown> | undefined;
  return {
    kind: 'log',
    async send(m: OutgoingMail) {
      dirReady ??= mkdir(path.dirname(opts.file), { recursive: true });
      await dirReady;
      const line = {
        time: new Date().toISOString(),
        id: m.id,
        from: opts.from,
        to: m.to,
        subject: m.subject,
        lang: m.lang,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        ...(m.calendar ? { calendar: m.calendar } : {}),
      };
      await appendFile(opts.file, JSON.stringify(line) + '\n', { encoding: 'utf8', mode: 0o600 });
      opts.log.info('mail written to mail.log (SMTP not configured)', { outboxId: m.id, recipients: m.to.length, subject: m.subject, file: opts.file });
    },
    close() {},
  };
}
