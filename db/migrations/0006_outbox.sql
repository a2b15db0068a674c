-- Outbox: e-mail written in the same transaction as the change that causes it, sent afterwards by the
-- dispatcher (src/platform/mail/dispatcher.ts). A rolled-back change leaves no message; a failed send is retried.
CREATE TABLE outbox_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- What caused it, e.g. 'accessibility_feedback.created' (for operators; never personal data).
  topic text NOT NULL,
  recipients text[] NOT NULL CHECK (cardinality(recipients) > 0),
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text,
  lang text NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
  -- pending: to be sent; sent: accepted by the SMTP server (or written to mail.log);
  -- failed: refused permanently or out of attempts (see last_error; `send-mail --retry-failed` re-queues).
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  -- Not before this time; NULL = at once. While a dispatcher is sending, it holds the message until here (a lease).
  next_attempt_at timestamptz,
  sent_at timestamptz
);
CREATE INDEX idx_outbox_message_due ON outbox_message (next_attempt_at NULLS FIRST, created_at) WHERE status = 'pending';
CREATE INDEX idx_outbox_message_sent ON outbox_message (sent_at) WHERE status = 'sent';
