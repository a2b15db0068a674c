-- A meeting's agenda (esityslista) and minutes (pöytäkirja / muistio): ordered items with presenter and attachments,
-- each optionally handling an agreement version, a goal or measure under review or the annual follow-up report;
-- per item a summary and a conclusion; attendance per person; action items with an owner party and a due date;
-- minutes checked by two named checkers before they are approved and published.

CREATE TYPE meeting_item_link AS ENUM ('none', 'agreement_version', 'goal', 'measure', 'annual_report');
CREATE TYPE meeting_item_conclusion AS ENUM ('decided', 'noted', 'referred_back', 'postponed');

CREATE TABLE meeting_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  -- The item's number on the agenda (1, 2, …); kept gapless by the use cases.
  position integer NOT NULL CHECK (position >= 1),
  -- The section number (pykälä, §) when the body numbers its items over the year, e.g. 15 for "§ 15".
  section_number integer CHECK (section_number BETWEEN 1 AND 100000),
  title_fi text NOT NULL CHECK (title_fi <> ''),
  title_sv text NOT NULL DEFAULT '',
  presenter text NOT NULL DEFAULT '',
  -- The text sent with the agenda (background, proposal).
  body_fi text NOT NULL DEFAULT '',
  body_sv text NOT NULL DEFAULT '',
  link meeting_item_link NOT NULL DEFAULT 'none',
  agreement_version_id uuid REFERENCES agreement_version (id),
  goal_id uuid REFERENCES goal (id),
  measure_id uuid REFERENCES goal_measure (id),
  report_agreement_id uuid REFERENCES agreement (id),
  report_year integer CHECK (report_year BETWEEN 2000 AND 2100),
  -- Minutes of the item.
  summary_fi text NOT NULL DEFAULT '',
  summary_sv text NOT NULL DEFAULT '',
  conclusion meeting_item_conclusion,
  conclusion_text_fi text NOT NULL DEFAULT '',
  conclusion_text_sv text NOT NULL DEFAULT '',
  -- Seen by the region's parties and the forum's members only, never in a public view.
  internal_note text NOT NULL DEFAULT '',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED,
  CHECK ((link = 'agreement_version') = (agreement_version_id IS NOT NULL)),
  CHECK ((link = 'goal') = (goal_id IS NOT NULL)),
  CHECK ((link = 'measure') = (measure_id IS NOT NULL)),
  CHECK ((link = 'annual_report') = (report_agreement_id IS NOT NULL AND report_year IS NOT NULL))
);
CREATE INDEX idx_meeting_item_version ON meeting_item (agreement_version_id) WHERE agreement_version_id IS NOT NULL;
CREATE INDEX idx_meeting_item_goal ON meeting_item (goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX idx_meeting_item_measure ON meeting_item (measure_id) WHERE measure_id IS NOT NULL;

-- An item's attachment (PDF, DOCX or ODT, checked by content); attachments are not changed, only removed.
CREATE TABLE meeting_item_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES meeting_item (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (title <> ''),
  content bytea NOT NULL,
  file_name text NOT NULL CHECK (file_name <> '' AND length(file_name) <= 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text')),
  sha256 text NOT NULL CHECK (sha256 = encode(sha256(content), 'hex')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes = octet_length(content)),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  uploaded_by uuid REFERENCES app_user (id)
);
CREATE INDEX idx_meeting_item_attachment_item ON meeting_item_attachment (item_id, uploaded_at);

-- The agenda goes to the invitees (and, for public forums, to everyone) when it is published.
ALTER TABLE meeting ADD COLUMN agenda_published_at timestamptz;

-- Attendance per person, from the minutes: present, absent, or present as a deputy for a named member;
-- `left_at_item` is the item number during which the person left.
CREATE TYPE meeting_presence AS ENUM ('present', 'absent', 'deputy');
CREATE TABLE meeting_person_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position integer NOT NULL,
  person_name text NOT NULL CHECK (person_name <> ''),
  party_id uuid REFERENCES party (id),
  forum_member_id uuid REFERENCES forum_member (id) ON DELETE SET NULL,
  invitee_id uuid REFERENCES meeting_invitee (id) ON DELETE SET NULL,
  presence meeting_presence NOT NULL,
  deputy_for text NOT NULL DEFAULT '',
  left_at_item integer CHECK (left_at_item >= 1),
  CHECK ((presence = 'deputy') = (deputy_for <> '')),
  CHECK (presence <> 'absent' OR left_at_item IS NULL)
);
CREATE UNIQUE INDEX uniq_meeting_person_attendance ON meeting_person_attendance (meeting_id, lower(person_name));

-- The two minutes checkers (pöytäkirjantarkastajat): named accounts; each confirms the minutes in the product.
CREATE TABLE meeting_minutes_checker (
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position IN (1, 2)),
  user_id uuid NOT NULL REFERENCES app_user (id),
  person_name text NOT NULL,
  checked_at timestamptz,
  PRIMARY KEY (meeting_id, position),
  UNIQUE (meeting_id, user_id)
);
CREATE INDEX idx_meeting_minutes_checker_user ON meeting_minutes_checker (user_id);

-- Action items agreed in a meeting: an owner party (and person), a due date and a status; closed with a note.
CREATE TYPE meeting_action_status AS ENUM ('open', 'done', 'cancelled');
CREATE TABLE meeting_action (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  item_id uuid REFERENCES meeting_item (id) ON DELETE SET NULL,
  title text NOT NULL CHECK (title <> ''),
  owner_party_id uuid NOT NULL REFERENCES party (id),
  owner_person text NOT NULL DEFAULT '',
  due_on date NOT NULL,
  status meeting_action_status NOT NULL DEFAULT 'open',
  closed_note text NOT NULL DEFAULT '',
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'open') = (closed_at IS NULL)),
  CHECK (status = 'open' OR closed_note <> '')
);
CREATE INDEX idx_meeting_action_meeting ON meeting_action (meeting_id);
CREATE INDEX idx_meeting_action_owner ON meeting_action (owner_party_id, status, due_on);
