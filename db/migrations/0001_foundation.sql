-- Foundation: reference areas, parties, their bodies, accounts, sessions, tokens, audit, feedback.
-- Conventions: singular table names, uuid keys, timestamptz, text; see docs/architecture.md.

CREATE TYPE party_type AS ENUM ('municipality', 'wellbeing_services_county', 'city_of_helsinki', 'regional_council');
CREATE TYPE party_language AS ENUM ('fi', 'sv', 'fi-sv', 'sv-fi');
CREATE TYPE party_role AS ENUM ('admin', 'editor', 'approver', 'viewer');

-- Maakunta (region), Statistics Finland two-digit code ('01'..'21', no 03/20).
CREATE TABLE region (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  statfin_code text NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  iso_3166_2 text NOT NULL,
  population integer NOT NULL,
  population_year integer NOT NULL
);

-- Wellbeing services counties and the City of Helsinki ('HVA01'..'HVA21', 'HVA90'): each is the centre
-- of one cooperation region. region_code names the maakunta whose regional council takes part.
CREATE TABLE county (
  code text PRIMARY KEY CHECK (code ~ '^HVA[0-9]{2}$'),
  statfi_class_code text NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  short_name_fi text NOT NULL,
  short_name_sv text NOT NULL,
  region_code text NOT NULL REFERENCES region (code),
  collaborative_area_code text NOT NULL,
  collaborative_area_name_fi text NOT NULL,
  sotkanet_id integer,
  population integer NOT NULL,
  population_year integer NOT NULL
);
CREATE INDEX idx_county_region ON county (region_code);

CREATE TABLE party (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type party_type NOT NULL,
  -- Statistics Finland code: '091' for municipalities, 'HVA19' for counties, 'MK17' for regional councils.
  code text NOT NULL,
  business_id text CHECK (business_id IS NULL OR business_id ~ '^[0-9]{7}-[0-9]$'),
  business_id_source text,
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  language party_language NOT NULL,
  region_code text REFERENCES region (code),
  county_code text REFERENCES county (code),
  population integer,
  population_year integer,
  sotkanet_id integer,
  email text,
  phone text,
  street_address text,
  postal_code text,
  post_office text,
  website text,
  -- A merged municipality is kept with its history; ended_on and successor_id say what became of it.
  ended_on date,
  successor_id uuid REFERENCES party (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX uniq_party_code_active ON party (code) WHERE ended_on IS NULL;
CREATE INDEX idx_party_region ON party (region_code);
CREATE INDEX idx_party_county ON party (county_code);
CREATE INDEX idx_party_successor ON party (successor_id);
CREATE INDEX idx_party_type ON party (type);

-- Decision-making bodies of a party: kunnanvaltuusto, kunnanhallitus, lautakunnat, aluevaltuusto, …
CREATE TABLE party_body (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  party_id uuid NOT NULL REFERENCES party (id),
  kind text NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL DEFAULT '',
  name_en text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX idx_party_body_party ON party_body (party_id);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  title text,
  password_hash text,
  is_platform_admin boolean NOT NULL DEFAULT false,
  preferred_lang text NOT NULL DEFAULT 'fi' CHECK (preferred_lang IN ('fi', 'sv', 'en')),
  oidc_issuer text,
  oidc_subject text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX uniq_app_user_email ON app_user (lower(email));
CREATE UNIQUE INDEX uniq_app_user_oidc ON app_user (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A person may act for several parties, with one role in each.
CREATE TABLE membership (
  user_id uuid NOT NULL REFERENCES app_user (id),
  party_id uuid NOT NULL REFERENCES party (id),
  role party_role NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, party_id)
);
CREATE INDEX idx_membership_party ON membership (party_id);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE user_session (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  csrf_token text NOT NULL,
  auth_method text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX idx_user_session_user ON user_session (user_id);

-- API tokens for integrations: scoped to one party and one role, hashed at rest.
CREATE TABLE api_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  party_id uuid NOT NULL REFERENCES party (id),
  role party_role NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX idx_api_token_party ON api_token (party_id);

-- Append-only audit trail. The database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES app_user (id),
  actor_token_id uuid REFERENCES api_token (id),
  actor_label text NOT NULL,
  party_id uuid REFERENCES party (id),
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text
);
CREATE INDEX idx_audit_event_party_time ON audit_event (party_id, occurred_at DESC);
CREATE INDEX idx_audit_event_action ON audit_event (action);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Accessibility feedback (digipalvelulaki 306/2019: answer within 14 days).
CREATE TABLE accessibility_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  name text,
  email text,
  page_url text,
  message text NOT NULL,
  lang text NOT NULL,
  handled_at timestamptz,
  handled_by uuid REFERENCES app_user (id)
);

-- One row per reference data import (what file, what changed).
CREATE TABLE reference_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  imported_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  summary jsonb NOT NULL
);

-- Bumped by every committed change; public pages are cached by it.
CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO data_version (id, version) VALUES (true, 0);
