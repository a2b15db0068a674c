-- Issue 9: indicator values for a period within the year, and the municipal change history updatable by
-- `import-reference --changes` (the shipped history, db/reference/municipality_changes.csv, is read from the file).

-- A value of a quarterly or monthly table (StatFin JSON-stat) stands for its year by the rule in
-- docs/indicators.md ("Periods": the year's last period, e.g. year-end stock 2024M12); the period it was taken
-- from is kept with it. NULL: the calendar year itself (every yearly source).
ALTER TABLE indicator_value ADD COLUMN period text CHECK (period ~ '^[0-9]{4}(Q[1-4]|M(0[1-9]|1[0-2]))$');

-- Whole-municipality changes beyond the shipped ones (or corrections), as Statistics Finland publishes them:
-- the old code ceased to exist on effective_date and became (part of) new_code.
CREATE TABLE municipality_change (
  old_code text NOT NULL CHECK (old_code ~ '^[0-9]{3}$'),
  new_code text NOT NULL CHECK (new_code ~ '^[0-9]{3}$'),
  effective_date date NOT NULL,
  change text NOT NULL DEFAULT 'merged_into_existing'
    CHECK (change IN ('merged_into_existing', 'merged_into_new', 'code_change', 'split')),
  old_name_fi text NOT NULL DEFAULT '',
  new_name_fi text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (old_code, new_code),
  CHECK (old_code <> new_code)
);
