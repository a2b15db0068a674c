/**
 * Sending e-mail. Use cases never send directly: they call `enqueueMail(tx, msg)` (outbox.ts) inside
 * their transaction, and the dispatcher (dispatcher.ts) hands the stored message to a Mailer.
 */
export type MailLang = 'fi' | 'sv' | 'en';

export interface MailMessage {
  /** One or more addresses; every recipient sees the others, so notifications go one message per person. */
  to: readonly string[];
  subject: string;
  text: string;
  html?: string | null;
  /** The language of the text (sent as Content-Language). */
  lang: MailLang;
  /** An iCalendar (RFC 5545) object: sent as a text/calendar part with this METHOD and as invite.ics. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/** A message from the outbox: its id becomes the Message-ID, so a retried message is recognisably the same. */
export interface OutgoingMail extends MailMessage {
  id: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'log';
  /** Resolves when the message was accepted (by the SMTP server, or written to the log file); throws otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * A failure that retrying cannot fix: the SMTP server answered 5xx to this message (e.g. unknown recipient).
 * A refused login (EAUTH) is not: it is fixed in the configuration, after which the message should go.
 */
export function isPermanentMailError(err: unknown): boolean {
  const e = err as { permanent?: unknown; responseCode?: unknown; code?: unknown } | null;
  if (!e || e.code === 'EAUTH') return false;
  if (typeof e.permanent === 'boolean') return e.permanent;
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
}

/** A short description of a send failure for the outbox's last_error (no stack, bounded length). */
export function describeMailError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const parts = [e?.code, e?.responseCode].filter((p) => p !== undefined && p !== null && p !== '').map(String);
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return (parts.length ? `${parts.join(' ')}: ${message}` : message).slice(0, 1000);
}
