import type { Sql } from '#platform/db/db.ts';

export async function insertRegions(sql: Sql, rows: object[]): Promise<void> {
  await sql.query(
    `INSERT INTO region (code, statfin_code, name_fi, name_sv, name_en, iso_3166_2, population, population_year)
     SELECT code, statfin_code, name_fi, name_sv, name_en, iso_3166_2, population, population_year
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, statfin_code text, name_fi text, name_sv text, name_en text,
            iso_3166_2 text, population int, population_year int)`,
    [JSON.stringify(rows)],
  );
}

export async function insertCounties(sql: Sql, rows: object[]): Promise<void> {
  await sql.query(
    `INSERT INTO county (code, statfi_class_code, name_fi, name_sv, name_en, short_name_fi, short_name_sv, region_code,
        collaborative_area_code, collaborative_area_name_fi, sotkanet_id, population, population_year)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, statfi_class_code text, name_fi text, name_sv text,
        name_en text, short_name_fi text, short_name_sv text, region_code text, collaborative_area_code text,
        collaborative_area_name_fi text, sotkanet_id int, population int, population_year int)`,
    [JSON.stringify(rows)],
  );
}

export interface NewPartyRow {
  type: string;
  code: string;
  business_id: string | null;
  business_id_source: string | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  language: string;
  region_code: string | null;
  county_code: string | null;
  population: number | null;
  population_year: number | null;
  sotkanet_id: number | null;
}

export async function insertParties(sql: Sql, rows: NewPartyRow[], now: Date): Promise<{ id: string; code: string }[]> {
  return sql.query<{ id: string; code: string }>(
    `INSERT INTO party (type, code, business_id, business_id_source, name_fi, name_sv, name_en, language, region_code,
        county_code, population, population_year, sotkanet_id, created_at, modified_at)
     SELECT type::party_type, code, business_id, business_id_source, name_fi, name_sv, name_en, language::party_language,
        region_code, county_code, population, population_year, sotkanet_id, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(type text, code text, business_id text, business_id_source text,
        name_fi text, name_sv text, name_en text, language text, region_code text, county_code text, population int,
        population_year int, sotkanet_id int)
     RETURNING id, code`,
    [JSON.stringify(rows), now],
  );
}

export async function knownAreaCodes(sql: Sql): Promise<{ regions: Set<string>; counties: Set<string> }> {
  const regions = await sql.query<{ code: string }>('SELECT code FROM region');
  const counties = await sql.query<{ code: string }>('SELECT code FROM county');
  return { regions: new Set(regions.map((r) => r.code)), counties: new Set(counties.map((c) => c.code)) };
}

export interface MunicipalityStateRow {
  id: string;
  code: string;
  type: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  region_code: string | null;
  county_code: string | null;
  population: number | null;
  population_year: number | null;
  language: string;
  ended_on: string | null;
  [k: string]: unknown;
}

export async function activeMunicipalities(sql: Sql): Promise<MunicipalityStateRow[]> {
  return sql.query<MunicipalityStateRow>(
    `SELECT id, code, type::text, name_fi, name_sv, name_en, region_code, county_code, population, population_year,
            language::text, ended_on
       FROM party WHERE type IN ('municipality', 'city_of_helsinki') AND ended_on IS NULL`,
  );
}

export async function updateMunicipalityFromReference(
  sql: Sql,
  id: string,
  f: {
    nameFi: string;
    nameSv: string;
    nameEn: string;
    regionCode: string;
    countyCode: string | null;
    population: number | null;
    populationYear: number | null;
    language: string;
  },
  now: Date,
): Promise<void> {
  await sql.query(
    `UPDATE party SET name_fi = $2, name_sv = $3, name_en = $4, region_code = $5, county_code = $6, population = $7,
        population_year = $8, language = $9::party_language, row_version = row_version + 1, modified_at = $10
      WHERE id = $1`,
    [id, f.nameFi, f.nameSv, f.nameEn, f.regionCode, f.countyCode, f.population, f.populationYear, f.language, now],
  );
}

export async function endPartyByMerger(sql: Sql, id: string, endedOn: string, successorId: string, now: Date) {
  await sql.query(
    `UPDATE party SET ended_on = $2, successor_id = $3, row_version = row_version + 1, modified_at = $4 WHERE id = $1`,
    [id, endedOn, successorId, now],
  );
}

export async function insertReferenceImport(sql: Sql, source: string, summary: object, now: Date): Promise<void> {
  await sql.query('INSERT INTO reference_import (imported_at, source, summary) VALUES ($1, $2, $3)', [
    now,
    source,
    JSON.stringify(summary),
  ]);
}

/**
 * Stores the change history given to import-reference (municipality_change; the indicator importers read it
 * with the shipped history). Returns how many rows were new or changed.
 */
export async function upsertMunicipalityChanges(
  tx: Sql,
  changes: readonly { effectiveDate: string; oldCode: string; newCode: string; change: string; oldNameFi: string; newNameFi: string }[],
  source: string,
): Promise<number> {
  if (changes.length === 0) return 0;
  const rows = await tx.query<{ n: number }>(
    `WITH u AS (
       INSERT INTO municipality_change (old_code, new_code, effective_date, change, old_name_fi, new_name_fi, source)
       SELECT x.old_code, x.new_code, x.effective_date::date, x.change, x.old_name_fi, x.new_name_fi, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(old_code text, new_code text, effective_date text, change text, old_name_fi text, new_name_fi text)
       ON CONFLICT (old_code, new_code) DO UPDATE
          SET effective_date = excluded.effective_date, change = excluded.change, old_name_fi = excluded.old_name_fi,
              new_name_fi = excluded.new_name_fi, source = excluded.source
        WHERE (municipality_change.effective_date, municipality_change.change, municipality_change.old_name_fi, municipality_change.new_name_fi)
              IS DISTINCT FROM (excluded.effective_date, excluded.change, excluded.old_name_fi, excluded.new_name_fi)
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM u`,
    [
      JSON.stringify(
        changes.map((c) => ({ old_code: c.oldCode, new_code: c.newCode, effective_date: c.effectiveDate, change: c.change, old_name_fi: c.oldNameFi, new_name_fi: c.newNameFi })),
      ),
      source,
    ],
  );
  return rows[0]?.n ?? 0;
}
