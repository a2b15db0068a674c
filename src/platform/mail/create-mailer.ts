import type { Logger } from '../log.ts';
import type { MailConfig } from './config.ts';
import { createLogMailer } from './log-transport.ts';
import type { Mailer } from './mailer.ts';
import { createSmtpMailer } from './smtp-transport.ts';

/** SMTP when configured; otherwise the log transport (DATA_DIR/mail.log). */
export function createMailer(config: MailConfig, log: Logger): Mailer {
  const mailLog = log.child({ component: 'mail' });
  if (config.smtp) return createSmtpMailer({ smtp: config.smtp, from: config.from, log: mailLog });
  return createLogMailer({ file: config.logFile, from: config.from, log: mailLog });
}
