import type { Row, Sql, Tx } from '../db/db.ts';
import type { MailLang, MailMessage, OutgoingMail } from './mailer.ts';

/** A message to queue, and what caused it ('accessibility_feedback.created'): shown to operators, never personal data. */
export interface QueuedMail extends MailMessage {
  topic: string;
}

/**
 * Queues an e-mail inside the caller's transaction: it exists only if the change that causes it commits, and it
 * is sent by the dispatcher afterwards (retried until the SMTP server takes it). Returns the message id.
 * Taking a `Tx` (not a `Db`) is the point: a notification is never written outside the transaction of its cause.
 */
export async function enqueueMail(tx: Tx, msg: QueuedMail): Promise<string> {
  const to = msg.to.map((a) => a.trim()).filter(Boolean);
  if (to.length === 0) throw new Error(`enqueueMail(${msg.topic}): no recipients`);
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO outbox_message (topic, recipients, subject, body_text, body_html, lang, calendar_method, calendar_content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [msg.topic, to, msg.subject, msg.text, msg.html ?? null, msg.lang, msg.calendar?.method ?? null, msg.calendar?.content ?? null],
  );
  return rows[0]!.id;
}

interface OutboxRow extends Row {
  id: string;
  recipients: string[];
  subject: string;
  body_text: string;
  body_html: string | null;
  lang: MailLang;
  calendar_method: 'REQUEST' | 'CANCEL' | null;
  calendar_content: string | null;
  attempts: number;
}

/** A message the dispatcher holds: sent by whoever claimed it, with this attempt number. */
export interface ClaimedMail extends OutgoingMail {
  attempt: number;
}

const DUE = `status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)`;

/** Read-only: is anything due? (Keeps the idle poll a plain SELECT.) */
export async function hasDueMail(sql: Sql, now: Date): Promise<boolean> {
  const rows = await sql.query<{ due: boolean }>(`SELECT EXISTS (SELECT 1 FROM outbox_message WHERE ${DUE}) AS due`, [now]);
  return rows[0]?.due === true;
}

/**
 * Claims the oldest due message (in the order queued): counts the attempt and holds it until `leaseUntil`, so another dispatcher
 * (another server process on PostgreSQL) skips it; if this process dies while sending, it is due again then.
 */
export async function claimDueMail(sql: Sql, now: Date, leaseUntil: Date): Promise<ClaimedMail | undefined> {
  const rows = await sql.query<OutboxRow>(
    `UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = $2
      WHERE id = (SELECT id FROM outbox_message WHERE ${DUE}
                   ORDER BY next_attempt_at NULLS FIRST, seq LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, recipients, subject, body_text, body_html, lang, calendar_method, calendar_content, attempts`,
    [now, leaseUntil],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      to: r.recipients,
      subject: r.subject,
      text: r.body_text,
      html: r.body_html,
      lang: r.lang,
      calendar: r.calendar_method && r.calendar_content ? { method: r.calendar_method, content: r.calendar_content } : null,
      attempt: r.attempts,
    }
  );
}

// The marks below apply only to the claim they belong to (same attempt), never over a newer claim.

export async function markMailSent(sql: Sql, m: ClaimedMail, now: Date): Promise<void> {
  await sql.query(
    `UPDATE outbox_message SET status = 'sent', sent_at = $3, next_attempt_at = NULL, last_error = NULL
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [m.id, m.attempt, now],
  );
}

export async function markMailRetry(sql: Sql, m: ClaimedMail, error: string, nextAttemptAt: Date): Promise<void> {
  await sql.query(
    `UPDATE outbox_message SET last_error = $3, next_attempt_at = $4 WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [m.id, m.attempt, error, nextAttemptAt],
  );
}

export async function markMailFailed(sql: Sql, m: ClaimedMail, error: string): Promise<void> {
  await sql.query(
    `UPDATE outbox_message SET status = 'failed', last_error = $3, next_attempt_at = NULL WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [m.id, m.attempt, error],
  );
}

/** Puts failed messages back in the queue with fresh attempts; returns how many. */
export async function requeueFailedMail(sql: Sql): Promise<number> {
  const rows = await sql.query(`UPDATE outbox_message SET status = 'pending', attempts = 0, next_attempt_at = NULL WHERE status = 'failed' RETURNING id`);
  return rows.length;
}

/** Deletes sent messages (their bodies may hold personal data) older than `before`; returns how many. */
export async function purgeSentMail(sql: Sql, before: Date): Promise<number> {
  const rows = await sql.query(`DELETE FROM outbox_message WHERE status = 'sent' AND sent_at < $1 RETURNING id`, [before]);
  return rows.length;
}

export async function countOutbox(sql: Sql): Promise<{ pending: number; failed: number }> {
  const rows = await sql.query<{ pending: number; failed: number }>(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM outbox_message`,
  );
  return rows[0] ?? { pending: 0, failed: 0 };
}
