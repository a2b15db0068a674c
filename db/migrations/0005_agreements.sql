-- Strategic cooperation agreements (strateginen yhteistyösopimus), first half: drafting, structure,
-- published versions and the comment round (lausuntokierros). The second half (decisions, signatures,
-- entry into force) builds on agreement.status, agreement.approval_version_id and agreement_version.

-- draft → comment_round → in_approval → signed_by_all → in_force → expired | superseded
-- (the allowed transitions live in src/modules/agreements/agreement.ts).
CREATE TYPE agreement_status AS ENUM ('draft', 'comment_round', 'in_approval', 'signed_by_all', 'in_force', 'expired', 'superseded');
-- 'all_approved_and_signed': in force when every party's competent body has approved it and every party
-- has signed, from the later of the last signature and the start date.
CREATE TYPE agreement_entry_rule AS ENUM ('all_approved_and_signed');
CREATE TYPE forum_level AS ENUM ('political', 'managerial', 'operational');
CREATE TYPE forum_frequency AS ENUM ('once_per_council_term', 'yearly', 'quarterly', 'monthly', 'as_needed');
CREATE TYPE agreement_comment_kind AS ENUM ('comment', 'statement');
CREATE TYPE agreement_comment_answer AS ENUM ('accepted', 'partly_accepted', 'not_accepted');

-- One agreement of one cooperation region (county code; the county, its municipalities, its regional council).
CREATE TABLE agreement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL REFERENCES county (code),
  title_fi text NOT NULL,
  title_sv text NOT NULL DEFAULT '',
  status agreement_status NOT NULL DEFAULT 'draft',
  valid_from date NOT NULL,
  -- NULL: until further notice (toistaiseksi).
  valid_until date CHECK (valid_until IS NULL OR valid_until >= valid_from),
  entry_rule agreement_entry_rule NOT NULL DEFAULT 'all_approved_and_signed',
  predecessor_id uuid REFERENCES agreement (id) CHECK (predecessor_id IS NULL OR predecessor_id <> id),
  -- The party whose editors draft the agreement and publish versions (by default the county).
  coordinating_party_id uuid NOT NULL REFERENCES party (id),
  -- Second half: the published version sent to the parties' decision-makers (signatures bind to its hash).
  approval_version_id uuid,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_agreement_county ON agreement (county_code);
CREATE INDEX idx_agreement_predecessor ON agreement (predecessor_id);

CREATE TABLE agreement_party (
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  party_id uuid NOT NULL REFERENCES party (id),
  PRIMARY KEY (agreement_id, party_id)
);
CREATE INDEX idx_agreement_party_party ON agreement_party (party_id);

-- The working draft: ordered sections, Markdown bodies (safe subset, rendered on the server).
CREATE TABLE agreement_section (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  position integer NOT NULL,
  -- Key of the template section it came from ('legal_basis', …); NULL for sections the region added.
  template_key text,
  heading_fi text NOT NULL,
  heading_sv text NOT NULL DEFAULT '',
  body_fi text NOT NULL DEFAULT '',
  body_sv text NOT NULL DEFAULT '',
  modified_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_agreement_section_agreement ON agreement_section (agreement_id, position);

-- Cooperation areas (yhteistyön osa-alueet) with the responsible party or body on each side.
CREATE TABLE agreement_area (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  position integer NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL DEFAULT '',
  description_fi text NOT NULL DEFAULT '',
  description_sv text NOT NULL DEFAULT '',
  county_side_fi text NOT NULL DEFAULT '',
  county_side_sv text NOT NULL DEFAULT '',
  municipal_side_fi text NOT NULL DEFAULT '',
  municipal_side_sv text NOT NULL DEFAULT '',
  regional_council_side_fi text NOT NULL DEFAULT '',
  regional_council_side_sv text NOT NULL DEFAULT '',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_agreement_area_agreement ON agreement_area (agreement_id, position);

-- Forums and arenas (foorumit ja areenat).
CREATE TABLE agreement_forum (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  position integer NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL DEFAULT '',
  level forum_level NOT NULL,
  frequency forum_frequency NOT NULL,
  frequency_note_fi text NOT NULL DEFAULT '',
  frequency_note_sv text NOT NULL DEFAULT '',
  purpose_fi text NOT NULL DEFAULT '',
  purpose_sv text NOT NULL DEFAULT '',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_agreement_forum_agreement ON agreement_forum (agreement_id, position);

-- Members of a forum: one party, or a group of the agreement's parties, and a free-text role.
CREATE TABLE agreement_forum_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  forum_id uuid NOT NULL REFERENCES agreement_forum (id) ON DELETE CASCADE,
  party_id uuid REFERENCES party (id),
  party_group text CHECK (party_group IN ('all', 'county', 'municipalities', 'regional_council')),
  role_fi text NOT NULL,
  role_sv text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((party_id IS NULL) <> (party_group IS NULL))
);
CREATE INDEX idx_agreement_forum_member_forum ON agreement_forum_member (forum_id);

-- Published versions: immutable. `canonical` is the canonical JSON serialisation (sorted keys, NFC text) of
-- the snapshot; `sha256` is its hash (checked here) — signatures bind to it later.
CREATE TABLE agreement_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  number integer NOT NULL CHECK (number >= 1),
  -- Handling stage, e.g. 'Kuntajohtajafoorumi 14.9.2023'.
  label text NOT NULL,
  canonical text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 = encode(sha256(convert_to(canonical, 'UTF8')), 'hex')),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES app_user (id),
  UNIQUE (agreement_id, number)
);

