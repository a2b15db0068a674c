import { parse } from 'csv-parse/sync';
import { countIgnored, IgnoredRows, IssueList, rowTicker, type ImportIssue, type OnRows, type ParsedFile } from './import-report.ts';
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
/**
 * The header variants of Sotkanet's /csv, matched by column name (case and quotes ignored, other columns such as
 * region titles allowed): older exports call the value columns `primary value` / `absolute value`, newer ones
 * use the JSON names `value` / `absValue`. The absolute value column is optional.
 */
const CSV_VALUE_NAMES = ['primary value', 'value'];
const CSV_ABS_NAMES = ['absolute value', 'absvalue', 'abs value'];
/** What a Sotkanet JSON row must have (either value key). */
export const SOTKANET_JSON_EXPECTED = 'indicator, region, year, gender, value | "primary value" [, absValue | "absolute value"]';

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
 *   Åland (code 91) is outside the county reform: left out as 'aland_outside_county_reform' (Åland's
 *   municipalities and its region 21 are areas like any other); any other unknown county as 'county_unmapped';
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
        // Åland (class code 91) is outside the wellbeing services county reform: recognised and reported as such.
        res = c ? { area: { type: 'county', code: c.code } } : r.code.padStart(2, '0') === ALAND_COUNTY_CLASS ? { ignore: 'aland_outside_county_reform' } : { ignore: 'county_unmapped' };
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

/** Åland's code in the county classification (Statistics Finland HVA91, Sotkanet HYVINVOINTIALUE '91'). */
export const ALAND_COUNTY_CLASS = '91';

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
  if ('ignore' in resolved) return countIgnored(out.ignored, resolved.ignore, line);
  const indicator = whole(raw.indicator);
  if (indicator === undefined) return out.issues.add({ ...rowAt(line, row), code: 'bad_indicator', params: { value: text(raw.indicator) } });
  const year = whole(raw.year);
  if (year === undefined) return out.issues.add({ ...rowAt(line, row), code: 'bad_year', params: { value: text(raw.year) } });
  const gender = (typeof raw.gender === 'string' ? GENDER_WORDS.get(raw.gender) : undefined) ?? GENDER_WORDS.get(text(raw.gender).trim().toLowerCase());
  if (!gender) return out.issues.add({ ...rowAt(line, row), code: 'bad_gender', params: { value: text(raw.gender) } });
  if (raw.value === null || raw.value === undefined || raw.value === '') return countIgnored(out.ignored, 'missing_value', line);
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

/**
 * Sotkanet /json: a JSON array of flat rows, `{indicator, region, year, gender, value, absValue?}` as the REST API
 * answers today, or with the older keys `"primary value"` / `"absolute value"` (older exports and tools that
 * save them); numbers or strings, decimal point or comma. A file whose rows have neither value key is refused
 * naming the keys expected (rather than read as "no value" row by row).
 */
export function parseSotkanetJson(source: string, resolve: (id: number) => RegionResolution | undefined, onRows?: OnRows): ParsedFile {
  const out: ParsedFile = { rowsRead: 0, rows: [], issues: new IssueList(), ignored: new IgnoredRows() };
  const parsed = parseJson(source);
  if ('issue' in parsed) {
    out.issues.add(parsed.issue);
    return out;
  }
  if (!Array.isArray(parsed.value)) {
    out.issues.add({ line: 1, code: isObject(parsed.value) ? 'sotkanet_unknown_shape' : 'json_not_an_array', params: { expected: SOTKANET_JSON_EXPECTED, found: foundKeys(parsed.value) } });
    return out;
  }
  const lines = topLevelElementLines(source);
  const list = parsed.value as unknown[];
  // Which key names the file uses: decided by the first row with a value key, so a file is read in one shape.
  let older = false;
  let shapeKnown = list.length === 0;
  for (const r of list) {
    if (!isObject(r)) continue;
    if ('value' in r || 'absValue' in r) break;
    if ('primary value' in r || 'absolute value' in r) {
      older = true;
      break;
    }
  }
  for (const r of list) {
    if (isObject(r) && ('value' in r || 'primary value' in r)) {
      shapeKnown = true;
      break;
    }
  }
  if (!shapeKnown) {
    const first = list.find(isObject);
    out.issues.add({ line: lines[0] ?? 1, row: 1, code: 'sotkanet_unknown_shape', params: { expected: SOTKANET_JSON_EXPECTED, found: foundKeys(first ?? list[0]) } });
    return out;
  }
  out.rowsRead = list.length;
  const tick = rowTicker(list.length, onRows);
  for (let i = 0; i < list.length; i++) {
    tick(i);
    const r = list[i];
    if (!isObject(r)) {
      out.issues.add({ line: lines[i] ?? 1, row: i + 1, code: 'row_not_an_object' });
      continue;
    }
    const raw = older
      ? { indicator: r.indicator, region: r.region, year: r.year, gender: r.gender, value: r['primary value'], absValue: r['absolute value'] }
      : (r as unknown as RawRow);
    readRow(raw, lines[i] ?? 1, i + 1, resolve, out);
  }
  return out;
}

function foundKeys(v: unknown): string {
  if (isObject(v)) return Object.keys(v).slice(0, 12).join(', ') || '{}';
  return Array.isArray(v) ? '[…]' : typeof v;
}

/**
 * Sotkanet /csv: semicolon-separated, with a header naming the columns (either variant, CSV_VALUE_NAMES), decimal
 * comma allowed. A comma-separated file is refused as 'wrong_delimiter' on line 1 rather than misread.
 */
export function parseSotkanetCsv(source: string, resolve: (id: number) => RegionResolution | undefined, onRows?: OnRows): ParsedFile {
  const out: ParsedFile = { rowsRead: 0, rows: [], issues: new IssueList(), ignored: new IgnoredRows() };
  const firstLine = (source.split(/\r?\n/, 1)[0] ?? '').trim();
  const unquote = (h: string) => h.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
  const header = firstLine.split(';').map(unquote);
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const cols = {
    indicator: col(['indicator']),
    region: col(['region']),
    year: col(['year']),
    gender: col(['gender']),
    value: col(CSV_VALUE_NAMES),
    absValue: col(CSV_ABS_NAMES),
  };
  const expected = `${SOTKANET_CSV_HEADER.join(';')} | indicator;region;year;gender;value;absValue`;
  if (cols.indicator < 0 || cols.region < 0 || cols.year < 0 || cols.gender < 0 || cols.value < 0) {
    const commaHeader = firstLine.split(',').map(unquote);
    if (commaHeader.length > 1 && !firstLine.includes(';')) {
      out.issues.add({ line: 1, code: 'wrong_delimiter', params: { expected: ';', found: ',' } });
    } else {
      out.issues.add({ line: 1, code: 'bad_header', params: { expected, found: firstLine.slice(0, 120) } });
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
  const tick = rowTicker(records.length, onRows);
  let k = 0;
  for (const { record, info } of records) {
    tick(k++);
    const at = { line: info.lines };
    if (record.length !== header.length) {
      out.issues.add({ ...at, code: 'wrong_field_count', params: { expected: header.length, found: record.length } });
      continue;
    }
    readRow(
      {
        indicator: record[cols.indicator],
        region: record[cols.region],
        year: record[cols.year],
        gender: record[cols.gender],
        value: record[cols.value],
        absValue: cols.absValue >= 0 ? record[cols.absValue] : undefined,
      },
      at.line,
      undefined,
      resolve,
      out,
    );
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
