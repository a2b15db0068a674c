-- Legal obligations monitor (src/modules/obligations). The catalogue is shipped reference data in code
-- (catalogue.ts, versioned); here is the evidence that obligations were met, and the reminders sent.
-- Evidence is never deleted: annulling keeps the row (annulled_at, annul_reason) and every change is audited.

-- A recorded negotiation (14 § / 7 §): date, participants (the parties that took part) and the minutes file.
CREATE TABLE obligation_negotiation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL REFERENCES county (code),
  obligation_code text NOT NULL,
  held_on date NOT NULL,
  title text NOT NULL,
  minutes bytea,
  minutes_file_name text,
  minutes_media_type text,
  minutes_sha256 text,
  annulled_at timestamptz,
  annul_reason text,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_obligation_negotiation_county ON obligation_negotiation (county_code, obligation_code, held_on);

CREATE TABLE obligation_negotiation_participant (
  negotiation_id uuid NOT NULL REFERENCES obligation_negotiation (id) ON DELETE CASCADE,
  party_id uuid NOT NULL REFERENCES party (id),
  PRIMARY KEY (negotiation_id, party_id)
);

-- An uploaded document (a welfare report, PDF or DOCX checked by content) with its approval decision record.
CREATE TABLE obligation_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  party_id uuid NOT NULL REFERENCES party (id),
  obligation_code text NOT NULL,
  period_key text NOT NULL CHECK (period_key ~ '^(term|year):[0-9]{4}$'),
  title text NOT NULL,
  content bytea NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  sha256 text NOT NULL,
  decision_body text NOT NULL,
  decision_date date NOT NULL,
  decision_section text NOT NULL,
  annulled_at timestamptz,
  annul_reason text,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_obligation_document_party ON obligation_document (party_id, obligation_code, period_key);

-- Each reminder once: per obligation, period, party and kind (90/30 days before, passed).
CREATE TABLE obligation_reminder (
  obligation_code text NOT NULL,
  period_key text NOT NULL,
  party_id uuid NOT NULL REFERENCES party (id),
  kind text NOT NULL CHECK (kind IN ('before_90', 'before_30', 'passed')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (obligation_code, period_key, party_id, kind)
);
