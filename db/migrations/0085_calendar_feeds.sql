-- Calendar feeds (iCalendar, RFC 5545) of forums' meetings.
--
-- Public feeds (per forum, per region, per party) need no table. Their queries are bounded by time and indexed so
-- that a region's feed reads only its own forums' meetings: the forums of the region (idx_forum_county), then each
-- forum's meetings in the time window (idx_meeting_forum (forum_id, starts_at)). A party's feed also finds the
-- forums the party is a member of by name (below) and the meetings it is invited to (idx_meeting_invitee_party).
CREATE INDEX idx_forum_member_party ON forum_member (party_id) WHERE party_id IS NOT NULL;

-- A personal feed: a secret URL that a person gives to their calendar program, which fetches it without signing
-- in. It shows the internal meetings the person may see, so the table keeps only the SHA-256 of the secret (as
-- for API tokens and invitation answer links) and the short prefix shown on the person's page. One live feed per
-- person; a new one replaces it, and a revoked one stops working at once.
CREATE TABLE calendar_feed (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  secret_hash text NOT NULL UNIQUE,
  secret_prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX idx_calendar_feed_user ON calendar_feed (user_id, created_at);
CREATE UNIQUE INDEX uniq_calendar_feed_live ON calendar_feed (user_id) WHERE revoked_at IS NULL;
