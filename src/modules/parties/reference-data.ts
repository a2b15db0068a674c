import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { PARTY_LANGUAGES, businessIdProblem, type PartyLanguage } from './party.ts';

/** The reference files shipped in db/reference (copied from Statistics Finland data; see SOURCES.md). */
export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/reference');

export interface MunicipalityRecord {
  line: number;
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  regionCode: string;
  countyCode: string | null;
  population: number | null;
  populationYear: number | null;
  language: PartyLanguage;
  sotkanetId: number | null;
}

export interface MergerRecord {
  line: number;
  effectiveDate: string;
  oldCode: string;
  newCode: string;
  /** merged_into_existing (default) | merged_into_new | code_change | split */
  change: string;
  oldNameFi: string;
  newNameFi: string;
}

export const MUNICIPALITY_CHANGES = ['merged_into_existing', 'merged_into_new', 'code_change', 'split'] as const;

type Raw = Record<string, string>;

/**
 * Parses CSV text into records keyed by header. A malformed file (wrong quoting, a row with a different
 * number of fields, a missing column) is rejected whole with issues naming line and column.
 */
export function parseCsv(text: string, required: readonly string[], fileLabel: string): { line: number; raw: Raw }[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: Raw; info: { lines: number } }[];
  try {
    records = parse(source, { columns: true, delimiter, skip_empty_lines: true, trim: true, info: true }) as never;
  } catch (e) {
    const err = e as { lines?: number; column?: number | string | null; code?: string; record?: unknown; columns?: unknown };
    // A row with more fields than the header has no column name: name the first extra field by its position.
    const column =
      err.column ?? (Array.isArray(err.record) && Array.isArray(err.columns) ? err.columns.length + 1 : undefined);
    throw invalid(
      [
        {
          field: fileLabel,
          code: 'csv_malformed',
          params: { line: err.lines ?? 0, column: String(column ?? '?'), reason: String(err.code ?? 'CSV') },
        },
      ],
      'reference.file_malformed',
    );
  }
  const header = firstLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ''));
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw invalid(
      missing.map((c) => ({ field: fileLabel, code: 'csv_missing_column', params: { line: 1, column: c } })),
      'reference.file_malformed',
    );
  }
  return records.map((r) => ({ line: r.info.lines, raw: r.record }));
}

const MUNICIPALITY_COLUMNS = ['code', 'name_fi', 'name_sv', 'region_code'] as const;

export function parseMunicipalities(
  text: string,
  known: { regions: ReadonlySet<string>; counties: ReadonlySet<string> },
  fileLabel = 'file',
): MunicipalityRecord[] {
  const rows = parseCsv(text, MUNICIPALITY_COLUMNS, fileLabel);
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const out: MunicipalityRecord[] = [];
  const bad = (line: number, column: string, code: string, value = '') =>
    issues.push({ field: fileLabel, code, params: { line, column, value } });
  for (const { line, raw } of rows) {
    const code = raw.code ?? '';
    if (!/^\d{3}$/.test(code)) bad(line, 'code', 'csv_bad_municipality_code', code);
    else if (seen.has(code)) bad(line, 'code', 'csv_duplicate_code', code);
    seen.set(code, line);
    if (!raw.name_fi) bad(line, 'name_fi', 'csv_required');
    if (!raw.name_sv) bad(line, 'name_sv', 'csv_required');
    const regionCode = raw.region_code ?? '';
    if (!known.regions.has(regionCode)) bad(line, 'region_code', 'csv_unknown_region', regionCode);
    const countyCode = raw.county_code ? raw.county_code : null;
    if (countyCode !== null && !known.counties.has(countyCode)) bad(line, 'county_code', 'csv_unknown_county', countyCode);
    const population = raw.population ? Number(raw.population) : null;
    if (population !== null && !(Number.isInteger(population) && population >= 0))
      bad(line, 'population', 'csv_not_a_whole_number', raw.population ?? '');
    const populationYear = raw.population_year ? Number(raw.population_year) : null;
    if (populationYear !== null && !(Number.isInteger(populationYear) && populationYear > 1800 && populationYear < 2200))
      bad(line, 'population_year', 'csv_bad_year', raw.population_year ?? '');
    const language = (raw.language || 'fi') as PartyLanguage;
    if (!PARTY_LANGUAGES.includes(language)) bad(line, 'language', 'csv_bad_language', raw.language ?? '');
    const sotkanet = raw.sotkanet_id_2015 ? Number(raw.sotkanet_id_2015) : null;
    out.push({
      line,
      code,
      nameFi: raw.name_fi ?? '',
      nameSv: raw.name_sv ?? '',
      nameEn: raw.name_en || raw.name_fi || '',
      regionCode,
      countyCode,
      population,
      populationYear,
      language,
      sotkanetId: sotkanet !== null && Number.isInteger(sotkanet) ? sotkanet : null,
    });
  }
  if (issues.length) throw invalid(issues, 'reference.file_invalid');
  return out;
}

