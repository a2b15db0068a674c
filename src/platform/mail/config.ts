import path from 'node:path';
import { z } from 'zod';

/**
 * Mail settings from the environment. SMTP when SMTP_URL or SMTP_HOST is set; otherwise messages are
 * written to DATA_DIR/mail.log (the log transport), so nothing is lost on a machine without a mail relay.
 */
export type SmtpSettings =
  /** smtp://user:pass@host:587 or smtps://…:465; query options as nodemailer reads them. */
  | { url: string }
  | { host: string; port: number; secure: boolean; user?: string; password?: string };

export interface MailConfig {
  /** The From header, e.g. 'Kumppanuus <noreply@hyvaetu.fi>'. */
  from: string;
  smtp?: SmtpSettings;
  /** Where the log transport appends one JSON line per message (used when `smtp` is not set). */
  logFile: string;
}

export const DEFAULT_MAIL_FROM = 'Kumppanuus <noreply@localhost>';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());

const schema = z.object({
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^/]/, 'must start with smtp:// or smtps://')),
  SMTP_HOST: optional(z.string()),
  SMTP_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  SMTP_USER: optional(z.string()),
  SMTP_PASSWORD: optional(z.string()),
  SMTP_SECURE: optional(z.enum(['true', 'false'])),
  MAIL_FROM: optional(z.string()),
});

export function loadMailConfig(env: NodeJS.ProcessEnv, dataDir: string): MailConfig {
  const e = schema.parse(env);
  let smtp: SmtpSettings | undefined;
  if (e.SMTP_URL) smtp = { url: e.SMTP_URL };
  else if (e.SMTP_HOST) {
    const port = e.SMTP_PORT ?? (e.SMTP_SECURE === 'true' ? 465 : 587);
    smtp = {
      host: e.SMTP_HOST,
      port,
      // Implicit TLS on 465; elsewhere STARTTLS when the server offers it.
      secure: e.SMTP_SECURE ? e.SMTP_SECURE === 'true' : port === 465,
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
    };
  }
  return { from: e.MAIL_FROM ?? DEFAULT_MAIL_FROM, smtp, logFile: path.join(dataDir, 'mail.log') };
}