CREATE FUNCTION agreement_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'agreement_version is immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER agreement_version_no_update BEFORE UPDATE OR DELETE ON agreement_version
  FOR EACH ROW EXECUTE FUNCTION agreement_version_is_immutable();
CREATE TRIGGER agreement_version_no_truncate BEFORE TRUNCATE ON agreement_version
  FOR EACH STATEMENT EXECUTE FUNCTION agreement_version_is_immutable();

ALTER TABLE agreement ADD CONSTRAINT agreement_approval_version_fk FOREIGN KEY (approval_version_id) REFERENCES agreement_version (id);

-- A region's own template (sovellettu mallipohja): ordered sections as JSON [{key, heading:{fi,sv}, body:{fi,sv}}].
CREATE TABLE agreement_template (
  county_code text PRIMARY KEY REFERENCES county (code),
  sections jsonb NOT NULL,
  modified_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);

-- Comment round on one published version, open until the end of `deadline` (Helsinki date) or until closed.
CREATE TABLE agreement_comment_round (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  version_id uuid NOT NULL REFERENCES agreement_version (id),
  deadline date NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by uuid REFERENCES app_user (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX uniq_agreement_comment_round_open ON agreement_comment_round (agreement_id) WHERE closed_at IS NULL;
CREATE INDEX idx_agreement_comment_round_version ON agreement_comment_round (version_id);

-- Comments of the parties, on one section (id in the version's snapshot) or on the whole (section_id NULL),
-- and each party's official statement (lausunto): at most one in force per party and round.
CREATE TABLE agreement_comment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES agreement_comment_round (id),
  party_id uuid NOT NULL REFERENCES party (id),
  kind agreement_comment_kind NOT NULL,
  section_id uuid,
  lang text NOT NULL DEFAULT 'fi' CHECK (lang IN ('fi', 'sv')),
  body text NOT NULL,
  author_user_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES app_user (id),
  replaces_id uuid REFERENCES agreement_comment (id),
  answer agreement_comment_answer,
  answer_reasoning text NOT NULL DEFAULT '',
  answered_at timestamptz,
  answered_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX idx_agreement_comment_round ON agreement_comment (round_id, created_at);
CREATE UNIQUE INDEX uniq_agreement_statement_in_force ON agreement_comment (round_id, party_id)
  WHERE kind = 'statement' AND withdrawn_at IS NULL;

-- "Version N was presented in forum X on date D."
CREATE TABLE agreement_presentation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  version_id uuid NOT NULL REFERENCES agreement_version (id),
  forum_id uuid REFERENCES agreement_forum (id) ON DELETE SET NULL,
  forum_name text NOT NULL,
  presented_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES app_user (id)
);
CREATE INDEX idx_agreement_presentation_agreement ON agreement_presentation (agreement_id, presented_on);
