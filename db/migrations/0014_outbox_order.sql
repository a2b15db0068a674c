-- Mail goes out in the order it was queued. created_at alone cannot say that: two messages queued in
-- the same clock tick (PGlite's clock is coarse) tied, and the random id then picked the order.
ALTER TABLE outbox_message ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

DROP INDEX idx_outbox_message_due;
CREATE INDEX idx_outbox_message_due ON outbox_message (next_attempt_at NULLS FIRST, seq) WHERE status = 'pending';
