/**
 * PostgreSQL's COPY text format (tab-separated, `\N` for NULL) from column arrays, in chunks of about 1 MB so a
 * million rows never become one huge string. Used by `Sql.copyFrom` on both drivers.
 */

/** A value COPY can take: text, numbers (float8/int), booleans, dates (timestamptz), null/undefined (NULL). */
export type CopyValue = string | number | bigint | boolean | Date | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY text format: backslash, tab, newline and carriage return escaped; null → \N. */
export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : v;
  // Shortest round-trip form; NaN, Infinity, -Infinity as PostgreSQL spells them (String(-0) would lose the sign).
  if (typeof v === 'number') return v === 0 && 1 / v < 0 ? '-0' : String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Rows of the column arrays (all of the same length) as COPY text, about `chunkChars` characters at a time. */
export function* copyTextChunks(columns: readonly (readonly CopyValue[])[], chunkChars = 1 << 20): Generator<string> {
  const n = columns[0]?.length ?? 0;
  for (const c of columns) if (c.length !== n) throw new Error(`copyFrom: columns of different lengths (${n} and ${c.length})`);
  const last = columns.length - 1;
  let chunk = '';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < last; j++) chunk += copyField(columns[j]![i]) + '\t';
    chunk += copyField(columns[last]![i]) + '\n';
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** One row of COPY text output as it reaches `Sql.copyTo`'s callback: the fields as text, null for NULL. */
export type CopyRow = readonly (string | null)[];

const UNESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One field of COPY text output: \N → null; backslash escapes (\t, \\, \n, octal \NNN, hex \xHH, …) undone. */
export function copyFieldText(f: string): string | null {
  if (f === '\\N') return null;
  if (!f.includes('\\')) return f;
  return f.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|([\s\S]))/g, (_, oct?: string, hex?: string, c?: string) =>
    oct !== undefined ? String.fromCharCode(parseInt(oct, 8)) : hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (UNESCAPES[c!] ?? c!),
  );
}

/**
 * Splits COPY text output (`push` it in pieces of any size, then `end`) into rows for `onRow`. The inverse of
 * `copyTextChunks`; used by `Sql.copyTo` on both drivers. An error thrown by `onRow` stops the calls and is
 * rethrown by `end`, so a COPY stream is always read to its end (the connection stays usable).
 */
export class CopyTextReader {
  private rest = '';
  private failed: { error: unknown } | undefined;
  rows = 0;
  constructor(private readonly onRow: (row: CopyRow) => void) {}

  push(text: string): void {
    if (this.failed) return;
    const all = this.rest ? this.rest + text : text;
    let start = 0;
    for (let nl = all.indexOf('\n'); nl !== -1; nl = all.indexOf('\n', start)) {
      this.row(all.slice(start, nl));
      start = nl + 1;
    }
    this.rest = all.slice(start);
  }

  /** Returns the number of rows. */
  end(): number {
    if (this.rest && !this.failed) this.row(this.rest);
    this.rest = '';
    if (this.failed) throw this.failed.error;
    return this.rows;
  }

  private row(line: string): void {
    if (this.failed) return;
    const fields: (string | null)[] = line.split('\t');
    for (let i = 0; i < fields.length; i++) fields[i] = copyFieldText(fields[i]!);
    this.rows++;
    try {
      this.onRow(fields);
    } catch (error) {
      this.failed = { error };
    }
  }
}

/**
 * A PostgreSQL array literal ('{1,2,NULL}', '{"a","b \"c\""}') for a `$n::type[]` parameter. The drivers'
 * own serialisation of a JS array quotes and escapes every element with two regular expressions, which for a
 * million values costs more than the database's work on them (PGlite); numbers need no quoting at all.
 */
export function arrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'number') parts[i] = v === 0 && 1 / v < 0 ? '-0' : String(v);
    else parts[i] = v.includes('\\') || v.includes('"') ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}
