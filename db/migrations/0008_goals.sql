-- Shared, measurable goals of a cooperation agreement and their monitoring:
-- agreement_area → goal (optionally from an agreement_section) → goal_measure (toimenpide, owned by parties of
-- the agreement) → goal_measure_indicator (a catalogue indicator with a baseline and a target).
-- Owners post updates on their measures; values pushed by owners (form or API) are kept here, next to the
-- catalogue's values, which this module only reads.

CREATE TYPE goal_measure_status AS ENUM ('not_started', 'on_track', 'at_risk', 'late', 'done');
CREATE TYPE goal_indicator_scope AS ENUM ('each_municipality', 'county', 'whole_region');

CREATE TABLE goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  -- RESTRICT: an area with goals cannot be removed before its goals are.
  area_id uuid NOT NULL REFERENCES agreement_area (id) ON DELETE RESTRICT,
  section_id uuid REFERENCES agreement_section (id) ON DELETE SET NULL,
  position integer NOT NULL DEFAULT 0,
  title_fi text NOT NULL,
  title_sv text NOT NULL DEFAULT '',
  description_fi text NOT NULL DEFAULT '',
  description_sv text NOT NULL DEFAULT '',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_goal_agreement ON goal (agreement_id, area_id, position);
CREATE INDEX idx_goal_section ON goal (section_id) WHERE section_id IS NOT NULL;

CREATE TABLE goal_measure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  goal_id uuid NOT NULL REFERENCES goal (id),
  position integer NOT NULL DEFAULT 0,
  title_fi text NOT NULL,
  title_sv text NOT NULL DEFAULT '',
  -- Responsible body or role, as text ('Hyvinvointikoordinaattori').
  responsible text NOT NULL DEFAULT '',
  starts_on date,
  due_on date CHECK (due_on IS NULL OR starts_on IS NULL OR due_on >= starts_on),
  status goal_measure_status NOT NULL DEFAULT 'not_started',
  -- Only for the parties of the agreement; never on public pages or in the public API.
  internal_notes text NOT NULL DEFAULT '',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_goal_measure_goal ON goal_measure (goal_id, position);

CREATE TABLE goal_measure_owner (
  measure_id uuid NOT NULL REFERENCES goal_measure (id) ON DELETE CASCADE,
  party_id uuid NOT NULL REFERENCES party (id),
  PRIMARY KEY (measure_id, party_id)
);
CREATE INDEX idx_goal_measure_owner_party ON goal_measure_owner (party_id);

CREATE TABLE goal_measure_indicator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL REFERENCES goal_measure (id),
  indicator_id text NOT NULL REFERENCES indicator (id),
  scope goal_indicator_scope NOT NULL,
  baseline_year smallint NOT NULL CHECK (baseline_year BETWEEN 1900 AND 2200),
  baseline_value double precision NOT NULL,
  target_year smallint NOT NULL CHECK (target_year BETWEEN 1900 AND 2200),
  target_value double precision NOT NULL,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  CHECK (target_year >= baseline_year)
);
CREATE INDEX idx_goal_measure_indicator_measure ON goal_measure_indicator (measure_id);
CREATE INDEX idx_goal_measure_indicator_indicator ON goal_measure_indicator (indicator_id);

-- Values pushed by a measure's owners for one area and date (form or API). One per link, area and date.
CREATE TABLE goal_indicator_value (
  link_id uuid NOT NULL REFERENCES goal_measure_indicator (id),
  area_code text NOT NULL,
  observed_on date NOT NULL,
  value double precision NOT NULL,
  party_id uuid NOT NULL REFERENCES party (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (link_id, area_code, observed_on)
);

-- Periodic updates by a measure's owners: text and status, optionally with a value.
CREATE TABLE goal_measure_update (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL REFERENCES goal_measure (id),
  party_id uuid NOT NULL REFERENCES party (id),
  status goal_measure_status NOT NULL,
  body text NOT NULL DEFAULT '',
  link_id uuid REFERENCES goal_measure_indicator (id),
  area_code text,
  observed_on date,
  value double precision,
  author_user_id uuid REFERENCES app_user (id),
  author_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((value IS NULL) = (link_id IS NULL) AND (value IS NULL) = (observed_on IS NULL) AND (value IS NULL) = (area_code IS NULL))
);
CREATE INDEX idx_goal_measure_update_measure ON goal_measure_update (measure_id, created_at DESC);
