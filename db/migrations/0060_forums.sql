-- Forums as standing bodies of a cooperation region (yhteistyöfoorumi, kuntajohtajafoorumi, alueneuvottelukunta,
-- networks, temporary working groups), and their meetings. An agreement's forum section refers to these forums:
-- every forum line already in an agreement becomes a standing forum of the agreement's region here, with its
-- members; the agreement line keeps its own text (a published version keeps showing what it said).

CREATE TYPE standing_forum_level AS ENUM ('political', 'managerial', 'operational_network', 'working_group');
CREATE TYPE forum_member_role AS ENUM ('chair', 'vice_chair', 'secretary', 'member', 'deputy', 'expert');

CREATE TABLE forum (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL REFERENCES county (code),
  -- The coordinating party: its editors (and the forum's chair and secretary) manage the forum and its meetings.
  owner_party_id uuid NOT NULL REFERENCES party (id),
  name_fi text NOT NULL,
  name_sv text NOT NULL DEFAULT '',
  level standing_forum_level NOT NULL,
  -- A temporary working group ends; other forums may end too (NULL: standing).
  ends_on date,
  mandate_fi text NOT NULL DEFAULT '',
  mandate_sv text NOT NULL DEFAULT '',
  frequency forum_frequency NOT NULL,
  frequency_note_fi text NOT NULL DEFAULT '',
  frequency_note_sv text NOT NULL DEFAULT '',
  -- Public forums publish their agendas and minutes to everyone; internal ones to the region's parties only.
  is_public boolean NOT NULL DEFAULT false,
  -- The agreement forum line this forum was created from (moving forums out of agreements).
  source_agreement_forum_id uuid REFERENCES agreement_forum (id) ON DELETE SET NULL,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  CHECK (level <> 'working_group' OR ends_on IS NOT NULL)
);
CREATE INDEX idx_forum_county ON forum (county_code, name_fi);
CREATE INDEX idx_forum_owner ON forum (owner_party_id);
CREATE INDEX idx_forum_source ON forum (source_agreement_forum_id);

-- Members: a party (or a group of the region's parties) and/or a named person, with a role.
CREATE TABLE forum_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  forum_id uuid NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
  party_id uuid REFERENCES party (id),
  party_group text CHECK (party_group IN ('all', 'county', 'municipalities', 'regional_council')),
  person_name text,
  email text,
  -- The person's account, when they have one (found by e-mail): lets them see the forum's internal material.
  user_id uuid REFERENCES app_user (id),
  role forum_member_role NOT NULL,
  role_note_fi text NOT NULL DEFAULT '',
  role_note_sv text NOT NULL DEFAULT '',
  deputy_of uuid REFERENCES forum_member (id) ON DELETE SET NULL,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (party_id IS NULL OR party_group IS NULL),
  CHECK (party_id IS NOT NULL OR party_group IS NOT NULL OR person_name IS NOT NULL),
  CHECK (role <> 'deputy' OR deputy_of IS NOT NULL)
);
CREATE INDEX idx_forum_member_forum ON forum_member (forum_id, position);
CREATE INDEX idx_forum_member_user ON forum_member (user_id);
CREATE INDEX idx_forum_member_deputy ON forum_member (deputy_of);

ALTER TABLE agreement_forum ADD COLUMN standing_forum_id uuid REFERENCES forum (id) ON DELETE SET NULL;
CREATE INDEX idx_agreement_forum_standing ON agreement_forum (standing_forum_id);

-- Move the forums already in agreements.
INSERT INTO forum (county_code, owner_party_id, name_fi, name_sv, level, mandate_fi, mandate_sv, frequency,
                   frequency_note_fi, frequency_note_sv, source_agreement_forum_id, created_at, modified_at)
SELECT a.county_code, a.coordinating_party_id, af.name_fi, af.name_sv,
       CASE af.level WHEN 'political' THEN 'political'::standing_forum_level
                     WHEN 'managerial' THEN 'managerial'::standing_forum_level
                     ELSE 'operational_network'::standing_forum_level END,
       af.purpose_fi, af.purpose_sv, af.frequency, af.frequency_note_fi, af.frequency_note_sv, af.id, af.created_at, af.modified_at
  FROM agreement_forum af JOIN agreement a ON a.id = af.agreement_id;

INSERT INTO forum_member (forum_id, party_id, party_group, role, role_note_fi, role_note_sv, position, created_at)
SELECT f.id, m.party_id, m.party_group, 'member', m.role_fi, m.role_sv, m.position, m.created_at
  FROM agreement_forum_member m JOIN forum f ON f.source_agreement_forum_id = m.forum_id;

UPDATE agreement_forum af SET standing_forum_id = f.id FROM forum f WHERE f.source_agreement_forum_id = af.id;

-- Meetings of a forum. Times are instants (timestamptz); the product shows and takes them in Europe/Helsinki.
CREATE TYPE meeting_state AS ENUM ('planned', 'invited', 'held', 'minutes_approved', 'published', 'cancelled');

CREATE TABLE meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  forum_id uuid NOT NULL REFERENCES forum (id),
  title_fi text NOT NULL,
  title_sv text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '',
  online_url text NOT NULL DEFAULT '',
  -- negotiation_14 (hyvinvointialuelaki 14 §), health_promotion_7 (sote-järjestämislaki 7 §), seminar, regular.
  kinds text[] NOT NULL DEFAULT '{}',
  state meeting_state NOT NULL DEFAULT 'planned',
  -- iCalendar identity: one UID for the meeting's life, SEQUENCE raised on every change sent to invitees.
  ical_uid text NOT NULL UNIQUE,
  ical_sequence integer NOT NULL DEFAULT 0,
  -- Why it was last rescheduled or cancelled.
  change_reason text NOT NULL DEFAULT '',
  cancelled_at timestamptz,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (kinds <@ ARRAY['negotiation_14', 'health_promotion_7', 'seminar', 'regular']::text[])
);
CREATE INDEX idx_meeting_forum ON meeting (forum_id, starts_at);
CREATE INDEX idx_meeting_starts ON meeting (starts_at);