export function parseMergers(text: string, fileLabel = 'changes'): MergerRecord[] {
  const rows = parseCsv(text, ['effective_date', 'old_code', 'new_code'], fileLabel);
  const issues: FieldIssue[] = [];
  const out: MergerRecord[] = [];
  for (const { line, raw } of rows) {
    const d = raw.effective_date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)))
      issues.push({ field: fileLabel, code: 'csv_bad_date', params: { line, column: 'effective_date', value: d } });
    for (const c of ['old_code', 'new_code'] as const) {
      if (!/^\d{3}$/.test(raw[c] ?? ''))
        issues.push({ field: fileLabel, code: 'csv_bad_municipality_code', params: { line, column: c, value: raw[c] ?? '' } });
    }
    const change = raw.change || 'merged_into_existing';
    if (!(MUNICIPALITY_CHANGES as readonly string[]).includes(change))
      issues.push({ field: fileLabel, code: 'csv_bad_change', params: { line, column: 'change', value: change } });
    if (raw.old_code && raw.old_code === raw.new_code)
      issues.push({ field: fileLabel, code: 'csv_bad_municipality_code', params: { line, column: 'new_code', value: raw.new_code } });
    out.push({ line, effectiveDate: d, oldCode: raw.old_code ?? '', newCode: raw.new_code ?? '', change, oldNameFi: raw.old_name_fi ?? '', newNameFi: raw.new_name_fi ?? '' });
  }
  if (issues.length) throw invalid(issues, 'reference.file_invalid');
  return out;
}

export interface ReferenceBundle {
  regions: Raw[];
  counties: Raw[];
  councils: Raw[];
  municipalities: MunicipalityRecord[];
  businessIds: Map<string, { businessId: string; evidence: string }>;
}

/** Reads the shipped reference files. Every Business ID is checked; a bad one is dropped, not trusted. */
export function readShippedReference(dir = REFERENCE_DIR): ReferenceBundle {
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  const regions = parseCsv(read('regions.csv'), ['code', 'name_fi'], 'regions.csv').map((r) => r.raw);
  const counties = parseCsv(read('counties.csv'), ['code', 'name_fi'], 'counties.csv').map((r) => r.raw);
  const councils = parseCsv(read('regional_councils.csv'), ['region_code', 'code'], 'regional_councils.csv').map((r) => r.raw);
  const municipalities = parseMunicipalities(
    read('municipalities.csv'),
    { regions: new Set(regions.map((r) => r.code!)), counties: new Set(counties.map((c) => c.code!)) },
    'municipalities.csv',
  );
  const businessIds = new Map<string, { businessId: string; evidence: string }>();
  for (const { raw } of parseCsv(read('business_ids.csv'), ['kind', 'code', 'business_id'], 'business_ids.csv')) {
    if (raw.business_id && businessIdProblem(raw.business_id) === null) {
      businessIds.set(raw.code!, { businessId: raw.business_id, evidence: raw.evidence ?? '' });
    }
  }
  return { regions, counties, councils, municipalities, businessIds };
}
