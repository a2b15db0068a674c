import { parse } from 'csv-parse/sync';
import { countIgnored, IssueList, type ImportIssue, type ParsedFile } from './import-report.ts';
import { CC_BY_4, COUNTRY_CODE, SOTKANET_ATTRIBUTION, parseDecimal, plainText, type Area, type Gender } from './indicator.ts';
import type { CatalogueUpsert } from './indicator-queries.ts';
import { topLevelElementLines } from './json-lines.ts';

/**
 * THL Sotkanet REST API v1.1 shapes (docs/domain.md §4.4):
 * - /regions  → [{ id, code, category, title: {fi, sv, en}, uri, memberOf: [ids] }]
 * - /indicators → [{ id, title: {…}, organization: { id, title: {…} } }]
 * - /indicators/{id} → { id, 'data-updated', title, description, primaryValueType: {code, title}, decimals, organization, … }
 * - /json → [{ indicator, region, year, gender, value, absValue? }]  (region = Sotkanet's internal id)
 * - /csv  → 'indicator;region;year;gender;primary value;absolute value', decimal comma possible
 */
export interface SotkanetRegion {
  id: number;
  code: string;
  category: string;
  title: { fi: string; sv: string; en: string };
  uri: string | null;
  memberOf: number[];
}

export interface SotkanetIndicatorMeta {
  sourceId: string;
  title: { fi: string; sv: string; en: string };
  /** Only in /indicators/{id}; undefined when the list was read. */
  description?: { fi: string; sv: string; en: string };
  unit?: string;
  decimals?: number;
  dataUpdated?: string | null;
  organisation: string;
}

