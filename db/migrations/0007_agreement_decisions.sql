-- Agreements, second half: sending a version to the parties' decision-makers, each party's approval chain,
-- decision records (pykälät), signatures bound to the approval version's SHA-256, entry into force.
-- Rules live in src/modules/agreements/approval.ts.

-- Set when the last party completes its signatures (signed_by_all): the later of the last signature and
-- the start date. The status shown is computed from it with the clock (see currentStatus).
ALTER TABLE agreement ADD COLUMN enters_into_force_on date;
CREATE INDEX idx_agreement_status ON agreement (status);

CREATE TYPE approval_step_role AS ENUM ('propose', 'approve', 'take_note');
CREATE TYPE decision_outcome AS ENUM ('approved', 'approved_with_changes', 'rejected', 'tabled', 'returned_for_preparation');
CREATE TYPE signature_method AS ENUM ('in_product', 'wet_ink', 'e_signature');

-- Each time a version is sent to approval; returned_at when it came back to drafting. A version that was
-- ever sent is public (it went onto the parties' agendas).
CREATE TABLE agreement_approval_round (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  version_id uuid NOT NULL REFERENCES agreement_version (id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  sent_by uuid REFERENCES app_user (id),
  returned_at timestamptz,
  returned_by uuid REFERENCES app_user (id),
  return_reason text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX uniq_agreement_approval_round_open ON agreement_approval_round (agreement_id) WHERE returned_at IS NULL;
CREATE INDEX idx_agreement_approval_round_version ON agreement_approval_round (version_id);

-- Per agreement and party: signatures its hallintosääntö requires; row_version guards the chain editor.
CREATE TABLE agreement_party_approval (
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  party_id uuid NOT NULL REFERENCES party (id),
  required_signatures integer NOT NULL DEFAULT 1 CHECK (required_signatures BETWEEN 1 AND 5),
  modified_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  modified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agreement_id, party_id)
);

-- The party's approval chain: ordered steps, each a body of the party (party_body) or free text. Steps are
-- never deleted: a changed chain marks the old steps removed, so earlier decisions keep their step.
CREATE TABLE agreement_approval_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  party_id uuid NOT NULL REFERENCES party (id),
  position integer NOT NULL,
  body_id uuid REFERENCES party_body (id),
  body_kind text,
  body_fi text NOT NULL CHECK (body_fi <> ''),
  body_sv text NOT NULL DEFAULT '',
  role approval_step_role NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX idx_agreement_approval_step_party ON agreement_approval_step (agreement_id, party_id) WHERE removed_at IS NULL;

-- One handling of the agreement by one body of one party (a pykälä), on one version.
CREATE TABLE agreement_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  party_id uuid NOT NULL REFERENCES party (id),
  step_id uuid NOT NULL REFERENCES agreement_approval_step (id),
  version_id uuid NOT NULL REFERENCES agreement_version (id),
  body_fi text NOT NULL,
  body_sv text NOT NULL DEFAULT '',
  meeting_date date NOT NULL,
  -- § number as in the minutes ('89', '237'); free text diary number ('485/05.02.00/2023', '3635/2023').
  section text NOT NULL DEFAULT '',
  diary_number text NOT NULL DEFAULT '',
  preparer text NOT NULL DEFAULT '',
  presenter text NOT NULL DEFAULT '',
  proposal text NOT NULL DEFAULT '',
  decision text NOT NULL DEFAULT '',
  outcome decision_outcome NOT NULL,
  minutes_url text CHECK (minutes_url IS NULL OR minutes_url ~ '^https://'),
  -- Set when the body took up its earlier decision again (uudelleenkäsittely); this record replaces it.
  re_examines_id uuid REFERENCES agreement_decision (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES app_user (id)
);
CREATE INDEX idx_agreement_decision_party ON agreement_decision (agreement_id, party_id, meeting_date);

-- A signature binds the exact text: (version_id, sha256) must be a version and its own hash.
ALTER TABLE agreement_version ADD CONSTRAINT uniq_agreement_version_id_hash UNIQUE (id, sha256);

CREATE TABLE agreement_signature (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  party_id uuid NOT NULL REFERENCES party (id),
  version_id uuid NOT NULL,
  sha256 text NOT NULL,
  method signature_method NOT NULL,
  signer_name text NOT NULL CHECK (signer_name <> ''),
  signer_title text NOT NULL CHECK (signer_title <> ''),
  signed_on date NOT NULL,
  place text NOT NULL CHECK (place <> ''),
  -- Archive reference of the wet-ink original, or the e-signature service's document id.
  reference text NOT NULL DEFAULT '',
  -- In-product signatures: the signed-in person who signed.
  signer_user_id uuid REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES app_user (id),
  FOREIGN KEY (version_id, sha256) REFERENCES agreement_version (id, sha256),
  CHECK (method <> 'in_product' OR signer_user_id IS NOT NULL),
  CHECK (method <> 'e_signature' OR reference <> '')
);
CREATE INDEX idx_agreement_signature_party ON agreement_signature (agreement_id, party_id);

-- Decisions and signatures are records of what happened: never changed or removed.
CREATE FUNCTION agreement_record_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER agreement_decision_no_update BEFORE UPDATE OR DELETE ON agreement_decision
  FOR EACH ROW EXECUTE FUNCTION agreement_record_is_immutable();
CREATE TRIGGER agreement_signature_no_update BEFORE UPDATE OR DELETE ON agreement_signature
  FOR EACH ROW EXECUTE FUNCTION agreement_record_is_immutable();
