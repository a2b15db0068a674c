-- Indicators of the shared situational picture: a catalogue (THL Sotkanet, Statistics Finland StatFin, a
-- party's own data), a snapshot of Sotkanet's regions, the values (sized for ~10 million rows) and a log of
-- imports. Values are written only by the importers in src/modules/indicators (batches of INSERT … SELECT FROM
-- unnest(…) ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM), so re-importing the same file changes nothing.
-- See docs/indicators.md.

CREATE TYPE indicator_source AS ENUM ('sotkanet', 'statfin', 'custom');
CREATE TYPE indicator_direction AS ENUM ('higher_is_better', 'lower_is_better', 'neutral');
CREATE TYPE indicator_area_type AS ENUM ('municipality', 'county', 'region', 'country');
CREATE TYPE indicator_gender AS ENUM ('total', 'male', 'female');

CREATE TABLE indicator (
  -- 'sotkanet:127', 'statfin:11ra:vaesto', 'custom:<key>'
  id text PRIMARY KEY CHECK (id ~ '^(sotkanet|statfin|custom):[A-Za-z0-9_.:-]+$'),
  -- Compact key used by indicator_value (4 bytes instead of the text id on every one of millions of rows).
  num integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  source indicator_source NOT NULL,
  source_id text NOT NULL,
  title_fi text NOT NULL,
  title_sv text NOT NULL DEFAULT '',
  title_en text NOT NULL DEFAULT '',
  description_fi text NOT NULL DEFAULT '',
  description_sv text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  -- The source's unit: a Sotkanet primaryValueType code (LKM, PROS, PER1000, …) or a StatFin unit text.
  unit text NOT NULL DEFAULT '',
  decimals smallint NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  direction indicator_direction NOT NULL DEFAULT 'neutral',
  -- Counts (population, number of visits) can be added across areas; rates and shares cannot. Decides how a
  -- merged municipality's value is combined with its successor's (see merge.ts).
  additive boolean NOT NULL DEFAULT false,
  organisation text NOT NULL DEFAULT '',
  -- A custom indicator belongs to one party, whose editors may import its values for their own area.
  owner_party_id uuid REFERENCES party (id),
  data_updated date,
  licence text NOT NULL DEFAULT '',
  attribution text NOT NULL DEFAULT '',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_id),
  CHECK (source = 'custom' OR owner_party_id IS NULL)
);
CREATE INDEX idx_indicator_owner ON indicator (owner_party_id) WHERE owner_party_id IS NOT NULL;

-- THL Sotkanet's /regions, as last fetched or imported. Data rows name Sotkanet's internal region id; this
-- snapshot turns it into an official code (KUNTA '091', HYVINVOINTIALUE '19', MAAKUNTA '17', MAA).
CREATE TABLE sotkanet_region (
  sotkanet_id integer PRIMARY KEY,
  code text NOT NULL,
  category text NOT NULL,
  title_fi text NOT NULL DEFAULT '',
  title_sv text NOT NULL DEFAULT '',
  title_en text NOT NULL DEFAULT '',
  uri text,
  member_of integer[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_sotkanet_region_category ON sotkanet_region (category, code);

-- One row per import attempt. A rejected file leaves its report here and nothing else.
-- bigint id (not uuid): every value row carries it, 8 bytes instead of 16.
CREATE TABLE indicator_import (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL,
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('imported', 'rejected')),
  party_id uuid REFERENCES party (id),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  rows_read integer NOT NULL DEFAULT 0,
  rows_inserted integer NOT NULL DEFAULT 0,
  rows_updated integer NOT NULL DEFAULT 0,
  rows_unchanged integer NOT NULL DEFAULT 0,
  rows_skipped integer NOT NULL DEFAULT 0,
  -- { issues: [{line, code, params}], issueCount, ignored: {reason: count}, merged, indicators: [ids] }
  report jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_label text NOT NULL,
  actor_user_id uuid REFERENCES app_user (id)
);
CREATE INDEX idx_indicator_import_started ON indicator_import (started_at DESC);

-- The values. Columns ordered for alignment (8-byte, then 4, 2, variable) to keep rows small.
-- Area codes: municipality '091', county 'HVA19', region '17', country 'FI' (the formats never collide).
-- No foreign keys on indicator_num and import_id: a row-level RI check per value made a 1,000,000-row import
-- several times slower. Only the importers write here, taking indicator_num from the catalogue and import_id
-- from the log row they insert in the same transaction; catalogue entries and log rows are never deleted.
CREATE TABLE indicator_value (
  value double precision NOT NULL,
  abs_value double precision,
  import_id bigint NOT NULL,
  indicator_num integer NOT NULL,
  area_type indicator_area_type NOT NULL,
  gender indicator_gender NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  area_code text NOT NULL,
  -- Provenance: the merged municipality code(s) whose value was mapped onto area_code ('588' → '507').
  source_area_code text,
  PRIMARY KEY (indicator_num, area_type, area_code, year, gender)
);
-- Dashboards ask "every indicator for this area (and years)".
CREATE INDEX idx_indicator_value_area ON indicator_value (area_code, indicator_num, year);
