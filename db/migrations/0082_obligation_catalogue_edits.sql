-- Edits of the shipped obligation catalogue by platform administrators: the provision as cited, its Finlex link,
-- the quoted words and where they come from (e.g. when a provision is amended or renumbered). The shipped entry
-- (src/modules/obligations/catalogue.ts) is the default; an edit replaces these texts, and every edit raises the
-- catalogue's edition. Who is obliged, how often and what counts as evidence stay as shipped: they decide the
-- statuses, and change only with a new catalogue version in the code (with its tests).
CREATE TABLE obligation_catalogue_edit (
  obligation_code text PRIMARY KEY,
  law text NOT NULL,
  finlex_url text,
  quote text,
  source text NOT NULL,
  row_version integer NOT NULL DEFAULT 1 CHECK (row_version >= 1),
  modified_at timestamptz NOT NULL,
  CHECK (finlex_url IS NULL OR finlex_url LIKE 'https://%')
);
