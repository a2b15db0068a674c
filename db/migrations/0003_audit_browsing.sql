-- Browsing the audit trail newest first across all parties (platform administrators; party administrators
-- use idx_audit_event_party_time), and the accessibility feedback list for platform administrators.
CREATE INDEX idx_audit_event_time ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX idx_audit_event_actor_user ON audit_event (actor_user_id);
CREATE INDEX idx_accessibility_feedback_created ON accessibility_feedback (created_at DESC);
CREATE INDEX idx_accessibility_feedback_handled_by ON accessibility_feedback (handled_by);
