export { DEFAULT_MAIL_FROM, loadMailConfig, type MailConfig, type SmtpSettings } from './config.ts';
export { createMailer } from './create-mailer.ts';
export { createMailDispatcher, retryDelayMs, LEASE_MS, type DrainResult, type MailDispatcher } from './dispatcher.ts';
export { createLogMailer } from './log-transport.ts';
export { describeMailError, isPermanentMailError, type MailLang, type MailMessage, type Mailer, type OutgoingMail } from './mailer.ts';
export { countOutbox, enqueueMail, requeueFailedMail, type QueuedMail } from './outbox-queries.ts';
export { createSmtpMailer } from './smtp-transport.ts';