export const SOTKANET_CSV_HEADER = ['indicator', 'region', 'year', 'gender', 'primary value', 'absolute value'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const localised = (v: unknown) => (isObject(v) ? { fi: text(v.fi), sv: text(v.sv), en: text(v.en) } : { fi: '', sv: '', en: '' });

/** Whole numbers as Sotkanet writes them: 127 or "127". */
function whole(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function parseJson(source: string): { value: unknown } | { issue: ImportIssue } {
  try {
    return { value: JSON.parse(source) };
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const pos = m ? Number(m[1]) : 0;
    const line = source.slice(0, pos).split('\n').length;
    return { issue: { line, code: 'json_malformed' } };
  }
}

/** Reads a stored or fetched /regions answer. A malformed entry is an issue naming its position. */
export function parseSotkanetRegions(source: string): { regions: SotkanetRegion[]; issues: ImportIssue[] } {
  const parsed = parseJson(source);
  if ('issue' in parsed) return { regions: [], issues: [parsed.issue] };
  if (!Array.isArray(parsed.value)) return { regions: [], issues: [{ line: 1, code: 'regions_not_an_array' }] };
  const lines = topLevelElementLines(source);
  const regions: SotkanetRegion[] = [];
  const issues: ImportIssue[] = [];
  parsed.value.forEach((r: unknown, i) => {
    const at = { line: lines[i] ?? 1, row: i + 1 };
    const id = isObject(r) ? whole(r.id) : undefined;
    if (!isObject(r) || id === undefined || text(r.code) === '' || text(r.category) === '') {
      issues.push({ ...at, code: 'region_malformed' });
      return;
    }
    regions.push({
      id,
      code: text(r.code),
      category: text(r.category).toUpperCase(),
      title: localised(r.title),
      uri: typeof r.uri === 'string' ? r.uri : null,
      memberOf: Array.isArray(r.memberOf) ? r.memberOf.map(whole).filter((n): n is number => n !== undefined) : [],
    });
  });
  return { regions, issues };
}

/** Reads /indicators (a list) or /indicators/{id} (one indicator's metadata). */
export function parseSotkanetIndicatorMeta(source: string): { metas: SotkanetIndicatorMeta[]; issues: ImportIssue[] } {
  const parsed = parseJson(source);
  if ('issue' in parsed) return { metas: [], issues: [parsed.issue] };
  const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const lines = Array.isArray(parsed.value) ? topLevelElementLines(source) : [1];
  const metas: SotkanetIndicatorMeta[] = [];
  const issues: ImportIssue[] = [];
  list.forEach((m: unknown, i) => {
    const id = isObject(m) ? whole(m.id) : undefined;
    const title = isObject(m) ? localised(m.title) : undefined;
    if (!isObject(m) || id === undefined || !title || title.fi === '') {
      issues.push({ line: lines[i] ?? 1, row: i + 1, code: 'indicator_meta_malformed' });
      return;
    }
    const org = isObject(m.organization) ? localised(m.organization.title).fi : '';
    const meta: SotkanetIndicatorMeta = { sourceId: String(id), title, organisation: org };
    if ('description' in m || 'primaryValueType' in m || 'decimals' in m || 'data-updated' in m) {
      const d = localised(m.description);
      meta.description = { fi: plainText(d.fi), sv: plainText(d.sv), en: plainText(d.en) };
      meta.unit = isObject(m.primaryValueType) ? text(m.primaryValueType.code) : '';
      const dec = whole(m.decimals);
      meta.decimals = dec !== undefined && dec <= 6 ? dec : 0;
      const du = text(m['data-updated']);
      meta.dataUpdated = /^\d{4}-\d{2}-\d{2}/.test(du) ? du.slice(0, 10) : null;
    }
    metas.push(meta);
  });
  return { metas, issues };
}

/** Counts (lukumäärä) can be added when municipalities merge; rates, shares and indices cannot. */
export function sotkanetUnitIsAdditive(unit: string | undefined): boolean {
  return unit === 'LKM';
}

export type RegionResolution = { area: Area } | { ignore: string };

export interface CountyRef {
  code: string;
  classCode: string;
  sotkanetId: number | null;
  nameFi: string;
}

/**
 * Turns Sotkanet region ids into our areas:
 * - KUNTA '091' → municipality 091;
 * - HYVINVOINTIALUE → county 'HVA..', matched by Sotkanet id (county.sotkanet_id, 956–978). Sotkanet numbers the
 *   counties with Statistics Finland's class code ('19' Pohjois-Pohjanmaa), but its 2021–2022 areas used another
 *   numbering ('15' was Pohjois-Pohjanmaa), so a code alone is trusted only when the title names the same county.
 *   Åland (code 91) is no wellbeing services county in our model: left out as 'county_unmapped';
 * - MAAKUNTA '17' → region 17; MAA → country FI;
 * - any other category (SEUTUKUNTA, ERVA, …) is left out and counted as 'category:<name>'.
 */
export function sotkanetRegionResolver(
  snapshot: readonly SotkanetRegion[],
  counties: readonly CountyRef[],
): (id: number) => RegionResolution | undefined {
  const byId = new Map<number, RegionResolution>();
  const countyBySotkanet = new Map(counties.filter((c) => c.sotkanetId !== null).map((c) => [c.sotkanetId!, c]));
  const countyByClass = new Map(counties.map((c) => [c.classCode, c]));
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('fi') === b.trim().toLocaleLowerCase('fi');
  for (const r of snapshot) {
    let res: RegionResolution;
    switch (r.category) {
      case 'KUNTA':
        res = { area: { type: 'municipality', code: r.code.padStart(3, '0') } };
        break;
      case 'HYVINVOINTIALUE': {
        const byCode = countyByClass.get(r.code.padStart(2, '0'));
        const c = countyBySotkanet.get(r.id) ?? (byCode && same(byCode.nameFi, r.title.fi) ? byCode : undefined);
        res = c ? { area: { type: 'county', code: c.code } } : { ignore: 'county_unmapped' };
        break;
      }
      case 'MAAKUNTA':
        res = { area: { type: 'region', code: r.code.padStart(2, '0') } };
        break;
      case 'MAA':
        res = { area: { type: 'country', code: COUNTRY_CODE } };
        break;
      default:
        res = { ignore: `category:${r.category}` };
    }
    byId.set(r.id, res);
  }
  return (id) => byId.get(id);
}

const INDICATOR_IDS = new Map<number, string>();
const GENDER_WORDS = new Map<string, Gender>([
  ['total', 'total'],
  ['male', 'male'],
  ['female', 'female'],
]);

interface RawRow {
  indicator: unknown;
  region: unknown;
  year: unknown;
  gender: unknown;
  value: unknown;
  absValue: unknown;
}

/** Where a row is, for an issue: built only then (a million rows go through readRow). */
const rowAt = (line: number, row: number | undefined) => (row === undefined ? { line } : { line, row });

/** Checks one Sotkanet data row (JSON or CSV). Returns the row, or records one issue / one ignored reason. */
function readRow(
  raw: RawRow,
  line: number,
  row: number | undefined,
  resolve: (id: number) => RegionResolution | undefined,
  out: ParsedFile,
): void {
  const regionId = whole(raw.region);
  if (regionId === undefined) return out.issues.add({ ...rowAt(line, row), code: 'bad_region', params: { value: text(raw.region) } });
  const resolved = resolve(regionId);
  if (!resolved) return out.issues.add({ ...rowAt(line, row), code: 'unknown_region', params: { value: regionId } });
  if ('ignore' in resolved) return countIgnored(out.ignored, resolved.ignore);
  const indicator = whole(raw.indicator);
  if (indicator === undefined) return out.issues.add({ ...rowAt(line, row), code: 'bad_indicator', params: { value: text(raw.indicator) } });
  const year = whole(raw.year);
  if (year === undefined) return out.issues.add({ ...rowAt(line, row), code: 'bad_year', params: { value: text(raw.year) } });
  const gender = (typeof raw.gender === 'string' ? GENDER_WORDS.get(raw.gender) : undefined) ?? GENDER_WORDS.get(text(raw.gender).trim().toLowerCase());
  if (!gender) return out.issues.add({ ...rowAt(line, row), code: 'bad_gender', params: { value: text(raw.gender) } });
  if (raw.value === null || raw.value === undefined || raw.value === '') return countIgnored(out.ignored, 'missing_value');
  const value = typeof raw.value === 'number' ? raw.value : typeof raw.value === 'string' ? parseDecimal(raw.value) : undefined;
  if (value === undefined || !Number.isFinite(value)) return out.issues.add({ ...rowAt(line, row), code: 'not_a_number', params: { value: text(raw.value) || typeof raw.value } });
  let absValue: number | null = null;
  if (raw.absValue !== null && raw.absValue !== undefined && raw.absValue !== '') {
    const a = typeof raw.absValue === 'number' ? raw.absValue : typeof raw.absValue === 'string' ? parseDecimal(raw.absValue) : undefined;
    if (a === undefined || !Number.isFinite(a)) return out.issues.add({ ...rowAt(line, row), code: 'not_a_number', params: { value: text(raw.absValue) || typeof raw.absValue } });
    absValue = a;
  }
  let indicatorId = INDICATOR_IDS.get(indicator);
  if (indicatorId === undefined) INDICATOR_IDS.set(indicator, (indicatorId = `sotkanet:${indicator}`));
  out.rows.push({ line, row, indicatorId, area: resolved.area, year, gender, value, absValue });
}

/** Sotkanet /json: a JSON array of flat rows. */
export function parseSotkanetJson(source: string, resolve: (id: number) => RegionResolution | undefined): ParsedFile {
  const out: ParsedFile = { rowsRead: 0, rows: [], issues: new IssueList(), ignored: {} };
  const parsed = parseJson(source);
  if ('issue' in parsed) {
    out.issues.add(parsed.issue);
    return out;
  }
  if (!Array.isArray(parsed.value)) {
    out.issues.add({ line: 1, code: 'json_not_an_array' });
    return out;
  }
  const lines = topLevelElementLines(source);
  const list = parsed.value as unknown[];
  out.rowsRead = list.length;
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (!isObject(r)) {
      out.issues.add({ line: lines[i] ?? 1, row: i + 1, code: 'row_not_an_object' });
      continue;
    }
    readRow(r as unknown as RawRow, lines[i] ?? 1, i + 1, resolve, out);
  }
  return out;
}

/**
 * Sotkanet /csv: semicolon-separated with the header exactly `indicator;region;year;gender;primary value;absolute value`.
 * A comma-separated file is refused as 'wrong_delimiter' on line 1 rather than misread.
 */
export function parseSotkanetCsv(source: string, resolve: (id: number) => RegionResolution | undefined): ParsedFile {
  const out: ParsedFile = { rowsRead: 0, rows: [], issues: new IssueList(), ignored: {} };
  const firstLine = (source.split(/\r?\n/, 1)[0] ?? '').trim();
  const unquote = (h: string) => h.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
  const header = firstLine.split(';').map(unquote);
  if (header.join(';') !== SOTKANET_CSV_HEADER.join(';')) {
    const commaHeader = firstLine.split(',').map(unquote);
    if (commaHeader.length > 1 && !firstLine.includes(';')) {
      out.issues.add({ line: 1, code: 'wrong_delimiter', params: { expected: ';', found: ',' } });
    } else {
      out.issues.add({ line: 1, code: 'bad_header', params: { expected: SOTKANET_CSV_HEADER.join(';'), found: firstLine.slice(0, 120) } });
    }
    return out;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, { delimiter: ';', from_line: 2, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as never;
  } catch (e) {
    out.issues.add({ line: Number((e as { lines?: number }).lines ?? 0), code: 'csv_malformed', params: { reason: String((e as { code?: string }).code ?? 'CSV') } });
    return out;
  }
  out.rowsRead = records.length;
  for (const { record, info } of records) {
    const at = { line: info.lines };
    if (record.length !== SOTKANET_CSV_HEADER.length) {
      out.issues.add({ ...at, code: 'wrong_field_count', params: { expected: SOTKANET_CSV_HEADER.length, found: record.length } });
      continue;
    }
    const [indicator, region, year, gender, value, absValue] = record;
    readRow({ indicator, region, year, gender, value, absValue }, at.line, undefined, resolve, out);
  }
  return out;
}

/** A Sotkanet indicator's catalogue entry. Attribution "THL, Sotkanet", licence CC BY 4.0 (THL's open data terms). */
export function sotkanetCatalogueEntry(m: SotkanetIndicatorMeta): CatalogueUpsert {
  const e: CatalogueUpsert = {
    id: `sotkanet:${m.sourceId}`,
    source: 'sotkanet',
    sourceId: m.sourceId,
    titleFi: m.title.fi,
    titleSv: m.title.sv,
    titleEn: m.title.en,
    organisation: m.organisation,
    licence: CC_BY_4,
    attribution: SOTKANET_ATTRIBUTION,
  };
  if (m.description) {
    e.descriptionFi = m.description.fi;
    e.descriptionSv = m.description.sv;
    e.descriptionEn = m.description.en;
    e.unit = m.unit ?? '';
    e.decimals = m.decimals ?? 0;
    e.additive = sotkanetUnitIsAdditive(m.unit);
    e.dataUpdated = m.dataUpdated ?? null;
  }
  return e;
}
