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
