import { countIgnored, IgnoredRows, IssueList, rowTicker, type OnRows, type ImportIssue, type ParsedFile, type SourceRow } from './import-report.ts';
import { COUNTRY_CODE, type Area, type Gender } from './indicator.ts';

/**
 * Statistics Finland (StatFin, PxWeb) tables as JSON-stat 2.0 datasets:
 * `{ version, class: 'dataset', id: [dims], size: [n…], dimension: { <dim>: { category: { index, label, unit } } },
 *    value: [...] | {"i": v}, status?, updated?, role?: { time, geo, metric }, extension?: { px: { tableid } } }`.
 * The value array is in row-major order over `id`/`size` (the last dimension changes fastest).
 * Dimensions understood: the area (codes KU091, HVA19, MK17, SSS = whole country; HVA91 Åland is left out as
 * outside the county reform), the time (`Vuosi` 2024, `Vuosineljännes` 2024Q4 or `Kuukausi` 2024M12: see
 * yearEndPeriods), the
 * content (`Tiedot`: one indicator per content code) and optionally sex (`Sukupuoli`: SSS total, 1 male, 2 female).
 * Any other dimension must have a single category.
 */
export interface StatfinIndicatorMeta {
  id: string;
  sourceId: string;
  title: string;
  unit: string;
  decimals: number;
  dataUpdated: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Åland's county code in StatFin tables: outside the county reform, recognised and left out with that reason. */
export const ALAND: Area = { type: 'county', code: 'HVA91' };

export function statfinArea(code: string): Area | undefined {
  if (code === ALAND.code) return ALAND;
  let m = /^KU(\d{3})$/.exec(code);
  if (m) return { type: 'municipality', code: m[1]! };
  if (/^HVA\d{2}$/.test(code)) return { type: 'county', code };
  m = /^MK(\d{2})$/.exec(code);
  if (m) return { type: 'region', code: m[1]! };
  if (code === 'SSS') return { type: 'country', code: COUNTRY_CODE };
  return undefined;
}

const GENDER_CODES: Record<string, Gender> = { SSS: 'total', S: 'total', '0': 'total', '1': 'male', '2': 'female' };

function categoryCodes(dim: unknown): string[] | undefined {
  if (!isObject(dim) || !isObject(dim.category)) return undefined;
  const { index, label } = dim.category;
  if (Array.isArray(index)) return index.map(String);
  if (isObject(index)) {
    const codes: string[] = [];
    for (const [code, pos] of Object.entries(index)) codes[Number(pos)] = code;
    return codes;
  }
  // A dimension with a single category may omit the index.
  if (isObject(label) && Object.keys(label).length === 1) return Object.keys(label);
  return undefined;
}

function pick(ids: string[], role: unknown, roleName: string, pattern: RegExp): number {
  if (isObject(role) && Array.isArray(role[roleName])) {
    const i = ids.indexOf(String((role[roleName] as unknown[])[0]));
    if (i >= 0) return i;
  }
  return ids.findIndex((d) => pattern.test(d));
}

/**
 * A time category: a year `2024`, a quarter `2024Q4` or a month `2024M12`. `order` ranks the periods within
 * their year (a month its number, a quarter its last month, a whole year 13).
 */
export function statfinPeriod(code: string): { year: number; period: string | null; order: number } | undefined {
  if (/^\d{4}$/.test(code)) return { year: Number(code), period: null, order: 13 };
  let m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) return { year: Number(m[1]), period: code, order: Number(m[2]) * 3 };
  m = /^(\d{4})M(0[1-9]|1[0-2])$/.exec(code);
  if (m) return { year: Number(m[1]), period: code, order: Number(m[2]) };
  return undefined;
}

/**
 * Which time categories stand for their year (docs/indicators.md, "Periods"): the latest period of each year in
 * the table — December (`YYYYM12`) or the fourth quarter (`YYYYQ4`) for a complete year, the year-end stock;
 * for a year still in progress its latest month or quarter. The period is stored with the value, so a reader
 * sees that 2025 means 2025M10. Returns the positions of those categories.
 */
export function yearEndPeriods(periods: readonly ({ year: number; order: number } | undefined)[]): Set<number> {
  const best = new Map<number, number>();
  periods.forEach((p, i) => {
    if (!p) return;
    const cur = best.get(p.year);
    if (cur === undefined || periods[cur]!.order < p.order) best.set(p.year, i);
  });
  return new Set(best.values());
}

export interface StatfinParsed extends ParsedFile {
  metas: StatfinIndicatorMeta[];
}

