-- Meeting invitations: forum members and parties as such (whose administrators nominate or forward to their own
-- people); each person gets an e-mail with an iCalendar (RFC 5545) attachment through the outbox and answers in
-- the product (yes / no / sending a deputy).

-- An e-mail may carry one iCalendar object (sent as text/calendar; method=… by the SMTP transport).
ALTER TABLE outbox_message ADD COLUMN calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL'));
ALTER TABLE outbox_message ADD COLUMN calendar_content text;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_calendar_pair CHECK ((calendar_method IS NULL) = (calendar_content IS NULL));

CREATE TYPE invitation_answer AS ENUM ('pending', 'yes', 'no', 'deputy');

CREATE TABLE meeting_invitee (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  -- The party the invitee is for; a row without a person is the party invited as such.
  party_id uuid REFERENCES party (id),
  forum_member_id uuid REFERENCES forum_member (id) ON DELETE SET NULL,
  person_name text,
  email text,
  user_id uuid REFERENCES app_user (id),
  -- Set when a party's administrator nominated or forwarded the invitation to this person.
  nominated_by_party_id uuid REFERENCES party (id),
  nominated_by_user_id uuid REFERENCES app_user (id),
  answer invitation_answer NOT NULL DEFAULT 'pending',
  deputy_name text NOT NULL DEFAULT '',
  answered_at timestamptz,
  -- The invitee answers through a link in the e-mail (the table keeps only the SHA-256 of its secret).
  answer_token_hash text UNIQUE,
  -- The iCalendar SEQUENCE last sent to this person (NULL: nothing sent yet).
  sent_sequence integer,
  reminded_at timestamptz,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (party_id IS NOT NULL OR email IS NOT NULL),
  CHECK ((email IS NULL) = (person_name IS NULL)),
  CHECK (answer <> 'deputy' OR deputy_name <> '')
);
CREATE INDEX idx_meeting_invitee_meeting ON meeting_invitee (meeting_id);
CREATE INDEX idx_meeting_invitee_party ON meeting_invitee (party_id);
CREATE INDEX idx_meeting_invitee_user ON meeting_invitee (user_id);
CREATE INDEX idx_meeting_invitee_member ON meeting_invitee (forum_member_id);
CREATE UNIQUE INDEX uniq_meeting_invitee_email ON meeting_invitee (meeting_id, lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX uniq_meeting_invitee_party ON meeting_invitee (meeting_id, party_id) WHERE email IS NULL;
