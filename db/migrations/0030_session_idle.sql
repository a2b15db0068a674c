-- Sessions to ASVS L2: an idle timeout besides the absolute lifetime (SESSION_IDLE_MINUTES), and what a
-- user's list of sessions shows (last used, user agent).
ALTER TABLE user_session ADD COLUMN last_used_at timestamptz;
ALTER TABLE user_session ADD COLUMN user_agent text;
UPDATE user_session SET last_used_at = created_at;
ALTER TABLE user_session ALTER COLUMN last_used_at SET NOT NULL;