/** `table` names the StatFin table ('11ra'); without it the dataset's extension.px.tableid is used. */
export function parseStatfin(source: string, table?: string, onRows?: OnRows): StatfinParsed {
  const out: StatfinParsed = { rowsRead: 0, rows: [], issues: new IssueList(), ignored: new IgnoredRows(), metas: [] };
  const fail = (issue: ImportIssue) => {
    out.issues.add(issue);
    return out;
  };
  let ds: unknown;
  try {
    ds = JSON.parse(source);
  } catch {
    return fail({ line: 1, code: 'json_malformed' });
  }
  if (isObject(ds) && ds.class === 'collection') return fail({ code: 'jsonstat_collection' });
  if (!isObject(ds) || !Array.isArray(ds.id) || !Array.isArray(ds.size) || !isObject(ds.dimension) || ds.id.length !== ds.size.length) {
    return fail({ code: 'jsonstat_not_a_dataset' });
  }
  const ids = ds.id.map(String);
  const size = ds.size.map(Number);
  const dims = ids.map((d) => categoryCodes((ds as Json & { dimension: Json }).dimension[d]));
  const missing = ids.findIndex((_, i) => !dims[i] || dims[i]!.length !== size[i]);
  if (missing >= 0) return fail({ code: 'jsonstat_bad_dimension', params: { dimension: ids[missing]! } });

  const areaDim = pick(ids, ds.role, 'geo', /^(alue|kunta|hyvinvointialue|maakunta|region|area|område)$/i);
  const yearDim = pick(ids, ds.role, 'time', /^(vuosi|year|år|kuukausi|month|månad|vuosineljännes|neljännes|quarter|kvartal)$/i);
  const contentDim = pick(ids, ds.role, 'metric', /^(tiedot|information|uppgifter|contents)$/i);
  const genderDim = ids.findIndex((d) => /^(sukupuoli|sex|kön|gender)$/i.test(d));
  if (areaDim < 0) return fail({ code: 'jsonstat_missing_dimension', params: { dimension: 'Alue' } });
  if (yearDim < 0) return fail({ code: 'jsonstat_missing_dimension', params: { dimension: 'Vuosi' } });
  if (contentDim < 0) return fail({ code: 'jsonstat_missing_dimension', params: { dimension: 'Tiedot' } });
  const known = new Set([areaDim, yearDim, contentDim, genderDim]);
  const extra = ids.findIndex((_, i) => !known.has(i) && size[i]! > 1);
  if (extra >= 0) return fail({ code: 'jsonstat_unsupported_dimension', params: { dimension: ids[extra]! } });

  const ext = isObject(ds.extension) && isObject(ds.extension.px) ? ds.extension.px : {};
  const tableId = (table ?? (typeof ext.tableid === 'string' ? ext.tableid : '')).trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(tableId)) return fail({ code: 'jsonstat_missing_table', params: { value: tableId } });
  const updated = typeof ds.updated === 'string' && /^\d{4}-\d{2}-\d{2}/.test(ds.updated) ? ds.updated.slice(0, 10) : null;

  const content = (ds.dimension as Json)[ids[contentDim]!] as Json & { category: Json };
  const labels = isObject(content.category.label) ? content.category.label : {};
  const units = isObject(content.category.unit) ? content.category.unit : {};
  const indicatorIds: string[] = [];
  for (const code of dims[contentDim]!) {
    if (!/^[A-Za-z0-9_.-]+$/.test(code)) return fail({ code: 'jsonstat_bad_content_code', params: { value: code } });
    const unit = isObject(units[code]) ? (units[code] as Json) : {};
    const decimals = Number(unit.decimals ?? 0);
    const id = `statfin:${tableId}:${code}`;
    indicatorIds.push(id);
    out.metas.push({
      id,
      sourceId: `${tableId}:${code}`,
      title: typeof labels[code] === 'string' ? (labels[code] as string) : code,
      unit: typeof unit.base === 'string' ? unit.base : '',
      decimals: Number.isInteger(decimals) && decimals >= 0 && decimals <= 6 ? decimals : 0,
      dataUpdated: updated,
    });
  }

  const total = size.reduce((a, b) => a * b, 1);
  const values = ds.value;
  const valueAt: (i: number) => unknown = Array.isArray(values)
    ? (i) => values[i]
    : isObject(values)
      ? (i) => values[String(i)]
      : () => undefined;
  if (Array.isArray(values) && values.length !== total) {
    return fail({ code: 'jsonstat_value_count', params: { expected: total, found: values.length } });
  }
  const areas = dims[areaDim]!.map(statfinArea);
  const periods = dims[yearDim]!.map(statfinPeriod);
  const representative = yearEndPeriods(periods);
  const genders = genderDim >= 0 ? dims[genderDim]!.map((g) => GENDER_CODES[g]) : undefined;

  out.rowsRead = total;
  const tick = rowTicker(total, onRows);
  const coord = new Array<number>(ids.length).fill(0);
  for (let i = 0; i < total; i++) {
    if (i > 0) {
      for (let d = ids.length - 1; d >= 0; d--) {
        if (++coord[d]! < size[d]!) break;
        coord[d] = 0;
      }
    }
    tick(i);
    const at = { cell: i + 1 };
    const v = valueAt(i);
    if (v === null || v === undefined) {
      countIgnored(out.ignored, 'missing_value', i + 1);
      continue;
    }
    const area = areas[coord[areaDim]!];
    if (area === ALAND) {
      countIgnored(out.ignored, 'aland_outside_county_reform', i + 1);
      continue;
    }
    if (!area) {
      out.issues.add({ ...at, code: 'unknown_area_code', params: { value: dims[areaDim]![coord[areaDim]!]! } });
      continue;
    }
    const ti = coord[yearDim]!;
    const period = periods[ti];
    if (period === undefined) {
      out.issues.add({ ...at, code: 'bad_period', params: { value: dims[yearDim]![ti]! } });
      continue;
    }
    if (!representative.has(ti)) {
      countIgnored(out.ignored, 'period_not_year_end', i + 1);
      continue;
    }
    const year = period.year;
    const gender: Gender | undefined = genders ? genders[coord[genderDim]!] : 'total';
    if (!gender) {
      out.issues.add({ ...at, code: 'bad_gender', params: { value: dims[genderDim]![coord[genderDim]!]! } });
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      out.issues.add({ ...at, code: 'not_a_number', params: { value: String(v) } });
      continue;
    }
    const row: SourceRow = { cell: i + 1, indicatorId: indicatorIds[coord[contentDim]!]!, area, year, gender, value: v, absValue: null };
    if (period.period !== null) row.period = period.period;
    out.rows.push(row);
  }
  return out;
}
