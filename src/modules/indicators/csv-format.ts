import { parse } from 'csv-parse/sync';
import { countIgnored, IgnoredRows, IssueList, rowTicker, type OnRows, type ParsedFile } from './import-report.ts';
import { areaOfCode, parseDecimal, type Gender } from './indicator.ts';

/**
 * A party's own data as plain CSV: columns `region_code` (091 / HVA19 / 17 / FI), `year`, `value` and optionally
 * `gender` (total, male, female; total when absent or empty). Comma- or semicolon-separated (decided by the
 * header), decimal comma allowed. The indicator is chosen by the caller, not named in the file.
 */
export const OWN_CSV_COLUMNS = ['region_code', 'year', 'value'] as const;

const GENDERS: Record<string, Gender> = { '': 'total', total: 'total', male: 'male', female: 'female' };

export function parseOwnCsv(source: string, indicatorId: string, onRows?: OnRows): ParsedFile {
  const out: ParsedFile = { rowsRead: 0, rows: [], issues: new IssueList(), ignored: new IgnoredRows() };
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(source, {
      delimiter,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as never;
  } catch (e) {
    const err = e as { lines?: number; code?: string };
    out.issues.add({ line: Number(err.lines ?? 1), code: err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'wrong_field_count' : 'csv_malformed', params: { reason: String(err.code ?? 'CSV') } });
    return out;
  }
  const header = firstLine.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  const missing = OWN_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    out.issues.add({ line: 1, code: 'missing_column', params: { column: missing.join(', ') } });
    return out;
  }
  out.rowsRead = records.length;
  const tick = rowTicker(records.length, onRows);
  let k = 0;
  for (const { record, info } of records) {
    tick(k++);
    const at = { line: info.lines };
    const code = (record.region_code ?? '').toUpperCase();
    const area = areaOfCode(code);
    if (!area) {
      out.issues.add({ ...at, code: 'bad_area_code', params: { value: record.region_code ?? '' } });
      continue;
    }
    const yearText = record.year ?? '';
    if (!/^\d{4}$/.test(yearText)) {
      out.issues.add({ ...at, code: 'bad_year', params: { value: yearText } });
      continue;
    }
    const gender = GENDERS[(record.gender ?? '').toLowerCase()];
    if (!gender) {
      out.issues.add({ ...at, code: 'bad_gender', params: { value: record.gender ?? '' } });
      continue;
    }
    if ((record.value ?? '') === '') {
      countIgnored(out.ignored, 'missing_value', at.line);
      continue;
    }
    const value = parseDecimal(record.value!);
    if (value === undefined) {
      out.issues.add({ ...at, code: 'not_a_number', params: { value: record.value! } });
      continue;
    }
    out.rows.push({ ...at, indicatorId, area, year: Number(yearText), gender, value, absValue: null });
  }
  return out;
}
